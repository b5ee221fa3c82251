package jixiao

import "time"

// Status is where an evaluation stands in the review workflow.
type Status string

// The workflow: a unit drafts and submits; its 主管部门 reviews (主管部门审核);
// the finance bureau re-checks (财政复核); the bureau publishes. Either review
// may return the evaluation to the unit, which edits and submits again.
const (
	StatusDraft           Status = "draft"            // 草稿
	StatusSubmitted       Status = "submitted"        // 已提交, awaiting 主管部门审核
	StatusDeptApproved    Status = "dept_approved"    // 主管部门审核通过, awaiting 财政复核
	StatusDeptReturned    Status = "dept_returned"    // 主管部门退回
	StatusFinanceApproved Status = "finance_approved" // 财政复核通过, awaiting publication
	StatusFinanceReturned Status = "finance_returned" // 财政复核退回
	StatusPublished       Status = "published"        // 已公开
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusSubmitted, StatusDeptApproved, StatusDeptReturned, StatusFinanceApproved, StatusFinanceReturned, StatusPublished}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s.Label() != string(s) }

// Label is the Chinese name of the status.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "草稿"
	case StatusSubmitted:
		return "已提交"
	case StatusDeptApproved:
		return "主管部门审核通过"
	case StatusDeptReturned:
		return "主管部门退回"
	case StatusFinanceApproved:
		return "财政复核通过"
	case StatusFinanceReturned:
		return "财政复核退回"
	case StatusPublished:
		return "已公开"
	}
	return string(s)
}

// Editable reports whether the unit may change the content: a draft or an
// evaluation returned to it. Once submitted, only a return reopens it.
func (s Status) Editable() bool {
	return s == StatusDraft || s == StatusDeptReturned || s == StatusFinanceReturned
}

// Submitted reports whether the unit has handed the evaluation in and it
// has not come back: what a task counts as delivered.
func (s Status) Submitted() bool {
	return s == StatusSubmitted || s == StatusDeptApproved || s == StatusFinanceApproved || s == StatusPublished
}

// Action is a step of the workflow a user takes.
type Action string

// The workflow actions.
const (
	ActionSubmit         Action = "submit"          // 提交
	ActionWithdraw       Action = "withdraw"        // 撤回, before the department has reviewed
	ActionDeptApprove    Action = "dept_approve"    // 主管部门审核通过
	ActionDeptReturn     Action = "dept_return"     // 主管部门退回
	ActionFinanceApprove Action = "finance_approve" // 财政复核通过
	ActionFinanceReturn  Action = "finance_return"  // 财政复核退回
	ActionPublish        Action = "publish"         // 公开
)

// Label is the Chinese name of the action.
func (a Action) Label() string {
	switch a {
	case ActionSubmit:
		return "提交"
	case ActionWithdraw:
		return "撤回"
	case ActionDeptApprove:
		return "主管部门审核通过"
	case ActionDeptReturn:
		return "主管部门退回"
	case ActionFinanceApprove:
		return "财政复核通过"
	case ActionFinanceReturn:
		return "财政复核退回"
	case ActionPublish:
		return "公开"
	}
	return string(a)
}

// TransitionRule is one row of the workflow table: from a status, an action
// taken by a holder of a role leads to another status. The role's holder
// must also stand in the right place in the tree (see CanTransition).
type TransitionRule struct {
	From        Status
	Action      Action
	To          Status
	Role        Role
	NeedsReason bool // a return must say what to fix
	// Direct marks the steps of a unit directly under its finance bureau,
	// with no 主管部门 to review it: 财政复核 takes its submission. The
	// steps of the 主管部门 review are not Direct and are not open to
	// such a unit; every other step is open to every unit.
	Direct bool
}

// Workflow is the transition table. Anything not in it is refused.
var Workflow = []TransitionRule{
	{StatusDraft, ActionSubmit, StatusSubmitted, RoleUnitApprover, false, false},
	{StatusDeptReturned, ActionSubmit, StatusSubmitted, RoleUnitApprover, false, false},
	{StatusFinanceReturned, ActionSubmit, StatusSubmitted, RoleUnitApprover, false, false},
	{StatusSubmitted, ActionWithdraw, StatusDraft, RoleUnitApprover, false, false},
	{StatusSubmitted, ActionDeptApprove, StatusDeptApproved, RoleDeptReviewer, false, false},
	{StatusSubmitted, ActionDeptReturn, StatusDeptReturned, RoleDeptReviewer, true, false},
	{StatusSubmitted, ActionFinanceApprove, StatusFinanceApproved, RoleFinanceReviewer, false, true},
	{StatusSubmitted, ActionFinanceReturn, StatusFinanceReturned, RoleFinanceReviewer, true, true},
	{StatusDeptApproved, ActionFinanceApprove, StatusFinanceApproved, RoleFinanceReviewer, false, false},
	{StatusDeptApproved, ActionFinanceReturn, StatusFinanceReturned, RoleFinanceReviewer, true, false},
	{StatusFinanceApproved, ActionPublish, StatusPublished, RoleFinanceAdmin, false, false},
}

// opensTo reports whether the rule's step is open to the unit at the end
// of path: the 主管部门's steps to a unit with one, the Direct steps to a
// unit without, the rest to any.
func (r TransitionRule) opensTo(path OrgPath) bool {
	switch {
	case r.Direct:
		return path.Direct()
	case r.Role == RoleDeptReviewer:
		return !path.Direct()
	}
	return true
}

// FindRule returns the rule for taking action a from status s, and false
// when the workflow has none.
func FindRule(s Status, a Action) (TransitionRule, bool) {
	for _, r := range Workflow {
		if r.From == s && r.Action == a {
			return r, true
		}
	}
	return TransitionRule{}, false
}

// NextActions lists the actions u may take on ev now, in table order.
func NextActions(u *User, ev *EvaluationRecord) []Action {
	var out []Action
	for _, r := range Workflow {
		if r.From == ev.Status && CanTransition(u, ev, r.Action) {
			out = append(out, r.Action)
		}
	}
	return out
}

// Transition is one workflow step as it happened: who took which action,
// when and why, with the comments pinned to fields that say what to fix.
type Transition struct {
	ID           int64
	EvaluationID int64
	From, To     Status
	Action       Action
	UserID       int64
	UserName     string
	Reason       string // required for a return
	Version      int    // the evaluation's version after the step
	Comments     []*Comment
	CreatedAt    time.Time
}

// TransitionRequest asks to take a workflow step on an evaluation. Version
// is the version the user saw, so a step on stale data is refused.
type TransitionRequest struct {
	Action   Action
	Version  int
	Reason   string
	Comments []*Comment // pinned to fields or indicators; optional
}

// Validate checks a request against the rule it would follow.
func (r TransitionRequest) Validate(rule TransitionRule) error {
	if rule.NeedsReason && trimmed(r.Reason) == "" {
		return Errorf(EInvalid, "%s须说明理由（需要修改什么、在哪里）", rule.Action.Label())
	}
	for _, c := range r.Comments {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	return nil
}
