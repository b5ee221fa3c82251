package sqldb_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/sqldb"
)

// TestCommentsFollowIndicators: a save that moves, adds and removes
// indicator rows moves the comments pinned to them with their rows, in
// the same transaction; a save that does not say where its rows came
// from, or says it wrongly, leaves them.
func TestCommentsFollowIndicators(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs, cms := sqldb.NewEvaluationService(w.db), sqldb.NewCommentService(w.db)
		r := w.mustCreate(t)
		r = mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")
		r = mustStep(t, evs, w.reviewerD, r, jixiao.ActionDeptReturn, "指标有误",
			&jixiao.Comment{Path: "indicators[1]", Body: "第二项"}, &jixiao.Comment{Path: "indicators[2].得分", Body: "第三项得分"},
			&jixiao.Comment{Path: "budget.得分", Body: "预算"})
		if err := cms.CreateComment(as(w.reviewerD), &jixiao.Comment{EvaluationID: r.ID, Path: "indicators[0]", Body: "第一项"}); err != nil {
			t.Fatal(err)
		}
		paths := func() map[string]string {
			t.Helper()
			cs, err := cms.FindComments(as(w.editorU), jixiao.CommentFilter{EvaluationID: r.ID})
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]string{}
			for _, c := range cs {
				m[c.Body] = c.Path
			}
			return m
		}
		full, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		old := full.Content.Indicators
		if len(old) < 4 {
			t.Fatalf("sample has %d indicators", len(old))
		}
		// the third row to the top, a new row, the first, the rest; the
		// second removed
		moved := *full.Content
		moved.Indicators = append([]jixiao.Indicator{old[2], {Name: "新增指标"}, old[0]}, old[3:]...)
		from := []int{2, -1, 0}
		for i := 3; i < len(old); i++ {
			from = append(from, i)
		}
		before := paths()

		bad := slices.Clone(from)
		bad[1] = 0 // the first row twice
		_, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &moved, Indicators: bad})
		wantCode(t, err, jixiao.EInvalid)
		if got := paths(); !cmp.Equal(got, before) {
			t.Errorf("a refused save moved the comments: %v", cmp.Diff(before, got))
		}

		if r, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &moved, Indicators: from}); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"第一项": "indicators[2]", "第二项": "indicators", "第三项得分": "indicators[0].得分", "预算": "budget.得分"}
		if got := paths(); !cmp.Equal(got, want) {
			t.Errorf("after the move (-want +got):\n%s", cmp.Diff(want, got))
		}

		// a save through the API, which says nothing of rows, keeps the pins
		again := *r.Content
		again.Goal.Actual = "改了"
		if _, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &again}); err != nil {
			t.Fatal(err)
		}
		if got := paths(); !cmp.Equal(got, want) {
			t.Errorf("a save without rows moved the comments (-want +got):\n%s", cmp.Diff(want, got))
		}
	})
}
