package sqldb

import (
	"context"

	"jixiao"
)

// FindEvaluationReview returns what the review page shows, read in one
// transaction that checks once that the user may see it: the evaluation
// with its latest content, its workflow steps with their comments, all
// its comments, and the reviewers' scores. It answers as FindTransitions,
// FindComments and FindReviewScores would one after the other: a user who
// may view the evaluation but not its review (the public, other units on
// a published one) is refused.
func (s *EvaluationService) FindEvaluationReview(ctx context.Context, id int64) (r *jixiao.EvaluationRecord, ts []*jixiao.Transition, cs []*jixiao.Comment, scores []*jixiao.ReviewScore, err error) {
	return s.findReview(ctx, id, func(*jixiao.EvaluationRecord) bool { return true }, true)
}

// FindEvaluationReviewRow is FindEvaluationReview with the evaluation's
// row alone, as FindEvaluationRow reads it: for a reader that keeps what
// it made of each version.
func (s *EvaluationService) FindEvaluationReviewRow(ctx context.Context, id int64) (r *jixiao.EvaluationRecord, ts []*jixiao.Transition, cs []*jixiao.Comment, scores []*jixiao.ReviewScore, err error) {
	return s.findReview(ctx, id, func(*jixiao.EvaluationRecord) bool { return false }, true)
}

// FindEvaluationReviewUnlessKept is FindEvaluationReview with the latest
// revision read only when kept says, of the row, that the reader does not
// keep what it made of that version: in the same transaction, so that a
// version read for the first time costs one transaction, not a second one
// that checks the caller again and looks the revision's time up. kept runs
// inside the transaction and must not touch the database. The revision
// read is not put in the revision cache: the reader keeps what it makes of
// the version, which the cache would only copy again (readRevision).
func (s *EvaluationService) FindEvaluationReviewUnlessKept(ctx context.Context, id int64, kept func(*jixiao.EvaluationRecord) bool) (r *jixiao.EvaluationRecord, ts []*jixiao.Transition, cs []*jixiao.Comment, scores []*jixiao.ReviewScore, err error) {
	return s.findReview(ctx, id, func(r *jixiao.EvaluationRecord) bool { return !kept(r) }, false)
}

// findReview reads the review, with the latest revision when latest says
// so of the row, put in the revision cache when cache says so.
func (s *EvaluationService) findReview(ctx context.Context, id int64, latest func(*jixiao.EvaluationRecord) bool, cache bool) (r *jixiao.EvaluationRecord, ts []*jixiao.Transition, cs []*jixiao.Comment, scores []*jixiao.ReviewScore, err error) {
	err = s.db.read(ctx, func(tx *Tx) error {
		if r, err = tx.viewable(id, false, "查看自评表"); err != nil {
			return err
		}
		if !jixiao.CanViewComments(tx.user, r) {
			return refuse(jixiao.EForbidden, "查看审核记录", evalObject(id), "审核记录仅供填报单位和审核人员查看")
		}
		if latest(r) {
			if err = tx.loadLatestKeeping(r, cache); err != nil {
				return err
			}
		}
		if ts, cs, err = tx.transitions(id); err != nil {
			return err
		}
		scores, err = tx.reviewScores(jixiao.ReviewFilter{EvaluationID: id})
		return err
	})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return r, ts, cs, scores, nil
}
