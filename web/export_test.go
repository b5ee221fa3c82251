package web

import (
	"context"

	"jixiao"
)

// FindReview and FindReviewPlain expose the review page's two ways of
// reading, so that a test can hold one against the other.
func FindReview(s *Server, ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	return s.findReview(ctx, id)
}

// FindReviewPlain: see FindReview.
func FindReviewPlain(s *Server, ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	return s.findReviewPlain(ctx, id)
}
