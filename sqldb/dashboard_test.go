package sqldb_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// TestEvaluationFacts reads the facts of the sample as stored, twice,
// then after a save that changes them: each read gives the latest
// revision's facts.
func TestEvaluationFacts(t *testing.T) { eachEngine(t, testEvaluationFacts) }

func testEvaluationFacts(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	evs := sqldb.NewEvaluationService(w.db)
	dash := sqldb.NewDashboardService(w.db)
	r := w.mustCreate(t)
	draft, err := dash.FindEvaluationFacts(as(w.financeAdmin), jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(draft) != 0 {
		t.Errorf("the bureau sees %d facts of a draft, want none", len(draft))
	}
	own, err := dash.FindEvaluationFacts(as(w.editorU), jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := dash.FindEvaluationFacts(as(w.editorU), jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(own) != 1 {
		t.Fatalf("the unit sees %d facts, want 1", len(own))
	}
	if diff := cmp.Diff(own, again); diff != "" {
		t.Errorf("a second read differs (-first +second):\n%s", diff)
	}
	full, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := own[0]
	if f.UnitID != w.U.ID || f.DeptID != w.D.ID || f.DeptName != w.D.Name || f.Year != 2024 || f.Status != jixiao.StatusDraft {
		t.Errorf("facts: got %+v", f)
	}
	if !f.Computed.Equal(full.Score.Total) || f.StatedTotal.Text != full.Score.StatedTotal || f.RateKnown != full.Score.RateKnown ||
		!f.ExecutionRate.Equal(full.Score.ExecutionRate) || len(f.Findings) != len(full.Findings) {
		t.Errorf("facts %+v do not match the stored record (total %s, stated %s, rate %s, %d findings)",
			f, full.Score.Total, full.Score.StatedTotal, full.Score.ExecutionRate, len(full.Findings))
	}

	// a save that states another total gives a new revision, read afresh
	c := *full.Content
	c.StatedTotal = notation.ParseFigure("61.5")
	if _, err := evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: full.Version, Content: &c}); err != nil {
		t.Fatal(err)
	}
	after, err := dash.FindEvaluationFacts(as(w.editorU), jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := after[0].StatedTotal.Text; got != "61.5" {
		t.Errorf("stated total after the save: got %q, want 61.5", got)
	}
	if got := after[0].SelfScore().String(); got != "61.5" {
		t.Errorf("self-score after the save: got %s", got)
	}
}
