package jixiao

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// EvaluationRecord is one evaluation in the system of record: the content
// a unit states (an Evaluation), whose it is, where it stands in the
// workflow, and the score and findings of its latest revision. There is one
// per unit × year × kind (× project code, for 项目).
type EvaluationRecord struct {
	ID          int64
	TaskID      int64 // the 自评任务 it answers; 0 when none
	UnitID      int64
	UnitPath    OrgPath // the unit's path in the tree, for the permission predicates
	UnitName    string
	Year        int
	Kind        Kind
	ProjectCode string // 项目编码 for 项目; "" for 部门整体
	Title       string // the unit's name, or the project's for 项目
	RuleSet     string // the rule set it is scored under
	Status      Status
	Version     int // incremented by every save and every workflow step
	Revision    int // the number of the latest revision

	// Content is the evaluation itself. Lists leave it nil; FindEvaluationByID
	// fills it.
	Content    *Evaluation
	Provenance map[string]Position // where each figure was read, for imported documents; the same map as Content.Provenance
	SourceHash string              // the content address of the imported document, if any

	// The latest revision's results.
	Score    ScoreRecord
	Findings []Finding // nil in lists
	Errors   int       // error-level findings
	Warnings int       // warning-level findings

	CreatedBy   int64
	UpdatedBy   int64
	UpdatedName string // who saved last
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt time.Time // the last submission; zero if never submitted
	PublishedAt time.Time // zero until published
}

// Key is the evaluation's natural key: unit × year × kind × project code.
func (r *EvaluationRecord) Key() string {
	return strings.Join([]string{itoa(r.UnitID), itoa(int64(r.Year)), string(r.Kind), r.ProjectCode}, "/")
}

// Validate checks a record before it is created: the key fields and that
// the content agrees with them.
func (r *EvaluationRecord) Validate() error {
	switch {
	case r.UnitID == 0:
		return Errorf(EInvalid, "须指定填报单位")
	case r.Year < 2000 || r.Year > 2100:
		return Errorf(EInvalid, "年度 %d 无效", r.Year)
	case !r.Kind.Valid():
		return Errorf(EInvalid, "自评表类型 %q 无效：应为部门整体或项目", r.Kind)
	case r.Kind == KindProject && strings.TrimSpace(r.ProjectCode) == "":
		return Errorf(EInvalid, "项目支出自评表须有项目编码")
	case r.Kind == KindDepartment && r.ProjectCode != "":
		return Errorf(EInvalid, "部门整体自评表不应有项目编码")
	case r.Content == nil:
		return Errorf(EInvalid, "自评表内容为空")
	}
	return ValidateContent(r, r.Content)
}

// ValidateContent checks that content fits the record it is saved to: the
// kind, year and project code are the record's key and cannot drift.
func ValidateContent(r *EvaluationRecord, content *Evaluation) error {
	if content == nil {
		return Errorf(EInvalid, "自评表内容为空")
	}
	if content.Kind != "" && content.Kind != r.Kind {
		return Errorf(EInvalid, "自评表类型为“%s”，与记录的“%s”不符", content.Kind, r.Kind)
	}
	if content.Year != 0 && content.Year != r.Year {
		return Errorf(EInvalid, "自评表年度为 %d，与记录的 %d 不符", content.Year, r.Year)
	}
	if r.Kind == KindProject && content.ProjectCode != "" && content.ProjectCode != r.ProjectCode {
		return Errorf(EInvalid, "项目编码为 %s，与记录的 %s 不符", content.ProjectCode, r.ProjectCode)
	}
	return nil
}

// EvaluationFilter selects evaluations. Zero fields match anything. The
// storage returns only what the user in the context may view.
type EvaluationFilter struct {
	TaskID      int64
	UnitID      int64
	Under       int64 // evaluations of units at or below this organisation
	Year        int
	Kind        Kind
	ProjectCode string
	Statuses    []Status

	Offset int
	Limit  int
}

// EvaluationUpdate is one save: the new content and the version it was
// made from. A save from an older version is a conflict.
type EvaluationUpdate struct {
	Version    int
	Content    *Evaluation
	Provenance map[string]Position // replaces the stored provenance; nil takes Content.Provenance, and if that is nil too the stored one is kept
	Note       string              // the editor's note for the revision ("按退回意见修改")
	// Indicators, when not nil, says where each of Content's indicators
	// stood in the version saved from (-1 for one added): comments pinned
	// to indicator rows, and review scores, follow their rows
	// (RepinPath). nil has the storage find them (IndicatorOrigins).
	Indicators []int
}

// EvaluationService stores evaluations, their revisions and their workflow.
// Every method authorizes the user in the context with the predicates of
// this package inside its transaction, and logs what it changes.
type EvaluationService interface {
	// FindEvaluationByID returns one evaluation with its content and
	// latest findings, or ENotFound (also when the user may not view it).
	FindEvaluationByID(ctx context.Context, id int64) (*EvaluationRecord, error)
	// FindEvaluations returns the evaluations the user may view that match
	// the filter, without content, and how many match without Offset and
	// Limit.
	FindEvaluations(ctx context.Context, filter EvaluationFilter) ([]*EvaluationRecord, int, error)
	// CreateEvaluation stores a new draft, scores and audits it, and stores
	// revision 1. It sets ID, Version, Status and the results.
	CreateEvaluation(ctx context.Context, r *EvaluationRecord) error
	// UpdateEvaluation saves new content as a new revision, scored and
	// audited. A stale Version gives an EConflict error naming who changed
	// what and when; a submitted evaluation gives EForbidden.
	UpdateEvaluation(ctx context.Context, id int64, upd EvaluationUpdate) (*EvaluationRecord, error)
	// TransitionEvaluation takes one workflow step and records it.
	TransitionEvaluation(ctx context.Context, id int64, req TransitionRequest) (*EvaluationRecord, error)
	// FindTransitions returns an evaluation's workflow history, oldest first.
	FindTransitions(ctx context.Context, evaluationID int64) ([]*Transition, error)
}

// ScoreRecord is the stored result of scoring one revision: plain values
// that compare and serialise, taken from the score engine's result.
type ScoreRecord struct {
	Rules          string
	Total          decimal.Decimal // computed total, rounded
	Grade          string
	Complete       bool // every part was recomputed from the inputs
	StatedTotal    string
	ExecutionRate  decimal.Decimal // a fraction; meaningful when RateKnown
	RateKnown      bool
	ExecutionScore decimal.Decimal
	Rows           []RowScore
}

// RowScore is one indicator's stored score.
type RowScore struct {
	Index    int // 0-based position in Evaluation.Indicators
	Name     string
	Weight   decimal.Decimal
	Score    decimal.Decimal // computed (or the stated score when not Computed)
	Stated   string          // the score as the table states it
	Method   string
	Computed bool
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func trimmed(s string) string { return strings.TrimSpace(s) }
