package audit

import (
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// impliedEval is a table with no 分值 column whose scores are 分值 ×
// 实际完成值 / 年度指标值, uncapped, as 施甸县农业农村局's 2022 table is.
func impliedEval(scores ...string) *jixiao.Evaluation {
	f := notation.ParseFigure
	rows := [][2]string{{"15", "6"}, {"11442", "4164"}, {"8000", "12767.36"}, {"1980", "2074"}, {"90", "100"}}
	ev := &jixiao.Evaluation{
		Kind:    jixiao.KindProject,
		Budget:  jixiao.Budget{FullYear: f("650"), Executed: f("94"), Rate: f("0.1"), Score: f("2.9")},
		Missing: []jixiao.Missing{{Path: "budget.分值", Reason: "预算表中没有“分值”一栏"}, {Path: "indicators.分值", Reason: "绩效指标表中没有“分值”一栏"}},
	}
	for i, r := range rows {
		ev.Indicators = append(ev.Indicators, ind("产出指标", "数量指标", "指标"+string(rune('A'+i)), r[0], r[1], "", scores[i]))
	}
	ev.StatedTotal = f(scores[len(rows)])
	return ev
}

func TestImpliedWeights(t *testing.T) {
	tests := []struct {
		name  string
		ev    *jixiao.Evaluation
		over  []string // stated scores found over their proven weight
		total string   // the capped total T-TOTAL-IMPLIED expects, "" for none
	}{
		{"uncapped scores over weights proven to add up to 100", impliedEval("8.0", "7.3", "31.9", "10.5", "11.1", "71.7"), []string{"31.9", "10.5", "11.1"}, "58.2"},
		{"scores capped at their weights prove nothing: no weight fits 20.0", impliedEval("8.0", "7.3", "20.0", "10.0", "10.0", "58.2"), nil, ""},
		{"weights that do not add up to 100 are no proof", impliedEval("8.0", "7.3", "31.9", "10.5", "22.2", "82.8"), nil, ""},
		{"a table with a 分值 column is left to T-ROW-OVER-WEIGHT", func() *jixiao.Evaluation {
			ev := impliedEval("8.0", "7.3", "31.9", "10.5", "11.1", "71.7")
			ev.Missing = nil
			return ev
		}(), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var over []string
			total := ""
			for _, f := range Check(Input{Eval: tt.ev, Rules: rules.MustLoad("national-2020")}) {
				switch f.Code {
				case "T-ROW-OVER-IMPLIED-WEIGHT":
					if f.Severity != jixiao.SevWarning {
						t.Errorf("%s is %s: the weights are proven, not printed, so at most a warning", f.Code, f.Severity)
					}
					over = append(over, f.Stated)
				case "T-TOTAL-IMPLIED":
					total = f.Expected
				}
			}
			if len(over) != len(tt.over) {
				t.Fatalf("over-weight rows %v, want %v", over, tt.over)
			}
			for i := range over {
				if over[i] != tt.over[i] {
					t.Errorf("over-weight rows %v, want %v", over, tt.over)
				}
			}
			if total != tt.total {
				t.Errorf("T-TOTAL-IMPLIED expects %q, want %q", total, tt.total)
			}
		})
	}
}
