package claims

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZReal(t *testing.T) {
	if os.Getenv("REAL") == "" {
		t.Skip()
	}
	dirs, _ := filepath.Glob("../testdata/real/*/source.txt")
	for _, f := range dirs {
		m, _ := os.ReadFile(filepath.Join(filepath.Dir(f), "meta.yaml"))
		if !strings.Contains(string(m), "报告") && os.Getenv("REAL") != "all" {
			continue
		}
		b, _ := os.ReadFile(f)
		s := ExtractText(string(b))
		fmt.Printf("== %s: %d claims %d relations\n", filepath.Base(filepath.Dir(f)), len(s.Claims), len(s.Relations))
		for _, is := range s.Check(Options{}) {
			fmt.Printf("   %s sure=%v %s | %s -> %s | %s\n", is.Code, is.Sure, is.Message, is.Stated, is.Expected, is.Formula)
		}
	}
}
