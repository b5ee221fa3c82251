package audit

import (
	"bytes"
	"os"
	"testing"

	"jixiao/extract"
	"jixiao/importer/text"
	"jixiao/rules"
	"jixiao/score"
)

// BenchmarkAuditSample is the whole check of one real document: import the
// text, extract the evaluation, score it and run every check with the
// narrative (target ≥ 2,000 documents/s on one core).
func BenchmarkAuditSample(b *testing.B) {
	src, err := os.ReadFile(sampleFile(b))
	if err != nil {
		b.Fatal(err)
	}
	rs := rules.MustLoad("hunan")
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		doc, err := text.Read(bytes.NewReader(src), "sample.txt")
		if err != nil {
			b.Fatal(err)
		}
		ev, _ := extract.ExtractTable(doc) // what `jixiao check` does: the report's data is for render/import
		res := score.Score(ev, rs)
		if fs := Check(Input{Eval: ev, Doc: doc, Rules: rs, Result: res}); len(fs) == 0 {
			b.Fatal("no findings on the sample")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCheckSample is the checks alone on the imported sample: what
// this package adds to the import and the extraction.
func BenchmarkCheckSample(b *testing.B) {
	src, err := os.ReadFile(sampleFile(b))
	if err != nil {
		b.Fatal(err)
	}
	rs := rules.MustLoad("hunan")
	doc, err := text.Read(bytes.NewReader(src), "sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	ev, _ := extract.Extract(doc)
	res := score.Score(ev, rs)
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(Input{Eval: ev, Doc: doc, Rules: rs, Result: res})
	}
}
