package sqldb_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"jixiao"
	"jixiao/sqldb"
)

// TestFindEvaluationReviewUnlessKept: asked of a version the reader does
// not keep, the review is FindEvaluationReview's, revision included; of
// one it keeps, FindEvaluationReviewRow's, the row alone; kept is asked
// about the row the review shows; and whoever may not read the review is
// refused as FindEvaluationReview refuses them, before kept is asked.
func TestFindEvaluationReviewUnlessKept(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		rec := w.mustCreate(t)
		for _, c := range []struct {
			name string
			kept bool
			want func() (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error)
		}{
			{"NotKept", false, func() (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
				return evs.FindEvaluationReview(as(w.editorU), rec.ID)
			}},
			{"Kept", true, func() (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
				return evs.FindEvaluationReviewRow(as(w.editorU), rec.ID)
			}},
		} {
			t.Run(c.name, func(t *testing.T) {
				var asked *jixiao.EvaluationRecord
				r, ts, cs, scores, err := evs.FindEvaluationReviewUnlessKept(as(w.editorU), rec.ID, func(row *jixiao.EvaluationRecord) bool {
					copied := *row
					asked = &copied
					return c.kept
				})
				if err != nil {
					t.Fatal(err)
				}
				wr, wts, wcs, wscores, err := c.want()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff([]any{wr, wts, wcs, wscores}, []any{r, ts, cs, scores}, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("review (-want +got):\n%s", diff)
				}
				if (r.Content != nil) == c.kept {
					t.Errorf("kept %v: content read %v", c.kept, r.Content != nil)
				}
				if asked == nil || asked.ID != rec.ID || asked.Version != r.Version || !asked.UpdatedAt.Equal(r.UpdatedAt) {
					t.Errorf("kept was asked about %+v, not the row read", asked)
				}
			})
		}
		// The revision read for a reader that keeps its version is not
		// cached; FindEvaluationReview's is. The stored note is changed
		// behind the cache's back, so a read from the cache shows the old.
		for _, c := range []struct {
			name   string
			read   func() error
			cached bool
		}{
			{"NotKeptNotCached", func() error {
				_, _, _, _, err := evs.FindEvaluationReviewUnlessKept(as(w.editorU), rec.ID, func(*jixiao.EvaluationRecord) bool { return false })
				return err
			}, false},
			{"ReviewCached", func() error {
				_, _, _, _, err := evs.FindEvaluationReview(as(w.editorU), rec.ID)
				return err
			}, true},
		} {
			t.Run(c.name, func(t *testing.T) {
				w.db.SetRevisionCache(8)
				if err := w.db.Exec(`UPDATE revisions SET note = 'before' WHERE evaluation_id = ? AND number = ?`, rec.ID, rec.Revision); err != nil {
					t.Fatal(err)
				}
				if err := c.read(); err != nil {
					t.Fatal(err)
				}
				if err := w.db.Exec(`UPDATE revisions SET note = 'after' WHERE evaluation_id = ? AND number = ?`, rec.ID, rec.Revision); err != nil {
					t.Fatal(err)
				}
				got, err := sqldb.NewRevisionService(w.db).FindRevision(as(w.editorU), rec.ID, rec.Revision)
				if err != nil {
					t.Fatal(err)
				}
				if want := map[bool]string{true: "before", false: "after"}[c.cached]; got.Note != want {
					t.Errorf("note read after the review: %q, want %q (cached: %v)", got.Note, want, c.cached)
				}
			})
		}
		t.Run("ErrForbidden", func(t *testing.T) {
			_, _, _, _, want := evs.FindEvaluationReview(as(w.editorV), rec.ID)
			asked := false
			_, _, _, _, err := evs.FindEvaluationReviewUnlessKept(as(w.editorV), rec.ID, func(*jixiao.EvaluationRecord) bool { asked = true; return false })
			if err == nil || jixiao.ErrorCode(err) != jixiao.ErrorCode(want) || asked {
				t.Errorf("another unit's editor: %v (kept asked: %v), want %v", err, asked, want)
			}
		})
	})
}
