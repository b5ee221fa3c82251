package sqldb

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/extract"
	"jixiao/gen"
	"jixiao/importer"
	"jixiao/rules"
	"jixiao/yamlfile"
)

// TestDecodeMatchesEncodingJSON: every stored part of a revision (content,
// provenance, score, findings, changes), written by encodeRevision, reads
// back through decodeJSON as the same Go values as encoding/json reads it
// (decimals with the same digits and exponent, nil and empty alike): the
// sample imported from its text (report, provenance, narrative findings),
// the sample's YAML file, generated tables of both kinds with and without
// injected errors, and text that JSON escapes.
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	type stored struct {
		name string
		ev   *jixiao.Evaluation
		doc  *jixiao.Document
		ch   []jixiao.Change
	}
	var cases []stored
	doc := importedSample(t)
	imported, _ := extract.Extract(doc)
	cases = append(cases, stored{"imported sample", imported, doc, []jixiao.Change{{Path: "budget.全年执行数", Old: "1", New: "2"}}})
	yaml, err := os.ReadFile("../testdata/yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := yamlfile.Decode(yaml, "yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, stored{name: "YAML sample", ev: fromYAML})
	for i := range 6 {
		for _, kind := range []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject} {
			c, err := gen.Generate(2024, i, gen.Options{Kind: kind, Rules: "hunan", ErrorRate: float64(i % 2)})
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, stored{name: fmt.Sprintf("generated %s %d", kind, i), ev: c.Eval})
		}
	}
	odd := *cases[len(cases)-1].ev
	odd.Indicators = append([]jixiao.Indicator(nil), odd.Indicators...)
	escaped := "引号\"反斜杠\\<b>&amp;'\u2028\u2029\t\x00 😀 \ufffd"
	odd.Goal.Expected, odd.Indicators[0].Name, odd.Indicators[0].Deviation = escaped, escaped, escaped
	odd.Indicators[0].Weight = jixiao.Figure{Text: "-0.000120", Value: decimal.RequireFromString("-0.000120"), Valid: true}
	odd.Indicators[0].Actual.Number = decimal.New(15, 20)
	odd.Provenance = map[string]jixiao.Position{escaped: {Line: 3, Col: 9}, "indicators[0].得分": {Sheet: escaped, Row: 2, Cell: 7}}
	cases = append(cases, stored{"escaped text and odd decimals", &odd, nil, []jixiao.Change{{Path: escaped, Old: "", New: escaped}}})

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := rules.Load("hunan")
			if err != nil {
				t.Fatal(err)
			}
			sr, fs := NewChecker(nil)(c.ev, rs, c.doc)
			b, err := encodeRevision(c.ev, nil, sr, fs, c.ch)
			if err != nil {
				t.Fatal(err)
			}
			for _, part := range []struct {
				name string
				blob string
				into func() any
			}{
				{"content", b.content, func() any { return &jixiao.Evaluation{} }},
				{"provenance", b.provenance, func() any { return &map[string]jixiao.Position{} }},
				{"scores", b.scores, func() any { return &jixiao.ScoreRecord{} }},
				{"findings", b.findings, func() any { return &[]jixiao.Finding{} }},
				{"changes", b.changes, func() any { return &[]jixiao.Change{} }},
			} {
				want, got := part.into(), part.into()
				if err := json.Unmarshal([]byte(part.blob), want); err != nil {
					t.Fatalf("%s: encoding/json: %v", part.name, err)
				}
				if err := decodeJSON(part.blob, got); err != nil {
					t.Fatalf("%s: decodeJSON: %v", part.name, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: decodeJSON differs from encoding/json (-encoding/json +decodeJSON):\n%s", part.name,
						cmp.Diff(want, got, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.String() == b.String() && a.Exponent() == b.Exponent() })))
				}
			}
			if len(fs) == 0 && c.doc != nil {
				t.Errorf("no findings on the imported sample: the findings part is not exercised")
			}
		})
	}
}

// TestEncodeProvenanceMatchesEncodingJSON: encodeProvenance writes the
// bytes encoding/json writes for a provenance map: the sample's, as its
// import reads it, and maps of every field, empty positions, and keys and
// sheet names that JSON escapes.
func TestEncodeProvenanceMatchesEncodingJSON(t *testing.T) {
	doc := importedSample(t)
	imported, _ := extract.Extract(doc)
	if len(imported.Provenance) < 20 {
		t.Fatalf("the sample's provenance has %d positions", len(imported.Provenance))
	}
	escaped := "引号\"反斜杠\\<b>&amp;'\u2028\u2029\t\n\r\x00\x1f\x7f 😀 \ufffd\xff\xc3"
	for _, tc := range []struct {
		name string
		prov map[string]jixiao.Position
	}{
		{"ImportedSample", imported.Provenance},
		{"Empty", map[string]jixiao.Position{}},
		{"EveryField", map[string]jixiao.Position{"b": {Line: 1, Col: 2, Page: 3, Sheet: "表1", Table: 4, Row: 5, Cell: 6}, "a": {}}},
		{"Negative", map[string]jixiao.Position{"x": {Line: -1, Cell: -12345678901}}},
		{"Escaped", map[string]jixiao.Position{escaped: {Line: 3}, "indicators[0].得分": {Sheet: escaped, Row: 2}, "indicators[10]": {Page: 1}, "Indicators[2]": {Col: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := encodeJSON(tc.prov)
			if err != nil {
				t.Fatal(err)
			}
			if got := encodeProvenance(tc.prov); got != want {
				t.Errorf("encodeProvenance:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// BenchmarkEncodeProvenance compares encodeProvenance with encodeJSON on
// the sample's provenance: go test ./sqldb -run X -bench EncodeProvenance
func BenchmarkEncodeProvenance(b *testing.B) {
	doc := importedSample(b)
	ev, _ := extract.Extract(doc)
	b.Run("encodeJSON", func(b *testing.B) {
		for b.Loop() {
			if _, err := encodeJSON(ev.Provenance); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encodeProvenance", func(b *testing.B) {
		for b.Loop() {
			encodeProvenance(ev.Provenance)
		}
	})
}

// importedSample is the sample's text as the importer reads it.
func importedSample(tb testing.TB) *jixiao.Document {
	tb.Helper()
	text, err := os.ReadFile("../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := importer.ReadBytes(text, "yanfeng-sfj-2024.txt", importer.DefaultLimits())
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}
