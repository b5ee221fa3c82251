package audit

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer/text"
	"jixiao/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// auditFile imports a text document, extracts, scores and audits it under
// the hunan rule set, as `jixiao check` does.
func auditFile(t testing.TB, path string) []jixiao.Finding {
	t.Helper()
	return auditFileRules(t, path, "hunan")
}

// auditFileRules is auditFile under the named rule set.
func auditFileRules(t testing.TB, path, rs string) []jixiao.Finding {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := text.Read(f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := extract.Extract(doc)
	return Check(Input{Eval: ev, Doc: doc, Rules: rules.MustLoad(rs)})
}

// checkGolden compares findings with a golden JSON file; -update rewrites it.
func checkGolden(t *testing.T, golden string, fs []jixiao.Finding) {
	t.Helper()
	got, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./audit -update to create it)", err)
	}
	if d := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); d != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, d)
	}
}

func errorsIn(fs []jixiao.Finding) []jixiao.Finding {
	var out []jixiao.Finding
	for _, f := range fs {
		if f.Severity == jixiao.SevError {
			out = append(out, f)
		}
	}
	return out
}
