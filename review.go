package jixiao

import (
	"context"
	"time"

	"github.com/shopspring/decimal"
)

// ReviewStage is the review a score was given in.
type ReviewStage string

// The two reviews that may re-score.
const (
	StageDept    ReviewStage = "dept"    // 主管部门审核
	StageFinance ReviewStage = "finance" // 财政复核
)

// Label is the Chinese name of the stage.
func (s ReviewStage) Label() string {
	switch s {
	case StageDept:
		return "主管部门审核"
	case StageFinance:
		return "财政复核"
	}
	return string(s)
}

// StageOf is the review an evaluation in status s is waiting for, "" when
// it waits for none.
func StageOf(s Status) ReviewStage {
	switch s {
	case StatusSubmitted:
		return StageDept
	case StatusDeptApproved:
		return StageFinance
	}
	return ""
}

// ReviewStageOf is the review ev is waiting for: StageOf its status, but
// 财政复核 for a submission of a unit with no 主管部门, which the finance
// bureau reviews directly.
func ReviewStageOf(ev *EvaluationRecord) ReviewStage {
	st := StageOf(ev.Status)
	if st == StageDept && ev.UnitPath.Direct() {
		return StageFinance
	}
	return st
}

// ReviewScore is a reviewer's score (复核评分) for one indicator, or for the
// budget execution item, beside the unit's own: the gap and its reason are
// stored and reported, and feed next year's budget.
type ReviewScore struct {
	ID           int64
	EvaluationID int64
	Stage        ReviewStage
	Path         string // "indicators[3]", or "budget" for 预算执行率
	Item         string // the indicator's name as shown
	UnitScore    decimal.Decimal
	Score        decimal.Decimal // the reviewer's
	Reason       string
	UserID       int64
	UserName     string
	Version      int // the evaluation version it was given on
	CreatedAt    time.Time
}

// Gap is the reviewer's score minus the unit's: negative when the review
// takes points away.
func (r *ReviewScore) Gap() decimal.Decimal { return r.Score.Sub(r.UnitScore) }

// Validate checks a review score against the weight of the item it scores.
func (r *ReviewScore) Validate(weight decimal.Decimal) error {
	switch {
	case r.Path == "":
		return Errorf(EInvalid, "复核评分须指明指标")
	case r.Score.IsNegative():
		return Errorf(EInvalid, "复核得分不能为负")
	case weight.IsPositive() && r.Score.GreaterThan(weight):
		return Errorf(EInvalid, "复核得分 %s 超过分值 %s", r.Score, weight)
	case !r.Score.Equal(r.UnitScore) && trimmed(r.Reason) == "":
		return Errorf(EInvalid, "复核得分与单位自评不同，须说明理由")
	}
	return nil
}

// ReviewFilter selects an evaluation's review scores.
type ReviewFilter struct {
	EvaluationID int64
	Stage        ReviewStage
}

// ReviewService stores review scores. A reviewer scores while the
// evaluation waits for their stage; anyone who may view the evaluation may
// read the scores, except on published evaluations.
type ReviewService interface {
	// FindReviewScores returns the review scores matching the filter, in
	// path order.
	FindReviewScores(ctx context.Context, filter ReviewFilter) ([]*ReviewScore, error)
	// SaveReviewScore stores the reviewer's score for one item, replacing an
	// earlier one of the same stage and path. The unit's score and the stage
	// are taken from the stored evaluation, not from s.
	SaveReviewScore(ctx context.Context, s *ReviewScore) error
}
