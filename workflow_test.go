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
		StatusDraft: {ActionSubmit: StatusSubmitted},
		StatusSubmitted: {ActionWithdraw: StatusDraft, ActionDeptApprove: StatusDeptApproved, ActionDeptReturn: StatusDeptReturned,
			ActionFinanceApprove: StatusFinanceApproved, ActionFinanceReturn: StatusFinanceReturned}, // the last two: Direct
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

// TestDirectUnitWorkflow: a unit directly under the finance bureau, with
// no 主管部门, goes through the whole workflow: its submission goes to 财政复核,
// which may re-score, return or approve it; a unit with a 主管部门 cannot
// skip its review.
func TestDirectUnitWorkflow(t *testing.T) {
	pathX := OrgPath{1, 8} // 预算单位 X directly under F
	approverX := testUser(20, pathX, OrgUnit, RoleUnitApprover)
	users := testUsers()
	fin, admin, reviewerD := users["financeReviewerF"], users["financeAdminF"], users["reviewerD"]
	ev := &EvaluationRecord{ID: 1, UnitID: 8, UnitPath: pathX, Status: StatusDraft}
	steps := []struct {
		who    *User
		action Action
		want   Status
	}{
		{approverX, ActionSubmit, StatusSubmitted},
		{fin, ActionFinanceReturn, StatusFinanceReturned},
		{approverX, ActionSubmit, StatusSubmitted},
		{fin, ActionFinanceApprove, StatusFinanceApproved},
		{admin, ActionPublish, StatusPublished},
	}
	for i, st := range steps {
		if st.action != ActionPublish && ev.Status == StatusSubmitted {
			if got := ReviewStageOf(ev); got != StageFinance {
				t.Errorf("step %d: a direct unit's submission waits for %q, want %q", i, got, StageFinance)
			}
			if !CanReviewScore(fin, ev) || CanReviewScore(reviewerD, ev) {
				t.Errorf("step %d: review score by finance %v, by a department %v; want true, false", i, CanReviewScore(fin, ev), CanReviewScore(reviewerD, ev))
			}
			if NextActions(reviewerD, ev) != nil {
				t.Errorf("step %d: a department reviewer may %v on a unit not under it", i, NextActions(reviewerD, ev))
			}
		}
		if !slices.Contains(NextActions(st.who, ev), st.action) {
			t.Fatalf("step %d: %s may not %s from %s (may %v)", i, st.who.Login, st.action, ev.Status, NextActions(st.who, ev))
		}
		rule, _ := FindRule(ev.Status, st.action)
		if rule.To != st.want {
			t.Fatalf("step %d: %s leads to %s, want %s", i, st.action, rule.To, st.want)
		}
		ev.Status = rule.To
	}

	// a unit under a 主管部门: 财政复核 cannot take its submission
	evU := &EvaluationRecord{ID: 2, UnitID: 3, UnitPath: pathU, Status: StatusSubmitted}
	for _, a := range []Action{ActionFinanceApprove, ActionFinanceReturn} {
		if CanTransition(fin, evU, a) {
			t.Errorf("finance reviewer may %s a submission awaiting its 主管部门", a)
		}
	}
	if got := ReviewStageOf(evU); got != StageDept {
		t.Errorf("a submission under a 主管部门 waits for %q, want %q", got, StageDept)
	}
	if !slices.Equal(NextActions(reviewerD, evU), []Action{ActionDeptApprove, ActionDeptReturn}) {
		t.Errorf("department reviewer on its unit's submission: %v", NextActions(reviewerD, evU))
	}
}
