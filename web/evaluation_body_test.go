package web

import (
	"bytes"
	"testing"

	"jixiao"
	"jixiao/yamlfile"
)

// TestEvaluationBodyProvenance: the body's provenance, written by
// posjson, is the bytes marshalJSON writes for it: a file's, as a save's
// body gives it, and one with what JSON escapes (an imported workbook's
// sheet named with & and <).
func TestEvaluationBodyProvenance(t *testing.T) {
	ev, err := yamlfile.Decode(mustSampleYAML(t), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Provenance) < 20 {
		t.Fatalf("the sample's provenance has %d positions", len(ev.Provenance))
	}
	for name, prov := range map[string]map[string]jixiao.Position{
		"File":     ev.Provenance,
		"Workbook": {"budget.全年预算数": {Sheet: "R&D <表一> \"2024\"\u2028", Row: 7, Cell: 3}, "indicators[0].得分": {Page: 2, Line: 5}},
	} {
		body, err := newEvaluationBody(&jixiao.EvaluationRecord{Content: ev, Provenance: prov})
		if err != nil {
			t.Fatal(err)
		}
		want, err := marshalJSON(prov)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(body.provenance, want) {
			t.Errorf("%s: body's provenance\n got %s\nwant %s", name, body.provenance, want)
		}
	}
}
