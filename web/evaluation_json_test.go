package web

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	changes, err := diffEvaluations(ev, back)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 0 {
		t.Errorf("round trip changed %v", changes)
	}
}

func TestDiffEvaluations(t *testing.T) {
	a, err := yamlfile.Decode(mustSampleYAML(t), "a")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := yamlfile.Decode(mustSampleYAML(t), "b")
	b.Indicators[0].Score = a.Indicators[1].Score
	b.Unit = "另一个单位"
	b.Indicators = b.Indicators[:len(b.Indicators)-1]
	changes, err := diffEvaluations(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, c := range changes {
		fields = append(fields, c.Field)
	}
	if !slices.Contains(fields, "单位") || (a.Indicators[0].Score.Text != a.Indicators[1].Score.Text && !slices.Contains(fields, "指标[1].得分")) {
		t.Errorf("changes %v lack 单位 or 指标[1].得分", fields)
	}
	last := len(a.Indicators)
	removed := 0
	for _, c := range changes {
		if strings.HasPrefix(c.Field, "指标["+strconv.Itoa(last)+"]") {
			if c.To != nil {
				t.Errorf("removed row's %s has a new value", c.Field)
			}
			removed++
		}
	}
	if removed == 0 {
		t.Errorf("removed last indicator not reported: %v", fields)
	}
	same, err := diffEvaluations(a, a)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]fieldChange{}, same); diff != "" {
		t.Errorf("a against itself: %s", diff)
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
