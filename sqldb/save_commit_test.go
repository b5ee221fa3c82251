package sqldb_test

import (
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// TestSaveFailingWithItsCommitStoresNothing: a save whose revision cannot
// be stored (a row of that number is there already, put in by hand) fails
// and stores nothing, on PostgreSQL where the INSERT goes in the commit's
// round trip (execLater) as on SQLite where it runs at once: the row keeps
// its version, the findings and the log their entries, the chain verifies,
// and the next save, once the stray row is gone, succeeds.
func TestSaveFailingWithItsCommitStoresNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		logs := sqldb.NewLogService(w.db)
		r := w.mustCreate(t)
		cur, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		facts, err := w.db.StoredFacts(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		_, logged, err := logs.FindLogEntries(console(), jixiao.LogFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.db.Exec(`INSERT INTO revisions (evaluation_id, number, version, user_id, user_name, note, changes, content, provenance, score_total, scores, findings, created_at)
			SELECT evaluation_id, number + 1, version + 1, user_id, user_name, note, changes, content, provenance, score_total, scores, findings, created_at
			FROM revisions WHERE evaluation_id = ? AND number = ?`, r.ID, cur.Revision); err != nil {
			t.Fatal(err)
		}
		c := *cur.Content
		c.StatedTotal = notation.ParseFigure("61.5")
		c.Budget.Executed = jixiao.Figure{} // other findings: statements for the codes too
		upd := jixiao.EvaluationUpdate{Version: cur.Version, Content: &c}
		if _, err := evs.UpdateEvaluation(as(w.editorU), r.ID, upd); err == nil {
			t.Fatal("save over a revision stored already: no error")
		} else {
			t.Logf("the failed save: %v", err)
		}
		after, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if after.Version != cur.Version || after.Revision != cur.Revision {
			t.Errorf("after the failed save: version %d revision %d, want %d and %d", after.Version, after.Revision, cur.Version, cur.Revision)
		}
		if got, err := w.db.StoredFacts(r.ID); err != nil || got != facts {
			t.Errorf("stored facts after the failed save (%v):\n %s\nwant\n %s", err, got, facts)
		}
		if _, n, err := logs.FindLogEntries(console(), jixiao.LogFilter{}); err != nil || n != logged {
			t.Errorf("log entries after the failed save: %d (%v), want %d", n, err, logged)
		}
		if _, err := logs.VerifyLog(console()); err != nil {
			t.Errorf("log after the failed save: %v", err)
		}
		if err := w.db.Exec(`DELETE FROM revisions WHERE evaluation_id = ? AND number = ?`, r.ID, cur.Revision+1); err != nil {
			t.Fatal(err)
		}
		saved, err := evs.UpdateEvaluation(as(w.editorU), r.ID, upd)
		if err != nil {
			t.Fatalf("save once the stray revision is gone: %v", err)
		}
		if saved.Version != cur.Version+1 {
			t.Errorf("saved version %d, want %d", saved.Version, cur.Version+1)
		}
		if _, n, err := logs.FindLogEntries(console(), jixiao.LogFilter{}); err != nil || n != logged+1 {
			t.Errorf("log entries after the save: %d (%v), want %d", n, err, logged+1)
		}
		if _, err := logs.VerifyLog(console()); err != nil {
			t.Errorf("log after the save: %v", err)
		}
	})
}
