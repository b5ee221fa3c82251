package dashboard

import (
	"testing"
	"time"

	"jixiao/notation"

	"github.com/shopspring/decimal"

	"jixiao"
)

func fact(id int64, unit int64, dept int64, stated, computed, rate string, grade string, findings ...string) *jixiao.EvaluationFacts {
	f := &jixiao.EvaluationFacts{ID: id, UnitID: unit, UnitName: "单位" + string(rune('A'+unit)), DeptID: dept, Grade: grade,
		Computed: decimal.RequireFromString(computed)}
	if dept != 0 {
		f.DeptName = "部门" + string(rune('A'+dept))
	}
	if stated != "" {
		f.StatedTotal = notation.ParseFigure(stated)
	}
	if rate != "" {
		f.ExecutionRate, f.RateKnown = decimal.RequireFromString(rate), true
	}
	for _, c := range findings {
		sev := jixiao.SevWarning
		if c[0] == 'T' {
			sev = jixiao.SevError
		}
		f.Findings = append(f.Findings, jixiao.FindingFact{Code: c, Severity: sev, Message: "说明" + c})
	}
	return f
}

func review(f *jixiao.EvaluationFacts, st jixiao.ReviewStage, items int, gap string) *jixiao.EvaluationFacts {
	if f.Reviews == nil {
		f.Reviews = map[jixiao.ReviewStage]jixiao.ReviewTally{}
	}
	f.Reviews[st] = jixiao.ReviewTally{Items: items, Gap: decimal.RequireFromString(gap)}
	return f
}

// known is six evaluations whose every aggregate is worked out by hand.
func known() []*jixiao.EvaluationFacts {
	return []*jixiao.EvaluationFacts{
		fact(1, 1, 1, "98", "90.5", "0.7", "优", "T-TOTAL", "Q-VAGUE-NAME", "Q-VAGUE-NAME"),
		review(fact(2, 1, 1, "", "85", "0.95", "良"), jixiao.StageFinance, 2, "-6"),
		review(review(fact(3, 2, 1, "96.5", "96.5", "1", "优", "Q-VAGUE-NAME"), jixiao.StageDept, 1, "-1"), jixiao.StageFinance, 1, "-3.5"),
		fact(4, 3, 2, "59.99", "59.99", "", "差", "T-TOTAL"),
		review(fact(5, 3, 2, "100", "100", "1.05", "优"), jixiao.StageDept, 1, "0"),
		fact(6, 4, 0, "72", "72", "0.55", "中"),
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestComputeDistributions(t *testing.T) {
	got := Compute(known())
	tests := []struct {
		name      string
		got, want any
	}{
		{"evaluations", got.Evaluations, 6},
		// self-scores 98, 85, 96.5, 59.99, 100, 72: <60 1, 70–80 1, 80–90 1, ≥95 3
		{"self bands", counts(got.SelfScores.Bands), []int{1, 0, 1, 1, 0, 3}},
		{"self mean", got.SelfScores.Mean.String(), "85.25"}, // 511.49 / 6 = 85.248…
		{"self share ≥95", got.SelfScores.Bands[5].Share.String(), "0.5"},
		// rates 0.7, 0.95, 1, 1.05, 0.55 and one unknown
		{"rate bands", counts(got.Rates.Bands), []int{1, 0, 1, 0, 0, 2, 1}},
		{"rate unknown", got.Rates.Unknown, 1},
		{"rate mean", got.Rates.Mean.String(), "0.85"},
		{"grades", counts(got.Grades), []int{3, 1, 1, 1}},
		{"grade labels", labels(got.Grades), []string{"优", "良", "中", "差"}},
		// R-INFLATED: ≥ 90 and < 80%: only evaluation 1 (98 at 70%)
		{"inflated", got.ScoreByRate.Inflated, 1},
		{"rate 70–80 has score ≥95", got.ScoreByRate.Counts[2][5], 1},
		{"mean self at 95–100%", got.ScoreByRate.Mean[5].String(), "90.75"}, // (85 + 96.5) / 2
		{"n per rate", got.ScoreByRate.N, []int{1, 0, 1, 0, 0, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestComputeReview(t *testing.T) {
	r := Compute(known()).Review
	// reviewed: 2 (finance −6: 85 → 79), 3 (finance −3.5 wins over dept −1: 96.5 → 93), 5 (dept 0: 100)
	tests := []struct {
		name      string
		got, want any
	}{
		{"reviewed", r.Reviewed, 3},
		{"mean self", r.MeanSelf.String(), "93.83"},     // 281.5 / 3
		{"mean review", r.MeanReview.String(), "90.67"}, // 272 / 3
		{"mean gap", r.MeanGap.String(), "-3.17"},       // −9.5 / 3
		{"gap bands", counts(r.Gaps.Bands), []int{0, 1, 1, 0, 1, 0}},
		{"80–90 → 70–80", r.Counts[3][2], 1},
		{"≥95 → 90–95", r.Counts[5][4], 1},
		{"≥95 stays", r.Counts[5][5], 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestComputeFindingsAndGroups(t *testing.T) {
	got := Compute(known())
	if len(got.Findings) != 2 {
		t.Fatalf("findings: got %d codes, want 2", len(got.Findings))
	}
	// Q-VAGUE-NAME and T-TOTAL are both in 2 evaluations: ties by code
	f := got.Findings[0]
	if f.Code != "Q-VAGUE-NAME" || f.Evaluations != 2 || f.Occurrences != 3 || f.Share.String() != "0.3333" {
		t.Errorf("first finding: got %+v", f)
	}
	if got.Findings[1].Code != "T-TOTAL" || got.Findings[1].Severity != "error" {
		t.Errorf("second finding: got %+v", got.Findings[1])
	}
	if len(got.Departments) != 2 {
		t.Fatalf("departments: got %d, want 2 (unit 4 has none)", len(got.Departments))
	}
	a := got.Departments[0]
	tests := []struct {
		name      string
		got, want any
	}{
		{"dept A name", a.Name, "部门B"},
		{"dept A evaluations", a.Evaluations, 3},
		{"dept A mean self", a.MeanSelf.String(), "93.17"}, // (98 + 85 + 96.5) / 3
		{"dept A mean rate", a.MeanRate.String(), "0.8833"},
		{"dept A with errors", a.WithErrors, 1},
		{"dept A inflated", a.Inflated, 1},
		{"dept A reviewed", a.Reviewed, 2},
		{"dept A mean gap", a.MeanGap.String(), "-4.75"},
		{"dept C mean rate over known", got.Departments[1].MeanRate.String(), "1.05"},
		{"units", len(got.Units), 4},
		{"unit with no department", got.Units[3].Department, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestComputeEmpty(t *testing.T) {
	got := Compute(nil)
	if got.Evaluations != 0 || got.SelfScores.Total != 0 || !got.SelfScores.Mean.IsZero() || len(got.Findings) != 0 {
		t.Errorf("empty: got %+v", got)
	}
}

func TestBand(t *testing.T) {
	tests := []struct {
		sc   scale
		v    string
		want string
	}{
		{scoreScale, "59.99", "<60"},
		{scoreScale, "60", "60–70"},
		{scoreScale, "94.99", "90–95"},
		{scoreScale, "95", "≥95"},
		{scoreScale, "104", "≥95"},
		{rateScale, "0", "<60%"},
		{rateScale, "0.9499", "90–95%"},
		{rateScale, "1", "95–100%"},
		{rateScale, "1.0001", ">100%"},
		{gapScale, "-10", "扣 5–10 分"},
		{gapScale, "-10.5", "扣 10 分以上"},
		{gapScale, "-0.5", "扣 0–2 分"},
		{gapScale, "0", "不变"},
		{gapScale, "0.5", "加分"},
	}
	for _, tt := range tests {
		t.Run(tt.want+"/"+tt.v, func(t *testing.T) {
			if got := tt.sc.labels[tt.sc.band(dec(tt.v))]; got != tt.want {
				t.Errorf("band(%s): got %s, want %s", tt.v, got, tt.want)
			}
		})
	}
}

func TestTaskFiling(t *testing.T) {
	due := time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC)
	now := due.AddDate(0, 0, 1)
	task := &jixiao.Task{ID: 7, Name: "2024 年度自评", Year: 2024, Deadline: due}
	item := func(s jixiao.Status, at time.Time) jixiao.ObligationItem {
		return jixiao.ObligationItem{Status: s, SubmittedAt: at}
	}
	obs := []*jixiao.Obligation{
		{Deadline: due}, // missing, overdue
		{Deadline: due, Evaluations: []jixiao.ObligationItem{item(jixiao.StatusDraft, time.Time{})}}, // started, overdue
		{Deadline: due, Evaluations: []jixiao.ObligationItem{item(jixiao.StatusSubmitted, due.AddDate(0, 0, -3))}},
		{Deadline: due, Evaluations: []jixiao.ObligationItem{item(jixiao.StatusPublished, due.AddDate(0, 0, -9)), item(jixiao.StatusDeptApproved, due.Add(time.Hour))}}, // late
	}
	f := TaskFiling(task, obs, now)
	tests := []struct {
		name      string
		got, want any
	}{
		{"obligations", f.Obligations, 4},
		{"missing", f.Missing, 1},
		{"started", f.Started, 1},
		{"delivered", f.Delivered, 2},
		{"overdue", f.Overdue, 2},
		{"late", f.Late, 1},
		{"delivery", f.Delivery.String(), "0.5"},
		{"statuses", counts(f.Statuses), []int{1, 1, 0, 1, 0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func counts(bs []Band) []int {
	out := make([]int, len(bs))
	for i, b := range bs {
		out[i] = b.Count
	}
	return out
}

func labels(bs []Band) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Label
	}
	return out
}
