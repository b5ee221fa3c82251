package jixiao

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestDiffEvaluations(t *testing.T) {
	base := func() *Evaluation {
		return &Evaluation{
			Kind: KindDepartment, Unit: "司法局", Year: 2024,
			Budget: Budget{FullYear: num("100"), Executed: num("61.23")},
			Indicators: []Indicator{
				{Level1: "产出指标", Name: "案件数", Target: Value{Raw: "≥100件", Type: Quantitative, Op: OpGE, Number: decimal.NewFromInt(100), Unit: "件"}, Actual: Value{Raw: "90件", Type: Quantitative, Number: decimal.NewFromInt(90), Unit: "件"}, Weight: num("10"), Score: num("9")},
			},
			Report: &Report{Measures: []string{"加强管理"}},
		}
	}
	tests := []struct {
		name string
		edit func(*Evaluation)
		want []Change
	}{
		{"Unchanged", func(*Evaluation) {}, nil},
		{"Score", func(e *Evaluation) { e.Indicators[0].Score = num("10") }, []Change{{"indicators[0].得分", "9", "10"}}},
		{"Budget", func(e *Evaluation) { e.Budget.Executed = num("62") }, []Change{{"budget.全年执行数", "61.23", "62"}}},
		{"IndicatorAdded", func(e *Evaluation) {
			e.Indicators = append(e.Indicators, Indicator{Name: "满意度"})
		}, []Change{{"indicators[1].三级指标", "", "满意度"}}},
		{"Report", func(e *Evaluation) { e.Report.Measures[0] = "强化管理" }, []Change{{"report.measures[0]", "加强管理", "强化管理"}}},
		{"ReportRemoved", func(e *Evaluation) { e.Report = nil }, []Change{{"report.measures[0]", "加强管理", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.edit(b)
			if diff := cmp.Diff(tt.want, DiffEvaluations(base(), b)); diff != "" {
				t.Errorf("DiffEvaluations (-want +got):\n%s", diff)
			}
		})
	}
}
