package risk

import (
	"go/build"
	"strings"
	"testing"
)

// TestRiskIsPure keeps the engine what its package doc says: the domain,
// score/, audit/, the decimal type and the standard library's non-I/O
// packages.
func TestRiskIsPure(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"jixiao": true, "jixiao/score": true, "jixiao/audit": true, "github.com/shopspring/decimal": true}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if (strings.Contains(first, ".") || first == "jixiao") && !allowed[imp] {
			t.Errorf("risk imports %s", imp)
		}
		if imp == "os" || strings.HasPrefix(imp, "net") || imp == "database/sql" || strings.HasPrefix(imp, "encoding/") {
			t.Errorf("risk imports %s: I/O belongs in an adapter", imp)
		}
	}
}
