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
		// decx extends the decimal type (coefficients in shared arrays); it
		// imports only the standard library and the decimal type itself
		if strings.HasPrefix(imp, "jixiao/") && imp != "jixiao/internal/decx" {
			t.Errorf("the domain package imports %s: it must import nothing of ours", imp)
		}
	}
}

// TestDecxIsALeaf keeps the one package of ours the domain package may
// import down to the standard library and the decimal type.
func TestDecxIsALeaf(t *testing.T) {
	pkg, err := build.ImportDir("internal/decx", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.Contains(imp, ".") && imp != "github.com/shopspring/decimal" || strings.HasPrefix(imp, "jixiao") {
			t.Errorf("internal/decx imports %s", imp)
		}
	}
}
