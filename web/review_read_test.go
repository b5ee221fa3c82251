package web_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/web"
)

// TestReviewReadMatchesPlain: the review page's one-transaction read gives
// every user what the separate services give, refusals included.
func TestReviewReadMatchesPlain(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		srv, err := web.NewServer(web.Config{Services: w.svc})
		if err != nil {
			t.Fatal(err)
		}
		returned := w.seedEvaluation(jixiao.StatusDeptReturned)
		submitted := w.seedEvaluation(jixiao.StatusSubmitted)
		if err := w.svc.Comments.CreateComment(w.as("reviewerD"), &jixiao.Comment{EvaluationID: submitted.id, Path: "indicators[0]", Body: "请补充佐证"}); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.Reviews.SaveReviewScore(w.as("reviewerD"), &jixiao.ReviewScore{EvaluationID: submitted.id, Path: "indicators[0]", Score: decimal.RequireFromString("1.5"), Reason: "佐证不足"}); err != nil {
			t.Fatal(err)
		}
		published := w.seedEvaluation(jixiao.StatusPublished)
		ctxs := map[string]context.Context{"anon": context.Background()}
		for _, u := range worldUsers {
			ctxs[u.name] = w.as(u.name)
		}
		for _, ev := range []*seeded{returned, submitted, published} {
			for name, ctx := range ctxs {
				r1, t1, c1, s1, err1 := web.FindReview(srv, ctx, ev.id)
				r2, t2, c2, s2, err2 := web.FindReviewPlain(srv, ctx, ev.id)
				if jixiao.ErrorCode(err1) != jixiao.ErrorCode(err2) || (err1 == nil) != (err2 == nil) {
					t.Errorf("evaluation %d by %s: error %v, plainly %v", ev.id, name, err1, err2)
					continue
				}
				if err1 != nil {
					continue
				}
				if diff := cmp.Diff([]any{r2, t2, c2, s2}, []any{r1, t1, c1, s1}); diff != "" {
					t.Errorf("evaluation %d by %s (-plain +one transaction):\n%s", ev.id, name, diff)
				}
				if name == "reviewerD" && ev == submitted && (len(c1) != 1 || len(s1) != 1) {
					t.Errorf("submitted, by reviewerD: %d comments, %d review scores; want 1 and 1", len(c1), len(s1))
				}
			}
		}
	})
}
