package jixiao

import (
	"context"

	"github.com/shopspring/decimal"
)

// EvaluationFacts is what the dashboards need of one stored evaluation:
// who filed it, where it stands, and the results of its latest revision
// and of its review scores. The figures are the stored ones, never
// recomputed.
type EvaluationFacts struct {
	ID          int64
	TaskID      int64
	UnitID      int64
	UnitName    string
	DeptID      int64  // the 主管部门 above the unit; 0 when it sits under the bureau
	DeptName    string // "" when DeptID is 0
	Year        int
	Kind        Kind
	ProjectCode string
	Title       string
	Status      Status

	StatedTotal   Figure          // the 总分 the unit wrote (自评得分); not Valid when unstated
	Computed      decimal.Decimal // the total the rules give
	Grade         string
	ExecutionRate decimal.Decimal // a fraction; meaningful when RateKnown
	RateKnown     bool

	Findings []FindingFact

	// Reviews holds, per stage, the review scores given: their count and
	// the sum of the reviewers' scores minus the unit's.
	Reviews map[ReviewStage]ReviewTally
}

// SelfScore is the unit's own total: the stated one, else the computed.
func (f *EvaluationFacts) SelfScore() decimal.Decimal {
	if f.StatedTotal.Valid {
		return f.StatedTotal.Value
	}
	return f.Computed
}

// FindingFact is a finding reduced to what is counted across evaluations.
type FindingFact struct {
	Code     string
	Severity Severity
	Message  string
}

// ReviewTally sums the review scores of one stage of one evaluation.
type ReviewTally struct {
	Items int
	Gap   decimal.Decimal // Σ (reviewer's score − unit's score)
}

// DashboardService reads the facts the dashboards aggregate.
type DashboardService interface {
	// FindEvaluationFacts returns the facts of every evaluation the user
	// may view that matches the filter (Offset and Limit ignored), in no
	// particular order; review
	// tallies only where the user may read the review scores
	// (CanViewComments).
	FindEvaluationFacts(ctx context.Context, filter EvaluationFilter) ([]*EvaluationFacts, error)
}

// CanViewDashboards reports whether u may open the dashboards: the
// reviewers and admins of departments and the finance bureau. What each
// dashboard counts is still limited to the evaluations u may view.
func CanViewDashboards(u *User) bool {
	return active(u) && (u.HasRole(RoleDeptReviewer) || u.HasRole(RoleFinanceReviewer) || u.HasRole(RoleFinanceAdmin))
}
