package posjson

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"jixiao"
	"jixiao/internal/sample"
	"jixiao/yamlfile"
)

// encodingJSON is what Append must write: encoding/json's bytes.
func encodingJSON(t testing.TB, v any, escapeHTML bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// escaped holds every character encoding/json writes otherwise than as it
// is, and some it writes as they are.
const escaped = "引号\"反斜杠\\<b>&amp;'\u2028\u2029\t\n\r\x00\x1f\x7f 😀 \ufffd\xff\xc3 末"

// TestAppendMatchesEncodingJSON: Append writes the bytes encoding/json
// writes for a provenance, with and without HTML escapes: a file's, maps
// of every field, empty positions, nil, and keys and sheet names that
// JSON escapes.
func TestAppendMatchesEncodingJSON(t *testing.T) {
	var y bytes.Buffer
	if err := yamlfile.Encode(&y, sample.Yanfeng(), yamlfile.Options{}); err != nil {
		t.Fatal(err)
	}
	read, err := yamlfile.Decode(y.Bytes(), "sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(read.Provenance) < 20 {
		t.Fatalf("the sample's provenance has %d positions", len(read.Provenance))
	}
	for _, tc := range []struct {
		name string
		prov map[string]jixiao.Position
	}{
		{"File", read.Provenance},
		{"Nil", nil},
		{"Empty", map[string]jixiao.Position{}},
		{"EveryField", map[string]jixiao.Position{"b": {Line: 1, Col: 2, Page: 3, Sheet: "表1", Table: 4, Row: 5, Cell: 6}, "a": {}}},
		{"Negative", map[string]jixiao.Position{"x": {Line: -1, Cell: -12345678901}}},
		{"Escaped", map[string]jixiao.Position{escaped: {Line: 3}, "indicators[0].得分": {Sheet: escaped, Row: 2}, "indicators[10]": {Page: 1}, "Indicators[2]": {Col: 1}}},
	} {
		for _, html := range []bool{true, false} {
			want := encodingJSON(t, tc.prov, html)
			for _, time := range []string{"first", "again"} { // again with its sorted keys kept
				if got := Append(nil, tc.prov, html); !bytes.Equal(got, want) {
					t.Errorf("%s, escapeHTML %v, %s:\n got %s\nwant %s", tc.name, html, time, got, want)
				}
			}
		}
	}
}

// TestAppendStringMatchesEncodingJSON compares AppendString with
// encoding/json on random strings drawn from the characters it treats
// apart, with and without HTML escapes.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"a", "指标", "<", ">", "&", "\"", "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\u2028", "\u2029",
		"\xff", "\xe2\x80", "\xc3", "😀", "\ufffd", " ", "/"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var s string
		for range rng.IntN(8) {
			s += pieces[rng.IntN(len(pieces))]
		}
		for _, html := range []bool{true, false} {
			want := encodingJSON(t, s, html)
			if got := AppendString([]byte("x"), s, html); !bytes.Equal(got[1:], want) || got[0] != 'x' {
				t.Fatalf("%q, escapeHTML %v:\n got %s\nwant x%s", s, html, got, want)
			}
		}
	}
}

// BenchmarkAppend writes a file's provenance as a save's answer does:
// go test ./internal/posjson -run X -bench Append
func BenchmarkAppend(b *testing.B) {
	var y bytes.Buffer
	if err := yamlfile.Encode(&y, sample.Yanfeng(), yamlfile.Options{}); err != nil {
		b.Fatal(err)
	}
	read, err := yamlfile.Decode(y.Bytes(), "sample.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Append(nil, read.Provenance, false)
	}
}
