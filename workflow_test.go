package jixiao

import (
	"slices"
	"testing"
)

// TestWorkflow asserts every cell of status × action: the status reached,
// or "" where the workflow has no such step.
func TestWorkflow(t *testing.T) {
	actions := []Action{ActionSubmit, ActionWithdraw, ActionDeptApprove, ActionDeptReturn, ActionFinanceApprove, ActionFinanceReturn, ActionPublish}
	want := map[Status]map[Action]Status{
		StatusDraft:           {ActionSubmit: StatusSubmitted},
		StatusSubmitted:       {ActionWithdraw: StatusDraft, ActionDeptApprove: StatusDeptApproved, ActionDeptReturn: StatusDeptReturned},
		StatusDeptApproved:    {ActionFinanceApprove: StatusFinanceApproved, ActionFinanceReturn: StatusFinanceReturned},
		StatusDeptReturned:    {ActionSubmit: StatusSubmitted},
		StatusFinanceApproved: {ActionPublish: StatusPublished},
		StatusFinanceReturned: {ActionSubmit: StatusSubmitted},
		StatusPublished:       {},
	}
	for _, s := range Statuses {
		for _, a := range actions {
			rule, ok := FindRule(s, a)
			got := Status("")
			if ok {
				got = rule.To
			}
			if got != want[s][a] {
				t.Errorf("%s --%s--> %q, want %q", s, a, got, want[s][a])
			}
		}
	}
}

func TestWorkflowReturnsNeedReason(t *testing.T) {
	for _, r := range Workflow {
		returns := r.To == StatusDeptReturned || r.To == StatusFinanceReturned
		if r.NeedsReason != returns {
			t.Errorf("%s --%s--> %s: NeedsReason = %v", r.From, r.Action, r.To, r.NeedsReason)
		}
		err := TransitionRequest{Action: r.Action}.Validate(r)
		if (err != nil) != returns {
			t.Errorf("%s without reason: err = %v", r.Action, err)
		}
		if err := (TransitionRequest{Action: r.Action, Reason: "指标3实际完成值无依据"}).Validate(r); err != nil {
			t.Errorf("%s with reason: %v", r.Action, err)
		}
	}
}

func TestStatusEditable(t *testing.T) {
	editable := []Status{StatusDraft, StatusDeptReturned, StatusFinanceReturned}
	for _, s := range Statuses {
		if got, want := s.Editable(), slices.Contains(editable, s); got != want {
			t.Errorf("%s.Editable() = %v, want %v", s, got, want)
		}
		if !s.Valid() {
			t.Errorf("%s not Valid", s)
		}
	}
	if Status("approved").Valid() {
		t.Error("unknown status is Valid")
	}
}
