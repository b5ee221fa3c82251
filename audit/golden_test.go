package audit

import (
	"encoding/json"
	"jixiao/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer/text"
	"jixiao/rules"
)

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

// checkGolden compares findings with a golden JSON file under testdata/;
// -update rewrites it.
func checkGolden(t *testing.T, path string, fs []jixiao.Finding) {
	t.Helper()
	got, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, strings.TrimPrefix(filepath.ToSlash(path), "testdata/"), string(got)+"\n")
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
