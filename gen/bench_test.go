package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"jixiao/audit"
	"jixiao/extract"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/rules"
	"jixiao/score"
)

// benchDocx writes n generated .docx files into a temporary directory.
func benchDocx(b *testing.B, n int) []string {
	b.Helper()
	dir := b.TempDir()
	var paths []string
	for i := range n {
		c, err := Generate(1, i, Options{ErrorRate: 0.3, Rules: "national-2020"})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, "docx", c, ""); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, c.Name+".docx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// BenchmarkCheckDocx is what `jixiao check` does per .docx file, minus the
// output: pipeline.Run with the audit. Profile it with
//
//	go test ./gen -run '^$' -bench CheckDocx -cpuprofile /tmp/cpu.prof
//	go tool pprof -top gen.test /tmp/cpu.prof
func BenchmarkCheckDocx(b *testing.B) {
	paths := benchDocx(b, 64)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := pipeline.Run(paths[i%len(paths)], pipeline.Options{Audit: true})
		if d.Err != nil {
			b.Fatal(d.Err)
		}
	}
}

// BenchmarkCheckDocxStages times each stage on bytes already in memory,
// so that the stages' shares can be read without a profiler.
func BenchmarkCheckDocxStages(b *testing.B) {
	paths := benchDocx(b, 64)
	files := make([][]byte, len(paths))
	for i, p := range paths {
		var err error
		if files[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	rs := rules.MustLoad("national-2020")
	lim := importer.DefaultLimits()
	b.Run("import", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := importer.ReadBytes(files[i%len(files)], "x.docx", lim); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		doc, _ := importer.ReadBytes(files[0], "x.docx", lim)
		for b.Loop() {
			extract.Extract(doc)
		}
	})
	b.Run("score+audit", func(b *testing.B) {
		doc, _ := importer.ReadBytes(files[0], "x.docx", lim)
		ev, _ := extract.Extract(doc)
		for b.Loop() {
			res := score.Score(ev, rs)
			audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res})
		}
	})
}
