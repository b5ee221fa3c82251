package web

import (
	"testing"

	"jixiao/yamlfile"
)

// BenchmarkEvaluationJSON converts the sample to the API form, the cost
// of a read whose content is not cached.
func BenchmarkEvaluationJSON(b *testing.B) {
	ev, err := yamlfile.Decode(mustSampleYAML(b), "sample")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluationJSON(ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeEvaluation reads the sample's API form back, the cost
// a save adds before the store's.
func BenchmarkDecodeEvaluation(b *testing.B) {
	ev, err := yamlfile.Decode(mustSampleYAML(b), "sample")
	if err != nil {
		b.Fatal(err)
	}
	raw, err := evaluationJSON(ev)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeEvaluation(raw); err != nil {
			b.Fatal(err)
		}
	}
}
