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
