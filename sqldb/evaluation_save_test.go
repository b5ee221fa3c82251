package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// TestSavePreparedMatchesPlainPath: a save made before its write
// transaction (to hold SQLite's one writer for the statements alone)
// stores what the transaction stores when it makes the save itself: the
// same saves, an edit, a save of the same content and a save from a stale
// version, give equal answers, rows and revisions on both paths.
func TestSavePreparedMatchesPlainPath(t *testing.T) {
	for _, engine := range sqldbtest.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			type outcome struct {
				Records   []*jixiao.EvaluationRecord
				Codes     []string
				Revisions []*jixiao.Revision
			}
			saves := func(precheck bool) outcome {
				w := mustWorld(t, sqldbtest.MustDSN(t, engine))
				w.db.SetSavePrecheck(precheck)
				evs := sqldb.NewEvaluationService(w.db)
				r := w.mustCreate(t)
				ctx := as(w.editorU)
				edited := *r.Content
				edited.Indicators = append([]jixiao.Indicator(nil), edited.Indicators...)
				edited.Indicators[0].Actual = notation.ParseValue("3件")
				edited.Indicators[1].Actual = notation.ParseValue("不足")
				var out outcome
				for _, upd := range []jixiao.EvaluationUpdate{
					{Version: 1, Content: &edited, Note: "改两个指标"},
					{Version: 2, Content: &edited, Note: "没有改动"},
					{Version: 1, Content: r.Content, Note: "旧版本"},
					{Version: 2, Content: r.Content, Note: "改回"},
				} {
					if precheck && upd.Note != "旧版本" && !sqldb.SavePrepared(evs, ctx, r.ID, upd) {
						t.Fatalf("%s: not prepared before the transaction: the comparison would prove nothing", upd.Note)
					}
					got, err := evs.UpdateEvaluation(ctx, r.ID, upd)
					out.Codes = append(out.Codes, jixiao.ErrorCode(err))
					if err == nil {
						got.UpdatedAt, got.CreatedAt = time.Time{}, time.Time{} // the test clock ticks
						out.Records = append(out.Records, got)
					}
				}
				revs, _, err := sqldb.NewRevisionService(w.db).FindRevisions(ctx, jixiao.RevisionFilter{EvaluationID: r.ID, WithContent: true})
				if err != nil {
					t.Fatal(err)
				}
				for _, rev := range revs {
					rev.CreatedAt, rev.ID = time.Time{}, 0
				}
				out.Revisions = revs
				return out
			}
			with, plain := saves(true), saves(false)
			if len(with.Revisions) != 3 || with.Records[0].Score.Total.IsZero() || len(with.Revisions[1].Changes) == 0 {
				t.Fatalf("%d revisions, score %s: the saves stored too little for the comparison to prove anything", len(with.Revisions), with.Records[0].Score.Total)
			}
			if d := cmp.Diff(plain, with); d != "" {
				t.Errorf("prepared saves differ from the plain path (-plain +prepared):\n%s", d)
			}
		})
	}
}
