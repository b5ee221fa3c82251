package sqldb_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/gen"
	"jixiao/sqldb"
)

// TestDashboardUnitSums changes evaluations at random, through the
// services (creates, saves, submissions, returns and approvals, review
// scores) and in SQL (deletes, moves to another year), and checks after
// each step that the unit sums the triggers keep equal the same sums over
// the evaluations' rows.
func TestDashboardUnitSums(t *testing.T) { eachEngine(t, testDashboardUnitSums) }

func testDashboardUnitSums(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	cases, err := gen.Panel(11, gen.PanelOptions{Units: 2, Years: 3, FirstYear: 2022, Inject: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	evs := sqldb.NewEvaluationService(w.db)
	reviews := sqldb.NewReviewService(w.db)
	units := []*jixiao.Organisation{w.U, w.V}
	editors := []*jixiao.User{w.approverU, w.editorV}
	check := func(step string) {
		t.Helper()
		kept, plain, err := w.db.UnitSumsAndPlain()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(plain, kept); diff != "" {
			t.Fatalf("after %s: kept unit sums differ from the evaluations' (-plain +kept):\n%s", step, diff)
		}
	}
	rng := rand.New(rand.NewPCG(3, 5))
	done := map[string]int{}
	var recs []*jixiao.EvaluationRecord
	for i, pc := range cases {
		u := i % len(units)
		ev := pc.Case.Eval
		rec := &jixiao.EvaluationRecord{UnitID: units[u].ID, Year: ev.Year, Kind: ev.Kind, RuleSet: pc.Case.Rules.Name, Content: ev}
		if ev.Kind == jixiao.KindProject {
			ev.ProjectCode = fmt.Sprintf("43%05d%014d", u, i)
			rec.ProjectCode = ev.ProjectCode
		}
		creator := w.editorU
		if u == 1 {
			creator = w.editorV
		}
		if err := evs.CreateEvaluation(as(creator), rec); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		recs = append(recs, rec)
		check(fmt.Sprintf("create %d", i))
	}
	for step := range 120 {
		i := rng.IntN(len(recs))
		rec, u := recs[i], i%len(units)
		cur, err := evs.FindEvaluationByID(as(w.financeAdmin), rec.ID)
		if err != nil {
			cur, err = evs.FindEvaluationByID(as(editors[u]), rec.ID)
		}
		if err != nil {
			continue // deleted
		}
		var what string
		switch op := rng.IntN(5); {
		case op == 0 && cur.Status == jixiao.StatusDraft:
			// a save with another case's figures: another score and rate
			other := *cases[rng.IntN(len(cases))].Case.Eval
			other.Year, other.Kind, other.ProjectCode = cur.Year, cur.Kind, cur.ProjectCode
			what = "save"
			_, err = evs.UpdateEvaluation(as(editors[u]), rec.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: &other})
		case op <= 1 && cur.Status == jixiao.StatusDraft:
			what = "submit"
			_, err = evs.TransitionEvaluation(as(editors[u]), rec.ID, jixiao.TransitionRequest{Action: jixiao.ActionSubmit, Version: cur.Version})
		case op == 2 && cur.Status == jixiao.StatusSubmitted && u == 0:
			what = "review score"
			err = reviews.SaveReviewScore(as(w.reviewerD), &jixiao.ReviewScore{EvaluationID: rec.ID, Path: "indicators[0]", Score: cur.Score.Rows[0].Score, Reason: "复核"})
		case op == 3 && cur.Status == jixiao.StatusSubmitted && u == 0:
			req := jixiao.TransitionRequest{Action: jixiao.ActionDeptApprove, Version: cur.Version}
			if step%2 == 1 {
				req = jixiao.TransitionRequest{Action: jixiao.ActionDeptReturn, Version: cur.Version, Reason: "请补充佐证材料"}
			}
			what = string(req.Action)
			_, err = evs.TransitionEvaluation(as(w.reviewerD), rec.ID, req)
		case op == 4 && step%3 == 0:
			what = "delete"
			for _, q := range []string{`DELETE FROM evaluation_findings WHERE evaluation_id = ?`, `DELETE FROM review_scores WHERE evaluation_id = ?`,
				`DELETE FROM comments WHERE evaluation_id = ?`, `DELETE FROM transitions WHERE evaluation_id = ?`,
				`DELETE FROM revisions WHERE evaluation_id = ?`, `DELETE FROM evaluations WHERE id = ?`} {
				if err = w.db.Exec(q, rec.ID); err != nil {
					break
				}
			}
		case op == 4:
			what = "move to another year"
			err = w.db.Exec(`UPDATE evaluations SET year = year + 10 WHERE id = ?`, rec.ID)
		default:
			continue
		}
		if err != nil {
			t.Fatalf("step %d, %s of %d: %v", step, what, rec.ID, err)
		}
		check(fmt.Sprintf("step %d, %s of %d", step, what, rec.ID))
		done[what]++
	}
	if len(done) < 6 {
		t.Fatalf("the steps changed too little: %v", done)
	}
}
