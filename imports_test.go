package jixiao

import (
	"go/build"
	"strings"
	"testing"
)

// TestDomainImportsNoAdapters keeps the domain package free of storage,
// HTTP and file-format code: it may import the standard library's basics
// and the decimal type, nothing else.
func TestDomainImportsNoAdapters(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	forbidden := []string{"database/sql", "net/http", "encoding/xml", "encoding/csv", "archive/zip", "os/exec", "html/template"}
	for _, imp := range pkg.Imports {
		for _, f := range forbidden {
			if imp == f || strings.HasPrefix(imp, f+"/") {
				t.Errorf("the domain package imports %s", imp)
			}
		}
		if strings.Contains(imp, ".") && imp != "github.com/shopspring/decimal" {
			t.Errorf("the domain package imports third-party %s: only the decimal type is allowed", imp)
		}
		if strings.HasPrefix(imp, "jixiao/") {
			t.Errorf("the domain package imports %s: it must import nothing of ours", imp)
		}
	}
}
