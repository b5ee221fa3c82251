package audit

import (
	"strings"
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// TestUnreadGivesNoError: a table the reader could not read, or read only
// in part, raises no error-level finding about what was not read; it says
// what could not be read instead.
func TestUnreadGivesNoError(t *testing.T) {
	budgetOnly := cleanEval()
	budgetOnly.Indicators = nil
	budgetOnly.StatedTotal = jixiao.Figure{}
	budgetOnly.Missing = []jixiao.Missing{{Path: "indicators", Reason: "未读到绩效指标表"}, {Path: "total", Reason: "未读到总分一行"}}

	noWeights := cleanEval()
	for i := range noWeights.Indicators {
		noWeights.Indicators[i].Weight = jixiao.Figure{}
	}
	noWeights.Missing = []jixiao.Missing{{Path: "indicators.分值", Reason: "绩效指标表中没有“分值”一栏"}}

	tests := []struct {
		name   string
		ev     *jixiao.Evaluation
		unread bool // an I-UNREAD finding says what could not be read
	}{
		{"OKNoTable", &jixiao.Evaluation{Kind: jixiao.KindProject, Missing: []jixiao.Missing{{Path: "table", Reason: "未在文档中找到自评表"}}}, true},
		{"OKIndicatorsNotRead", budgetOnly, true},
		{"OKWeightColumnAbsent", noWeights, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(Input{Eval: tt.ev, Rules: rules.MustLoad("national-2020")})
			unread := false
			for _, f := range got {
				if f.Severity == jixiao.SevError {
					t.Errorf("error-level finding on an unread table: %s %s", f.Code, f.Message)
				}
				if f.Code == codeUnread {
					unread = true
					if !strings.Contains(f.Message, "未能从文档中读出") {
						t.Errorf("I-UNREAD message does not say what was not read: %s", f.Message)
					}
				}
			}
			if unread != tt.unread {
				t.Errorf("I-UNREAD raised = %v, want %v; findings: %v", unread, tt.unread, got)
			}
		})
	}
}

// TestUnreadKeepsErrorsOnReadFigures: the gate leaves the findings on
// figures that were read as they are.
func TestUnreadKeepsErrorsOnReadFigures(t *testing.T) {
	ev := cleanEval()
	ev.Budget.Rate = notation.ParseFigure("12.34%")
	ev.Missing = []jixiao.Missing{{Path: "goal", Reason: "未读到年度总体目标"}}
	got := Check(Input{Eval: ev, Rules: rules.MustLoad("national-2020")})
	for _, f := range got {
		if f.Code == "T-EXEC-RATE" && f.Severity == jixiao.SevError {
			return
		}
	}
	t.Errorf("T-EXEC-RATE error lost on a read figure; findings: %v", got)
}
