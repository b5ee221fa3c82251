package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/bulk"
	"jixiao/pipeline"
	"jixiao/render"
)

// TestBulkCheckRaisesExactlyTheInjectedErrors runs `jixiao gen` and then
// `jixiao check DIR` as a user would, without --rules: every generated
// table names its rule set, so each clean file raises no error and each
// other file exactly the errors injected into it (and those they imply).
func TestBulkCheckRaisesExactlyTheInjectedErrors(t *testing.T) {
	formats := []string{"docx", "xlsx", "txt", "html", "yaml"}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		c, _ := Generate(1, 0, Options{})
		if render.Table(&bytes.Buffer{}, "pdf", c.Eval, render.Options{Rules: c.Rules}) == nil {
			formats = append(formats, "pdf")
		}
	}
	const n = 40
	dir := t.TempDir()
	st, err := Run(RunOptions{N: n, Dir: dir, Seed: 5, Gen: Options{ErrorRate: 0.3}, Write: WriteOptions{Formats: formats}})
	if err != nil {
		t.Fatal(err)
	}
	if st.WithErrors == 0 || st.Clean == 0 {
		t.Fatalf("want both clean and faulty files, got %d clean, %d with errors", st.Clean, st.WithErrors)
	}
	files, skipped, _, errs := bulk.Collect([]string{dir})
	if len(errs) > 0 || len(skipped) > 0 || len(files) != n*len(formats) {
		t.Fatalf("collected %d files (want %d), skipped %v, errors %v", len(files), n*len(formats), skipped, errs)
	}
	truths := map[string]*Case{}
	withErrors := 0
	_, err = bulk.Run(files, bulk.Options{Pipeline: pipeline.Options{Audit: true}}, func(d *pipeline.Result) error {
		if d.Err != nil {
			t.Errorf("%s: %v", d.Name, d.Err)
			return nil
		}
		base := strings.SplitN(filepath.Base(d.Name), ".", 2)[0]
		c := truths[base]
		if c == nil {
			f, err := os.Open(filepath.Join(dir, base+".truth.json"))
			if err != nil {
				return err
			}
			defer f.Close()
			tr, err := ReadTruth(f)
			if err != nil {
				return err
			}
			c = &Case{Name: filepath.Base(d.Name), Truth: *tr, Rules: ruleSets[tr.Rules]}
			truths[base] = c
		}
		if d.Rules.Name != c.Truth.Rules {
			t.Errorf("%s: checked under %s, generated under %s", d.Name, d.Rules.Name, c.Truth.Rules)
		}
		cc := *c
		cc.Name = filepath.Base(d.Name)
		checkFindings(t, &cc, d.Findings)
		if e, _, _ := d.Counts(); e > 0 {
			withErrors++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := st.WithErrors * len(formats); withErrors != want {
		t.Errorf("%d files with errors, want %d (%d injected × %d formats)", withErrors, want, st.WithErrors, len(formats))
	}
}
