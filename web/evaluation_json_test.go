package web

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"jixiao"
	"jixiao/extract"
	"jixiao/gen"
	"jixiao/importer"
	"jixiao/yamlfile"
)

func mustSampleYAML(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile("../testdata/yanfeng-sfj-2024.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestEvaluationJSONRoundTrip checks that the API form reads back to the
// same evaluation, figures as stated.
func TestEvaluationJSONRoundTrip(t *testing.T) {
	ev, err := yamlfile.Decode(mustSampleYAML(t), "sample")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := evaluationJSON(ev)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"年度":2024`) {
		t.Errorf("年度 not an integer: %.200s", raw)
	}
	back, err := decodeEvaluation(raw)
	if err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if changes := jixiao.DiffEvaluations(ev, back); len(changes) != 0 {
		t.Errorf("round trip changed %v", changes)
	}
}

func TestDecodeEvaluationErrorsNameField(t *testing.T) {
	for _, tc := range []struct{ body, field string }{
		{`{"类型":"部门整体","预算":{"全年预算数":[1]}}`, "evaluation.预算.全年预算数"},
		{`{"类型":"部门整体","不存在":1}`, "evaluation"},
		{``, "evaluation"},
	} {
		_, err := decodeEvaluation([]byte(tc.body))
		if err == nil {
			t.Errorf("%s: no error", tc.body)
			continue
		}
		if got := errorField(err); !strings.HasPrefix(got, tc.field) {
			t.Errorf("%s: field %q, want %q", tc.body, got, tc.field)
		}
	}
}

// TestEvaluationNodeMatchesText checks that the API form made from the
// encoder's node is the one made from the YAML text it writes, for the
// sample (with its report) and a spread of generated evaluations.
func TestEvaluationNodeMatchesText(t *testing.T) {
	evs := []*jixiao.Evaluation{}
	doc, err := importer.Open("../testdata/samples/yanfeng-sfj-2024.txt", importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := extract.Extract(doc)
	evs = append(evs, sample, &jixiao.Evaluation{})
	for i := range 100 {
		c, err := gen.Generate(3, i, gen.Options{ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, c.Eval)
	}
	for i, ev := range evs {
		fast, err := evaluationJSON(ev)
		if err != nil {
			t.Fatal(err)
		}
		n, err := evaluationNodeViaText(ev)
		if err != nil {
			t.Fatal(err)
		}
		var slow bytes.Buffer
		if err := writeNodeJSON(&slow, n, ""); err != nil {
			t.Fatal(err)
		}
		if string(fast) != slow.String() {
			t.Errorf("evaluation %d: node route\n%s\ntext route\n%s", i, fast, slow.String())
		}
	}
}

// FuzzDecodeEvaluation feeds request bodies to the evaluation decoder: it
// never panics, and what it accepts goes out and back in unchanged.
func FuzzDecodeEvaluation(f *testing.F) {
	ev, err := yamlfile.Decode(mustSampleYAML(f), "sample")
	if err != nil {
		f.Fatal(err)
	}
	raw, err := evaluationJSON(ev)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(raw))
	f.Add([]byte(`{"类型":"项目","年度":2024,"指标":[{"一级指标":"产出指标","三级指标":"完成率","分值":"10"}]}`))
	f.Add([]byte(`{"类型":"部门整体","预算":{"全年预算数":[1]}}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`"\u0000"`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := decodeEvaluation(body)
		if err != nil {
			if errorField(err) == "" {
				t.Fatalf("error %v names no field", err)
			}
			return
		}
		out, err := evaluationJSON(ev)
		if err != nil {
			t.Fatalf("accepted %q but cannot write it: %v", body, err)
		}
		back, err := decodeEvaluation(out)
		if err != nil {
			t.Fatalf("accepted %q, wrote %s, which is refused: %v", body, out, err)
		}
		if d := jixiao.DiffEvaluations(ev, back); len(d) != 0 {
			t.Fatalf("accepted %q, round trip changed %v", body, d)
		}
	})
}

// TestWriteStringAsMarshal: writeString writes strings as json.Marshal
// writes them, after what the buffer holds.
func TestWriteStringAsMarshal(t *testing.T) {
	for _, s := range []string{
		"", "plain ascii 123", "雁峰区司法局", "641.20万元", "不低于105人", "１２场次",
		`say "yes"`, `C:\path`, "a<b", "a>b", "R&D", "line\nbreak", "tab\there", "\x00\x1f\x7f",
		"sep\u2028arator", "para\u2029graph", "bad \xff utf-8", "cut \xe5\xa1", "emoji 😀",
	} {
		var buf bytes.Buffer
		buf.WriteString("{")
		writeString(&buf, s)
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != "{"+string(want) {
			t.Errorf("writeString(%q) = %s, json.Marshal gives %s", s, got, want)
		}
	}
}
