package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// TestRevisionCache reads an evaluation through the cache and through the
// plain path (cache off) and gets the same record; a caller changing what
// it read does not change what the next caller reads.
func TestRevisionCache(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		r := w.mustCreate(t)
		ctx := as(w.editorU)

		w.db.SetRevisionCache(0)
		plain, err := evs.FindEvaluationByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.db.SetRevisionCache(4)
		first, err := evs.FindEvaluationByID(ctx, r.ID) // decodes and fills the cache
		if err != nil {
			t.Fatal(err)
		}
		got, err := evs.FindEvaluationByID(ctx, r.ID) // from the cache
		if err != nil {
			t.Fatal(err)
		}
		for name, rec := range map[string]*jixiao.EvaluationRecord{"first": first, "cached": got} {
			if diff := cmp.Diff(plain, rec); diff != "" {
				t.Errorf("%s read differs from the plain one (-plain +%s):\n%s", name, name, diff)
			}
		}
		if got.Content.Provenance == nil || len(got.Content.Provenance) != len(got.Provenance) {
			t.Errorf("cached content's provenance: %d entries, record's %d", len(got.Content.Provenance), len(got.Provenance))
		}

		// the caller owns what it got: scribble over every part
		got.Content.Indicators[0].Name = "改过"
		got.Content.Indicators = got.Content.Indicators[:1]
		got.Content.Budget.FullYear = notation.ParseFigure("1")
		if got.Content.Report != nil {
			got.Content.Report.Preface = "改过"
		}
		for k := range got.Provenance {
			delete(got.Provenance, k)
		}
		got.Findings[0].Message = "改过"
		got.Score.Rows[0].Name = "改过"
		again, err := evs.FindEvaluationByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(plain, again); diff != "" {
			t.Errorf("a caller's change reached the cache (-plain +read):\n%s", diff)
		}

		// a save is a new revision, read as such
		c := *again.Content
		c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
		c.Indicators[0].Actual = notation.ParseValue("123件")
		saved, err := evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: again.Version, Content: &c})
		if err != nil {
			t.Fatal(err)
		}
		after, err := evs.FindEvaluationByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if after.Version != saved.Version || after.Content.Indicators[0].Actual.Raw != "123件" {
			t.Errorf("after a save: version %d (saved %d), actual %q", after.Version, saved.Version, after.Content.Indicators[0].Actual.Raw)
		}
	})
}

// TestTaskCache reads a task through the cache and through the plain
// path and gets the same; a caller changing its copy changes nothing else.
func TestTaskCache(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		tasks := sqldb.NewTaskService(w.db)
		task := &jixiao.Task{Name: "2024年度部门整体支出绩效自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject},
			UnitIDs: []int64{w.U.ID, w.V.ID, w.W.ID}, Deadline: testClock.Add(24 * time.Hour), RuleSet: "national-2020"}
		if err := tasks.CreateTask(as(w.financeAdmin), task); err != nil {
			t.Fatal(err)
		}
		ctx := as(w.editorU)
		w.db.SetTaskCache(0)
		plain, err := tasks.FindTaskByID(ctx, task.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.db.SetTaskCache(4)
		for i := range 3 {
			got, err := tasks.FindTaskByID(ctx, task.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(plain, got); diff != "" {
				t.Fatalf("read %d differs from the plain one (-plain +read):\n%s", i, diff)
			}
			got.UnitIDs[0], got.Kinds[0] = -1, "改过"
		}
		list, _, err := tasks.FindTasks(ctx, jixiao.TaskFilter{UnitID: w.U.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || !cmp.Equal(plain, list[0]) {
			t.Errorf("task list %v, want the one task as read plainly", list)
		}
	})
}
