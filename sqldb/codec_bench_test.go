package sqldb

import (
	"testing"

	"jixiao"
	"jixiao/gen"
	"jixiao/rules"
)

// BenchmarkDecodeRevision decodes the stored parts of a generated
// evaluation's revision, as an evaluation's first read does.
func BenchmarkDecodeRevision(b *testing.B) {
	c, err := gen.Generate(2024, 3, gen.Options{Kind: jixiao.KindProject, Rules: "hunan", ErrorRate: 1})
	if err != nil {
		b.Fatal(err)
	}
	rs, err := rules.Load("hunan")
	if err != nil {
		b.Fatal(err)
	}
	sr, fs := NewChecker(nil)(c.Eval, rs, nil)
	blobs, err := encodeRevision(c.Eval, nil, sr, fs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var prov map[string]jixiao.Position
		var score jixiao.ScoreRecord
		var findings []jixiao.Finding
		var changes []jixiao.Change
		if _, err := decodeContent(blobs.content, 1, 1); err != nil {
			b.Fatal(err)
		}
		for _, p := range []struct {
			s string
			v any
		}{{blobs.provenance, &prov}, {blobs.scores, &score}, {blobs.findings, &findings}, {blobs.changes, &changes}} {
			if err := decodeJSON(p.s, p.v); err != nil {
				b.Fatal(err)
			}
		}
	}
}
