package jixiao

import (
	"go/build"
	"strings"
	"testing"
)

// TestDomainImportsNoAdapters keeps the domain package what its package
// doc says: the standard library and the decimal type, nothing else, and
// none of the standard library's storage, HTTP, file-format or unsafe
// packages.
func TestDomainImportsNoAdapters(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	forbidden := []string{"database/sql", "net/http", "encoding/xml", "encoding/csv", "archive/zip", "os/exec", "html/template", "unsafe"}
	for _, imp := range pkg.Imports {
		for _, f := range forbidden {
			if imp == f || strings.HasPrefix(imp, f+"/") {
				t.Errorf("the domain package imports %s", imp)
			}
		}
		first, _, _ := strings.Cut(imp, "/")
		if (strings.Contains(first, ".") || first == "jixiao") && imp != "github.com/shopspring/decimal" {
			t.Errorf("the domain package imports %s: only the standard library and github.com/shopspring/decimal are allowed", imp)
		}
	}
}
