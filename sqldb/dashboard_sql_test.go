package sqldb_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/dashboard"
	"jixiao/gen"
	"jixiao/rules"
	"jixiao/sqldb"
)

// TestDashboardFactsSQL stores a generated panel through the services (a
// share submitted, some re-scored by the department or the bureau), then
// checks, for several users and selections, that the SQL aggregates
// (Aggregate) equal dashboard.Compute over the facts read one by one
// (FindEvaluationFacts): the plain path is the reference. It checks again
// after the stored facts are removed and rebuilt by Open's backfill.
func TestDashboardFactsSQL(t *testing.T) { eachEngine(t, testDashboardFactsSQL) }

func testDashboardFactsSQL(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	users := sqldb.NewUserService(w.db)
	editorW := &jixiao.User{Login: "editor-w", Name: "郑填报", OrgID: w.W.ID, Roles: []jixiao.Role{jixiao.RoleUnitEditor, jixiao.RoleUnitApprover}}
	if err := users.CreateUser(console(), editorW, "password-editor-w"); err != nil {
		t.Fatal(err)
	}
	cases, err := gen.Panel(7, gen.PanelOptions{Units: 3, Years: 3, FirstYear: 2022, Inject: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	tasks := sqldb.NewTaskService(w.db)
	var taskList []*jixiao.Task
	for y := 2022; y <= 2024; y++ {
		// the first year's deadline long past, so that it is overdue and late
		deadline := time.Date(y+1, 4, 30, 0, 0, 0, 0, time.UTC)
		if y == 2022 {
			deadline = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		tk := &jixiao.Task{OrgID: w.F.ID, Name: fmt.Sprintf("%d 年度自评", y), Year: y, Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject},
			UnitIDs: []int64{w.U.ID, w.V.ID, w.W.ID}, Deadline: deadline, RuleSet: rules.Default}
		if err := tasks.CreateTask(as(w.financeAdmin), tk); err != nil {
			t.Fatal(err)
		}
		taskList = append(taskList, tk)
	}
	evs := sqldb.NewEvaluationService(w.db)
	reviews := sqldb.NewReviewService(w.db)
	units := []*jixiao.Organisation{w.U, w.V, w.W}
	editors := []*jixiao.User{w.approverU, w.editorV, editorW}
	for i, pc := range cases {
		u := i % len(units)
		ev := pc.Case.Eval
		rec := &jixiao.EvaluationRecord{UnitID: units[u].ID, Year: ev.Year, Kind: ev.Kind, RuleSet: pc.Case.Rules.Name, Content: ev}
		if ev.Kind == jixiao.KindProject {
			ev.ProjectCode = fmt.Sprintf("43%05d%014d", u, 0)
			rec.ProjectCode = ev.ProjectCode
		}
		editor := editors[u]
		if u == 0 {
			editor = w.editorU
		}
		if err := evs.CreateEvaluation(as(editor), rec); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if i%4 == 3 {
			continue // a draft: counted by its unit only
		}
		if u == 0 {
			editor = w.approverU
		}
		got, err := evs.TransitionEvaluation(as(editor), rec.ID, jixiao.TransitionRequest{Action: jixiao.ActionSubmit, Version: rec.Version})
		if err != nil {
			t.Fatalf("case %d submit: %v", i, err)
		}
		if i%3 != 0 || units[u] == w.W {
			continue
		}
		full, err := evs.FindEvaluationByID(as(w.reviewerD), got.ID)
		if err != nil {
			t.Fatal(err)
		}
		for k, row := range full.Score.Rows[:min(2, len(full.Score.Rows))] {
			score := decimal.Max(row.Score.Sub(decimal.RequireFromString("1.25")), decimal.Zero)
			if err := reviews.SaveReviewScore(as(w.reviewerD), &jixiao.ReviewScore{EvaluationID: rec.ID, Path: fmt.Sprintf("indicators[%d]", k), Score: score, Reason: "佐证不足"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(t *testing.T, db *sqldb.DB) {
		dash := sqldb.NewDashboardService(db)
		for _, c := range []struct {
			name string
			user *jixiao.User
			f    jixiao.EvaluationFilter
		}{
			{"bureau", w.financeAdmin, jixiao.EvaluationFilter{}},
			{"bureau, one year", w.financeAdmin, jixiao.EvaluationFilter{Year: 2023}},
			{"bureau, one department", w.financeAdmin, jixiao.EvaluationFilter{Under: w.D.ID}},
			// the kept sums do not key the project code: these read the evaluations
			{"bureau, one project code", w.financeAdmin, jixiao.EvaluationFilter{ProjectCode: fmt.Sprintf("43%05d%014d", 0, 0)}},
			{"department reviewer, one project code", w.reviewerD, jixiao.EvaluationFilter{ProjectCode: fmt.Sprintf("43%05d%014d", 0, 0)}},
			{"department reviewer", w.reviewerD, jixiao.EvaluationFilter{}},
			{"other department", w.reviewerE, jixiao.EvaluationFilter{}},
			{"unit", w.editorU, jixiao.EvaluationFilter{}},
		} {
			facts, err := dash.FindEvaluationFacts(as(c.user), c.f)
			if err != nil {
				t.Fatal(err)
			}
			want := dashboard.Compute(facts)
			if c.f.ProjectCode != "" && want.Evaluations == 0 {
				t.Fatalf("%s: no evaluation has the project code", c.name)
			}
			for _, order := range dashboard.UnitOrders {
				for _, pg := range []dashboard.UnitPage{{Order: order}, {Order: order, Offset: 1, Limit: 1}, {Order: order, Offset: 10, Limit: 5}} {
					got, err := dash.Aggregate(as(c.user), c.f, "", pg)
					if err != nil {
						t.Fatal(err)
					}
					w := want
					w.Units, w.UnitPage = dashboard.PageUnits(want.Units, order, pg.Offset, pg.Limit), pg
					if diff := cmp.Diff(w, *got); diff != "" {
						t.Errorf("%s, units %+v: SQL aggregates differ from Compute (-Compute +SQL):\n%s", c.name, pg, diff)
					}
				}
			}
			// each part alone, as the API asks for it, is the part of the whole
			for part, field := range map[string]func(d *dashboard.Dashboard) any{
				"evaluations":        func(d *dashboard.Dashboard) any { return d.Evaluations },
				"self_scores":        func(d *dashboard.Dashboard) any { return d.SelfScores },
				"execution_rates":    func(d *dashboard.Dashboard) any { return d.Rates },
				"grades":             func(d *dashboard.Dashboard) any { return d.Grades },
				"self_score_by_rate": func(d *dashboard.Dashboard) any { return d.ScoreByRate },
				"self_vs_review":     func(d *dashboard.Dashboard) any { return d.Review },
				"findings":           func(d *dashboard.Dashboard) any { return d.Findings },
				"departments":        func(d *dashboard.Dashboard) any { return d.Departments },
				"units":              func(d *dashboard.Dashboard) any { return []any{d.Units, d.UnitsTotal} },
			} {
				got, err := dash.Aggregate(as(c.user), c.f, part, dashboard.UnitPage{Order: "name"})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(field(&want), field(got)); diff != "" {
					t.Errorf("%s, part %s alone differs from Compute (-Compute +SQL):\n%s", c.name, part, diff)
				}
			}
			for _, tk := range taskList {
				for _, kind := range []jixiao.Kind{"", jixiao.KindProject} {
					obs, err := sqldb.NewTaskService(db).FindObligations(as(c.user), jixiao.ObligationFilter{TaskID: tk.ID})
					if err != nil {
						t.Fatal(err)
					}
					kept := obs[:0]
					for _, o := range obs {
						if (kind == "" || o.Kind == kind) && (c.f.Under == 0 || o.UnitID != w.W.ID) {
							kept = append(kept, o)
						}
					}
					now := time.Now()
					want := dashboard.TaskFiling(tk, kept, now)
					counts, err := dash.FilingCounts(as(c.user), tk, c.f.Under, kind)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want, counts.Filing(tk, now)); diff != "" {
						t.Errorf("%s, task %d, kind %q: SQL filing differs from TaskFiling (-TaskFiling +SQL):\n%s", c.name, tk.Year, kind, diff)
					}
				}
			}
			if c.name == "bureau" && (want.Review.Reviewed == 0 || len(want.Findings) == 0 || want.Evaluations < 6) {
				t.Fatalf("the panel tests too little: %d evaluations, %d reviewed, %d finding codes", want.Evaluations, want.Review.Reviewed, len(want.Findings))
			}
		}
	}
	t.Run("written", func(t *testing.T) { check(t, w.db) })
	for _, q := range []string{`DELETE FROM evaluation_findings`, `UPDATE evaluations SET facts_revision = 0, self_score = 0, rate = 0, dept_items = 0, finance_items = 0`} {
		if err := w.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("backfilled", func(t *testing.T) { check(t, MustOpenDB(t, dsn)) })
}
