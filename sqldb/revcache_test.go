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

// TestSavedRevisionCached: a create and a save put their revision in the
// cache once committed, as a read decodes it from the database, so that
// the next save and read start from it without decoding. The stored note
// is then changed behind the cache's back, which shows the read came from
// the cache.
func TestSavedRevisionCached(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs, revs := sqldb.NewEvaluationService(w.db), sqldb.NewRevisionService(w.db)
		ctx := as(w.editorU)
		check := func(id int64, n int, note string) {
			t.Helper()
			if err := w.db.Exec(`UPDATE revisions SET note = 'changed behind the cache' WHERE evaluation_id = ? AND number = ?`, id, n); err != nil {
				t.Fatal(err)
			}
			cached, err := revs.FindRevision(ctx, id, n)
			if err != nil {
				t.Fatal(err)
			}
			if cached.Note != note {
				t.Errorf("revision %d: note %q, want %q from the cache", n, cached.Note, note)
			}
			w.db.SetRevisionCache(0)
			plain, err := revs.FindRevision(ctx, id, n)
			if err != nil {
				t.Fatal(err)
			}
			plain.Note = note
			if diff := cmp.Diff(plain, cached); diff != "" {
				t.Errorf("revision %d as cached by its write differs from the stored one (-stored +cached):\n%s", n, diff)
			}
			w.db.SetRevisionCache(8)
		}
		w.db.SetRevisionCache(8)
		r := w.mustCreate(t)
		check(r.ID, 1, "")
		c := *r.Content
		c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
		c.Indicators[0].Actual = notation.ParseValue("123件")
		saved, err := evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &c, Note: "改实际完成值"})
		if err != nil {
			t.Fatal(err)
		}
		check(r.ID, saved.Revision, "改实际完成值")
	})
}

// TestRevisionCacheAfterRestore: a restore under a running server brings
// back an older state, and a save then makes a revision of a number the
// cache already holds, with other content. The read must give the new one.
func TestRevisionCacheAfterRestore(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		ctx := as(w.editorU)
		r := w.mustCreate(t)
		save := func(version int, actual string) {
			t.Helper()
			got, err := evs.FindEvaluationByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			c := *got.Content
			c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
			c.Indicators[0].Actual = notation.ParseValue(actual)
			if _, err := evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: version, Content: &c}); err != nil {
				t.Fatal(err)
			}
		}
		read := func() string {
			t.Helper()
			got, err := evs.FindEvaluationByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got.Content.Indicators[0].Actual.Raw
		}
		save(1, "111件")
		if got := read(); got != "111件" {
			t.Fatalf("after the first save: %q", got)
		}
		// the backup from before that save put back in place
		for _, q := range []string{`DELETE FROM revisions WHERE evaluation_id = ? AND number = 2`,
			`UPDATE evaluations SET version = 1, revision = 1 WHERE id = ?`} {
			if err := w.db.Exec(q, r.ID); err != nil {
				t.Fatal(err)
			}
		}
		save(1, "222件")
		if got := read(); got != "222件" {
			t.Errorf("after the restore and another save: %q, want 222件 (the cache gave the revision from before the restore)", got)
		}
	})
}

// TestSaveOverCachedRevision: a save reads the revision it edits from the
// cache without a copy (sharedRevision). Its answers, to a save that keeps
// the stored provenance and to one that changes nothing, are the ones the
// plain path (cache off) gives, and a caller scribbling over them does not
// reach the cached revision.
func TestSaveOverCachedRevision(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		// the same saves of two units' evaluations, with the cache and without
		saves := func(unit *jixiao.Organisation, editor *jixiao.User, cache int) []*jixiao.EvaluationRecord {
			t.Helper()
			w.db.SetRevisionCache(cache)
			ctx := as(editor)
			r := w.mustCreateFor(t, unit, editor)
			if len(r.Provenance) == 0 {
				t.Fatal("the created evaluation has no provenance: keeping it is not exercised")
			}
			cur, err := evs.FindEvaluationByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			c := *cur.Content
			c.Provenance = nil // keeps the stored one
			c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
			c.Indicators[0].Actual = notation.ParseValue("123件")
			kept, err := evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: &c})
			if err != nil {
				t.Fatal(err)
			}
			same := *kept.Content
			unchanged, err := evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: kept.Version, Content: &same})
			if err != nil {
				t.Fatal(err)
			}
			return []*jixiao.EvaluationRecord{kept, unchanged}
		}
		plain, cached := saves(w.V, w.editorV, 0), saves(w.U, w.editorU, 8)
		ctx := as(w.editorU)
		for i, name := range []string{"keeping the provenance", "changing nothing"} {
			p, c := plain[i], cached[i]
			for part, pair := range map[string][2]any{"content": {p.Content, c.Content}, "provenance": {p.Provenance, c.Provenance},
				"score": {p.Score, c.Score}, "findings": {p.Findings, c.Findings}, "revision": {p.Revision, c.Revision}} {
				if diff := cmp.Diff(pair[0], pair[1]); diff != "" {
					t.Errorf("save %s: %s differs from the plain path's (-plain +cached):\n%s", name, part, diff)
				}
			}
		}
		if cached[1].Revision != 2 || len(cached[1].Provenance) == 0 {
			t.Errorf("saves made revision %d, provenance of %d: want revision 2 keeping the provenance", cached[1].Revision, len(cached[1].Provenance))
		}
		revs := sqldb.NewRevisionService(w.db)
		id := cached[1].ID
		var before [2]*jixiao.Revision
		for n := range before {
			var err error
			if before[n], err = revs.FindRevision(ctx, id, n+1); err != nil {
				t.Fatal(err)
			}
		}
		for _, rec := range cached {
			rec.Content.Indicators[0].Name = "改过"
			rec.Content.Budget.FullYear = notation.ParseFigure("1")
			for k := range rec.Provenance {
				delete(rec.Provenance, k)
			}
			if len(rec.Findings) > 0 {
				rec.Findings[0].Message = "改过"
			}
		}
		for n := range before {
			after, err := revs.FindRevision(ctx, id, n+1)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(before[n], after); diff != "" {
				t.Errorf("a change to a save's answer reached cached revision %d (-before +after):\n%s", n+1, diff)
			}
		}
		// and the next save still starts from the revision as stored
		cur, err := evs.FindEvaluationByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before[1].Content, cur.Content); diff != "" {
			t.Errorf("the evaluation read after the saves differs from its revision (-revision +read):\n%s", diff)
		}
	})
}
