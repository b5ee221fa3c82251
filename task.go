package jixiao

import (
	"context"
	"slices"
	"time"
)

// Task is a self-evaluation task (自评任务): the finance bureau asks a set
// of units for their evaluations of a year, of the given kinds, under a
// rule set, by a deadline.
type Task struct {
	ID       int64
	OrgID    int64 // the finance bureau that opened it
	Name     string
	Year     int
	Kinds    []Kind
	UnitIDs  []int64
	Deadline time.Time
	RuleSet  string

	CreatedBy int64
	CreatedAt time.Time
}

// Validate checks a task before it is opened.
func (t *Task) Validate() error {
	switch {
	case trimmed(t.Name) == "":
		return Errorf(EInvalid, "任务名称不能为空")
	case t.Year < 2000 || t.Year > 2100:
		return Errorf(EInvalid, "年度 %d 无效", t.Year)
	case len(t.Kinds) == 0:
		return Errorf(EInvalid, "任务至少要包括一种自评表")
	case len(t.UnitIDs) == 0:
		return Errorf(EInvalid, "任务至少要包括一个单位")
	case t.Deadline.IsZero():
		return Errorf(EInvalid, "须设定截止时间")
	case trimmed(t.RuleSet) == "":
		return Errorf(EInvalid, "须指定规则集")
	}
	for _, k := range t.Kinds {
		if !k.Valid() {
			return Errorf(EInvalid, "自评表类型 %q 无效", k)
		}
	}
	return nil
}

// Includes reports whether the task asks unit for an evaluation of kind.
func (t *Task) Includes(unit int64, kind Kind) bool {
	return slices.Contains(t.UnitIDs, unit) && slices.Contains(t.Kinds, kind)
}

// TaskFilter selects tasks. Zero fields match anything.
type TaskFilter struct {
	OrgID  int64
	Year   int
	UnitID int64 // tasks that ask this unit

	Offset int
	Limit  int
}

// Obligation is what one unit owes a task for one kind: the evaluations it
// has started and whether any is submitted. For 项目 a unit owes at least
// one table; each project it has started is listed.
type Obligation struct {
	TaskID      int64
	UnitID      int64
	UnitName    string
	Kind        Kind
	Deadline    time.Time
	Evaluations []ObligationItem
}

// ObligationItem is one evaluation that answers an obligation.
type ObligationItem struct {
	EvaluationID int64
	ProjectCode  string
	Status       Status
	SubmittedAt  time.Time
}

// Missing reports whether the unit has not started any evaluation.
func (o *Obligation) Missing() bool { return len(o.Evaluations) == 0 }

// Delivered reports whether the obligation is met: every evaluation
// started is submitted (and at least one exists).
func (o *Obligation) Delivered() bool {
	if o.Missing() {
		return false
	}
	for _, e := range o.Evaluations {
		if !e.Status.Submitted() {
			return false
		}
	}
	return true
}

// Overdue reports whether the deadline has passed at now and the
// obligation is not delivered. A submission after the deadline is late but
// no longer overdue.
func (o *Obligation) Overdue(now time.Time) bool {
	return !o.Delivered() && now.After(o.Deadline)
}

// ObligationFilter selects obligations of a task.
type ObligationFilter struct {
	TaskID  int64
	UnitID  int64
	Missing bool // only units that have started nothing
	Overdue bool // only obligations overdue now
}

// TaskService stores tasks and tells who owes what. A finance admin opens
// tasks for units under their bureau; units see the tasks that ask them.
type TaskService interface {
	// FindTaskByID returns one task or ENotFound.
	FindTaskByID(ctx context.Context, id int64) (*Task, error)
	// FindTasks returns the tasks the user may see that match the filter,
	// newest first, and how many match without Offset and Limit.
	FindTasks(ctx context.Context, filter TaskFilter) ([]*Task, int, error)
	// CreateTask opens a task and sets its ID.
	CreateTask(ctx context.Context, t *Task) error
	// FindObligations lists, per unit and kind, what the task asks and what
	// has been delivered, limited to the units the user may see.
	FindObligations(ctx context.Context, filter ObligationFilter) ([]*Obligation, error)
}
