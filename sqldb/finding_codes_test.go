package sqldb_test

import (
	"fmt"
	"testing"

	"jixiao"
	"jixiao/gen"
	"jixiao/sqldb"
)

// TestSavedFindingCodesMatchBackfill saves evaluations again and again
// with other content, so that saves keep, change, drop and add finding
// codes, and checks after each save that the evaluation_findings rows the
// save wrote (only the codes that differ from the revision it replaced)
// are those the plain path writes from the saved revision: the backfill
// on open, from an empty table.
func TestSavedFindingCodesMatchBackfill(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		cases, err := gen.Panel(23, gen.PanelOptions{Units: 3, Years: 2, FirstYear: 2022, Inject: 0.8})
		if err != nil {
			t.Fatal(err)
		}
		evs := sqldb.NewEvaluationService(w.db)
		content := func(c int, code string) *jixiao.Evaluation {
			ev := *cases[c%len(cases)].Case.Eval
			ev.Year, ev.Kind, ev.ProjectCode = 2023, jixiao.KindProject, code
			return &ev
		}
		var recs []*jixiao.EvaluationRecord
		for i := range 2 {
			code := fmt.Sprintf("43%019d", i)
			rec := &jixiao.EvaluationRecord{UnitID: w.U.ID, Year: 2023, Kind: jixiao.KindProject, ProjectCode: code, RuleSet: cases[i].Case.Rules.Name, Content: content(i, code)}
			if err := evs.CreateEvaluation(as(w.editorU), rec); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, rec)
		}
		var kept, dropped, added int
		for step := range 10 {
			rec := recs[step%len(recs)]
			cur, err := evs.FindEvaluationByID(as(w.editorU), rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			// every other save keeps the findings: the same content again
			// but for the note, or content of the same case
			c := content(step/2*3+1, cur.ProjectCode)
			got, err := evs.UpdateEvaluation(as(w.editorU), rec.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: c})
			if err != nil {
				t.Fatalf("step %d: %v", step, err)
			}
			before, after := codeSet(cur), codeSet(got)
			for code := range before {
				if after[code] {
					kept++
				} else {
					dropped++
				}
			}
			for code := range after {
				if !before[code] {
					added++
				}
			}
			saved, err := w.db.StoredFacts(rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{`DELETE FROM evaluation_findings`, `UPDATE evaluations SET facts_revision = 0, self_score = 0, rate_known = 0, rate = 0, has_errors = 0`} {
				if err := w.db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			backfilled, err := MustOpenDB(t, dsn).StoredFacts(rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			if saved != backfilled {
				t.Fatalf("step %d: stored facts after the save:\n %s\nbackfilled:\n %s", step, saved, backfilled)
			}
		}
		if kept == 0 || dropped == 0 || added == 0 {
			t.Fatalf("the saves kept %d, dropped %d and added %d finding codes: too few of each to test", kept, dropped, added)
		}
	})
}

// codeSet is the finding codes of r.
func codeSet(r *jixiao.EvaluationRecord) map[string]bool {
	out := map[string]bool{}
	for _, f := range r.Findings {
		out[f.Code] = true
	}
	return out
}
