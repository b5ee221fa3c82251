package sqldb_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/dashboard"
	"jixiao/gen"
	"jixiao/sqldb"
)

// TestDashboardFindingSums crowds many projects of two units into one
// year, so that each finding code's group holds several evaluations with
// different messages, then changes them at random, through the services
// (saves with other findings, submissions, 复核 scores, returns,
// approvals) and in
// SQL (a code removed, a message changed, several evaluations moved at
// once, a submission time changed, deletes), and checks after each step
// that the kept finding and filing sums (migration 0006), and
// the unit sums, equal the same over the evaluations' rows: the least
// message of a group is read again whenever the one that held it goes.
func TestDashboardFindingSums(t *testing.T) { eachEngine(t, testDashboardFindingSums) }

func testDashboardFindingSums(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	cases, err := gen.Panel(13, gen.PanelOptions{Units: 6, Years: 4, FirstYear: 2021, Inject: 0.7})
	if err != nil {
		t.Fatal(err)
	}
	evs := sqldb.NewEvaluationService(w.db)
	units := []*jixiao.Organisation{w.U, w.V}
	creators := []*jixiao.User{w.editorU, w.editorV}
	approvers := []*jixiao.User{w.approverU, w.editorV}
	maxN, maxReviewed := 0, 0
	check := func(step string) {
		t.Helper()
		kept, plain, err := w.db.UnitSumsAndPlain()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(plain, kept); diff != "" {
			t.Fatalf("after %s: kept sums differ from the evaluations' (-plain +kept):\n%s", step, diff)
		}
		for _, l := range strings.Split(kept, "\n") {
			f := strings.Fields(l)
			if len(f) > 7 && f[0] == "code" {
				n, _ := strconv.Atoi(f[7])
				maxN = max(maxN, n)
			}
			if len(f) > 9 && f[0] == "review" {
				n, _ := strconv.Atoi(f[9])
				maxReviewed = max(maxReviewed, n)
			}
		}
	}
	// content gives case c's figures to a project of the crowded year
	content := func(c int, code string) *jixiao.Evaluation {
		ev := *cases[c].Case.Eval
		ev.Year, ev.Kind, ev.ProjectCode = 2023, jixiao.KindProject, code
		return &ev
	}
	var recs []*jixiao.EvaluationRecord
	for i := range cases {
		u := i % len(units)
		code := fmt.Sprintf("43%05d%014d", u, i)
		ev := content(i, code)
		rec := &jixiao.EvaluationRecord{UnitID: units[u].ID, Year: ev.Year, Kind: ev.Kind, ProjectCode: code, RuleSet: cases[i].Case.Rules.Name, Content: ev}
		if err := evs.CreateEvaluation(as(creators[u]), rec); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		recs = append(recs, rec)
		check(fmt.Sprintf("create %d", i))
	}
	rng := rand.New(rand.NewPCG(7, 9))
	done := map[string]int{}
	deleted := map[int64]bool{}
	for step := range 300 {
		i := rng.IntN(len(recs))
		rec, u := recs[i], i%len(units)
		if deleted[rec.ID] {
			continue
		}
		cur, err := evs.FindEvaluationByID(as(creators[u]), rec.ID)
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		var what string
		switch op := rng.IntN(10); {
		case op == 0 && cur.Status == jixiao.StatusDraft:
			what = "save"
			_, err = evs.UpdateEvaluation(as(creators[u]), rec.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: content(rng.IntN(len(cases)), cur.ProjectCode)})
		case op <= 1 && (cur.Status == jixiao.StatusDraft || cur.Status == jixiao.StatusDeptReturned):
			what = "submit"
			_, err = evs.TransitionEvaluation(as(approvers[u]), rec.ID, jixiao.TransitionRequest{Action: jixiao.ActionSubmit, Version: cur.Version})
		case op <= 2 && cur.Status == jixiao.StatusSubmitted && step%3 != 2:
			// a 复核 score below the unit's: a gap the later moves carry
			what = "review score"
			row := cur.Score.Rows[step%len(cur.Score.Rows)]
			err = sqldb.NewReviewService(w.db).SaveReviewScore(as(w.reviewerD), &jixiao.ReviewScore{EvaluationID: rec.ID,
				Path: fmt.Sprintf("indicators[%d]", step%len(cur.Score.Rows)), Score: decimal.Max(row.Score.Sub(decimal.RequireFromString("1.5")), decimal.Zero), Reason: "佐证不足"})
		case op <= 2 && cur.Status == jixiao.StatusSubmitted:
			req := jixiao.TransitionRequest{Action: jixiao.ActionDeptApprove, Version: cur.Version}
			if step%2 == 1 {
				req = jixiao.TransitionRequest{Action: jixiao.ActionDeptReturn, Version: cur.Version, Reason: "请补充佐证材料"}
			}
			what = string(req.Action)
			_, err = evs.TransitionEvaluation(as(w.reviewerD), rec.ID, req)
		case op == 3:
			what = "remove a code"
			err = w.db.Exec(`DELETE FROM evaluation_findings WHERE evaluation_id = ? AND code = (SELECT MIN(code) FROM evaluation_findings WHERE evaluation_id = ?)`, rec.ID, rec.ID)
		case op == 4:
			what = "change a message"
			msg := []string{"", "A", "~"}[step%3] // least, in the middle, greatest
			err = w.db.Exec(`UPDATE evaluation_findings SET message = message || ?, severity = ? WHERE evaluation_id = ? AND code = (SELECT MAX(code) FROM evaluation_findings WHERE evaluation_id = ?)`,
				msg, []string{"error", "info", "warning"}[step%3], rec.ID, rec.ID)
			if step%3 == 0 {
				err = w.db.Exec(`UPDATE evaluation_findings SET message = ? WHERE evaluation_id = ? AND code = (SELECT MAX(code) FROM evaluation_findings WHERE evaluation_id = ?)`, "", rec.ID, rec.ID)
			}
		case op == 5 && step%5 == 0:
			// one statement moves several rows: PostgreSQL runs the row
			// triggers after the whole statement
			what = "move a unit's submitted to draft"
			err = w.db.Exec(`UPDATE evaluations SET status = CASE WHEN status = 'submitted' THEN 'draft' ELSE status END WHERE unit_id = ? AND year = 2023`, units[u].ID)
		case op == 6:
			what = "change a submission time"
			err = w.db.Exec(`UPDATE evaluations SET submitted_at = CASE WHEN submitted_at IS NULL THEN updated_at ELSE NULL END WHERE id = ?`, rec.ID)
		case op == 7 && step%4 == 0:
			what = "delete"
			deleted[rec.ID] = true
			for _, q := range []string{`DELETE FROM evaluation_findings WHERE evaluation_id = ?`, `DELETE FROM review_scores WHERE evaluation_id = ?`,
				`DELETE FROM comments WHERE evaluation_id = ?`, `DELETE FROM transitions WHERE evaluation_id = ?`,
				`DELETE FROM revisions WHERE evaluation_id = ?`, `DELETE FROM evaluations WHERE id = ?`} {
				if err = w.db.Exec(q, rec.ID); err != nil {
					break
				}
			}
		case op >= 8:
			what = "move a year there and back"
			if err = w.db.Exec(`UPDATE evaluations SET year = 2031 WHERE id = ?`, rec.ID); err == nil {
				check(fmt.Sprintf("step %d, moved %d away", step, rec.ID))
				err = w.db.Exec(`UPDATE evaluations SET year = 2023 WHERE id = ?`, rec.ID)
			}
		default:
			continue
		}
		if err != nil {
			t.Fatalf("step %d, %s of %d: %v", step, what, rec.ID, err)
		}
		check(fmt.Sprintf("step %d, %s of %d", step, what, rec.ID))
		done[what]++
	}
	if len(done) < 10 || maxN < 3 || maxReviewed < 2 {
		t.Fatalf("the steps changed too little: %v, at most %d evaluations a code's group, %d a 复核 cell", done, maxN, maxReviewed)
	}
}

// TestDashboardFindingsAfterSaves saves evaluations again and again with
// other figures, so that each save keeps some finding codes, changes
// others and drops or adds the rest (the save writes only the code rows
// that changed), and checks after each save that the findings aggregate
// equals Compute over the facts decoded from the latest revisions.
func TestDashboardFindingsAfterSaves(t *testing.T) { eachEngine(t, testDashboardFindingsAfterSaves) }

func testDashboardFindingsAfterSaves(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	cases, err := gen.Panel(17, gen.PanelOptions{Units: 4, Years: 2, FirstYear: 2022, Inject: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	evs := sqldb.NewEvaluationService(w.db)
	dash := sqldb.NewDashboardService(w.db)
	content := func(c int, code string) *jixiao.Evaluation {
		ev := *cases[c%len(cases)].Case.Eval
		ev.Year, ev.Kind, ev.ProjectCode = 2023, jixiao.KindProject, code
		return &ev
	}
	var recs []*jixiao.EvaluationRecord
	for i := range 3 {
		code := fmt.Sprintf("43%019d", i)
		rec := &jixiao.EvaluationRecord{UnitID: w.U.ID, Year: 2023, Kind: jixiao.KindProject, ProjectCode: code, RuleSet: cases[i].Case.Rules.Name, Content: content(i, code)}
		if err := evs.CreateEvaluation(as(w.editorU), rec); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	changed := 0
	for step := range 24 {
		rec := recs[step%len(recs)]
		cur, err := evs.FindEvaluationByID(as(w.editorU), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		before := findingCodes(cur)
		got, err := evs.UpdateEvaluation(as(w.editorU), rec.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: content(step*5+1, cur.ProjectCode)})
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if after := findingCodes(got); after != before {
			changed++
		}
		facts, err := dash.FindEvaluationFacts(as(w.editorU), jixiao.EvaluationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := dashboard.Compute(facts)
		agg, err := dash.Aggregate(as(w.editorU), jixiao.EvaluationFilter{}, "findings", dashboard.UnitPage{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.Findings, agg.Findings); diff != "" {
			t.Fatalf("step %d: findings after the save differ from Compute (-Compute +SQL):\n%s", step, diff)
		}
	}
	if changed < 6 {
		t.Fatalf("only %d of 24 saves changed the findings", changed)
	}
}

// findingCodes is r's findings as one string, to tell whether a save
// changed them.
func findingCodes(r *jixiao.EvaluationRecord) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintln(&b, f.Code, f.Severity, f.Message)
	}
	return b.String()
}
