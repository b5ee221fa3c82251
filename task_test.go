package jixiao

import (
	"context"
	"testing"
	"time"
)

func TestObligationState(t *testing.T) {
	deadline := time.Date(2025, 4, 30, 18, 0, 0, 0, time.UTC)
	before, after := deadline.Add(-time.Hour), deadline.Add(time.Hour)
	item := func(s Status) ObligationItem { return ObligationItem{EvaluationID: 1, Status: s} }
	tests := []struct {
		name                     string
		items                    []ObligationItem
		missing, delivered       bool
		overdueBefore, overdueAt bool
	}{
		{"Missing", nil, true, false, false, true},
		{"Draft", []ObligationItem{item(StatusDraft)}, false, false, false, true},
		{"Returned", []ObligationItem{item(StatusDeptReturned)}, false, false, false, true},
		{"Submitted", []ObligationItem{item(StatusSubmitted)}, false, true, false, false},
		{"Published", []ObligationItem{item(StatusPublished)}, false, true, false, false},
		{"OneProjectLeft", []ObligationItem{item(StatusSubmitted), item(StatusDraft)}, false, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &Obligation{Deadline: deadline, Evaluations: tt.items}
			if got := o.Missing(); got != tt.missing {
				t.Errorf("Missing = %v", got)
			}
			if got := o.Delivered(); got != tt.delivered {
				t.Errorf("Delivered = %v", got)
			}
			if got := o.Overdue(before); got != tt.overdueBefore {
				t.Errorf("Overdue before the deadline = %v", got)
			}
			if got := o.Overdue(after); got != tt.overdueAt {
				t.Errorf("Overdue after the deadline = %v", got)
			}
		})
	}
}

func TestUserFromContext(t *testing.T) {
	ctx := context.Background()
	if UserFromContext(ctx) != nil || UserIDFromContext(ctx) != 0 {
		t.Fatal("empty context has a user")
	}
	u := &User{ID: 7}
	if got := UserFromContext(NewContextWithUser(ctx, u)); got != u {
		t.Fatalf("UserFromContext = %v", got)
	}
}

func TestReviewScoreValidate(t *testing.T) {
	w := num("10").Value
	r := &ReviewScore{Path: "indicators[0]", UnitScore: num("9").Value, Score: num("7.5").Value}
	if err := r.Validate(w); ErrorCode(err) != EInvalid {
		t.Errorf("a different score without reason: %v", err)
	}
	r.Reason = "佐证材料不足"
	if err := r.Validate(w); err != nil {
		t.Errorf("with reason: %v", err)
	}
	if got := r.Gap().String(); got != "-1.5" {
		t.Errorf("Gap = %s", got)
	}
	r.Score = num("11").Value
	if err := r.Validate(w); ErrorCode(err) != EInvalid {
		t.Errorf("above the weight: %v", err)
	}
}
