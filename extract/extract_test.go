package extract

import (
	"bytes"
	"encoding/json"
	"jixiao/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/importer/text"
)

const docsDir = "../testdata/docs"

// result is what the golden files hold: the evaluation and the notes.
type result struct {
	Evaluation *jixiao.Evaluation
	Notes      []Note
}

func extractFile(t *testing.T, path string) (*jixiao.Evaluation, []Note) {
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
	return Extract(doc)
}

func checkGolden(t *testing.T, name string, ev *jixiao.Evaluation, notes []Note) {
	t.Helper()
	got, err := json.MarshalIndent(result{ev, notes}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, name+".json", string(got)+"\n")
}

// TestDocsGolden extracts every shared test document that has a
// NAME.seeded.md (the real sample included) and compares the result with its golden
// dump. Other files in the shared directory belong to other tests.
func TestDocsGolden(t *testing.T) {
	seeded, err := filepath.Glob(filepath.Join(docsDir, "*.seeded.md"))
	if err != nil || len(seeded) < 10 {
		t.Fatalf("want at least 10 seeded documents in %s, got %d (%v)", docsDir, len(seeded), err)
	}
	var names []string
	for _, p := range seeded {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".seeded.md"))
	}
	for _, name := range names {
		p := filepath.Join(docsDir, name+".txt")
		t.Run(name, func(t *testing.T) {
			ev, notes := extractFile(t, p)
			checkGolden(t, name, ev, notes)
		})
	}
}

// FuzzReadExtract runs the whole text path on arbitrary input.
func FuzzReadExtract(f *testing.F) {
	// Seeds are cut to their table part: whole documents make the fuzzer
	// crawl without finding more.
	for _, name := range []string{"yanfeng-sfj-2024.txt", "hunan-lukou-skjg-2022.txt"} {
		if data, err := os.ReadFile(filepath.Join(docsDir, name)); err == nil {
			f.Add(bytes.ToValidUTF8(data[:min(len(data), 2500)], nil))
		}
	}
	f.Add([]byte("\t一级指标\n\t三级指标\n\t年度指标值\n\n\tx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := text.Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		ev, _ := Extract(doc)
		if ev == nil || ev.Provenance == nil {
			t.Fatal("nil evaluation")
		}
	})
}
