package web

import (
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/yamlfile"
)

// TestEvaluationViewJSON: an evaluation written from its parts encoded
// once (writeJSON → appendJSON) and inside a list (MarshalJSON through
// encoding/json) reads as the plain encoding of every field does.
func TestEvaluationViewJSON(t *testing.T) {
	ev, err := yamlfile.Decode(mustSampleYAML(t), "sample")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 10, 9, 12, 0, 0, time.UTC)
	rec := &jixiao.EvaluationRecord{ID: 7, UnitID: 3, UnitName: "司法局 <机关> & 所", Year: 2024, Kind: jixiao.KindDepartment,
		Title: "司法局", RuleSet: "hunan", Status: jixiao.StatusDraft, Version: 3, Revision: 2, UpdatedAt: at, CreatedAt: at,
		SourceHash: "abc", UpdatedName: "张三", Content: ev,
		Score:      jixiao.ScoreRecord{Rules: "hunan", Total: decimal.RequireFromString("88.5"), Grade: "良", Rows: []jixiao.RowScore{{Index: 0, Name: "指标", Weight: decimal.RequireFromString("5"), Score: decimal.RequireFromString("4.5")}}},
		Findings:   []jixiao.Finding{{Code: "T01", Severity: jixiao.SevError, Message: "合计 < 分项之和"}},
		Provenance: map[string]jixiao.Position{"预算.全年执行数": {Line: 12}}}
	s := &Server{bodies: newVersionCache[*evaluationBody](4)}
	content, err := evaluationJSON(ev)
	if err != nil {
		t.Fatal(err)
	}
	for _, public := range []bool{false, true} {
		v, err := s.newEvaluationView(rec, nil, public)
		if err != nil {
			t.Fatal(err)
		}
		plain := map[string]any{}
		head, _ := json.Marshal(v.evaluationHead)
		mustUnmarshal(t, head, &plain)
		for k, x := range map[string]any{"score": newScoreView(rec.Score), "evaluation": content, "findings": newFindingViews(rec.Findings), "provenance": rec.Provenance} {
			if k == "provenance" && public {
				continue
			}
			b, _ := json.Marshal(x)
			var part any
			mustUnmarshal(t, b, &part)
			plain[k] = part
		}
		rr := httptest.NewRecorder()
		writeJSON(rr, 200, v)
		var written map[string]any
		mustUnmarshal(t, rr.Body.Bytes(), &written)
		if diff := cmp.Diff(plain, written); diff != "" {
			t.Errorf("public %v: written view differs from the plain encoding (-plain +written):\n%s", public, diff)
		}
		listed, err := json.Marshal(list[evaluationView]{Items: []evaluationView{v}, Total: 1})
		if err != nil {
			t.Fatal(err)
		}
		var l struct{ Items []map[string]any }
		mustUnmarshal(t, listed, &l)
		if len(l.Items) != 1 || !cmp.Equal(plain, l.Items[0]) {
			t.Errorf("public %v: listed view differs from the plain encoding: %s", public, listed)
		}
	}
}

func mustUnmarshal(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
}
