package sqldb_test

import (
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// TestSavedFactsMatchBackfill: the dashboard facts a save writes with the
// row (UpdateEvaluation) are those the plain path, the backfill on open,
// computes from the saved revision: a save that states another total and
// clears the budget's executed figure (new findings).
func TestSavedFactsMatchBackfill(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		r := w.mustCreate(t)
		full, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		before, err := w.db.StoredFacts(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		c := *full.Content
		c.StatedTotal = notation.ParseFigure("61.5")
		c.Budget.Executed = jixiao.Figure{}
		if _, err := evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: full.Version, Content: &c}); err != nil {
			t.Fatal(err)
		}
		saved, err := w.db.StoredFacts(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if saved == before {
			t.Fatalf("the save changed no stored fact: %s", saved)
		}
		for _, q := range []string{`DELETE FROM evaluation_findings`, `UPDATE evaluations SET facts_revision = 0, self_score = 0, rate_known = 0, rate = 0, has_errors = 0`} {
			if err := w.db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		backfilled, err := MustOpenDB(t, dsn).StoredFacts(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if saved != backfilled {
			t.Errorf("stored facts after the save:\n %s\nbackfilled:\n %s", saved, backfilled)
		}
	})
}
