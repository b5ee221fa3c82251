package audit

import (
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

func ind(l1, l2, name, target, actual, weight, stated string) jixiao.Indicator {
	return jixiao.Indicator{Level1: l1, Level2: l2, Name: name, Target: notation.ParseValue(target), Actual: notation.ParseValue(actual),
		Weight: notation.ParseFigure(weight), Score: notation.ParseFigure(stated)}
}

// cleanEval is a project evaluation with nothing wrong under national-2020.
func cleanEval() *jixiao.Evaluation {
	f := notation.ParseFigure
	return &jixiao.Evaluation{
		Kind: jixiao.KindProject, Unit: "某某县教育局", Year: 2024, Project: "义务教育学校改薄",
		Budget: jixiao.Budget{Initial: f("100"), FullYear: f("100"), Executed: f("95"), Weight: f("10"), Rate: f("95.00%"), Score: f("9.50"),
			Splits: []jixiao.BudgetSplit{{Name: "资金来源", Rows: []jixiao.BudgetRow{
				{Name: "当年财政拨款", FullYear: f("60"), Executed: f("57"), Rate: f("95.00%")}, {Name: "其他资金", FullYear: f("40"), Executed: f("38")}}}}},
		Indicators: []jixiao.Indicator{
			ind("产出指标", "数量指标", "改造学校数", "≥10所", "12所", "20", "20"),
			ind("产出指标", "质量指标", "验收合格率", "≥95%", "96%", "15", "15"),
			ind("产出指标", "时效指标", "完工时间", "按时完成", "按时完成", "15", "15"),
			ind("效益指标", "社会效益指标", "适龄儿童入学率", "≥90%", "92%", "30", "30"),
			ind("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "93%", "10", "10"),
		},
		StatedTotal: f("99.50"), StatedGrade: "优",
	}
}

func codes(fs []jixiao.Finding) map[string]jixiao.Finding {
	m := map[string]jixiao.Finding{}
	for _, f := range fs {
		if _, ok := m[f.Code]; !ok {
			m[f.Code] = f
		}
	}
	return m
}

func TestCleanEvaluationHasNoFindings(t *testing.T) {
	got := Check(Input{Eval: cleanEval(), Rules: rules.MustLoad("national-2020")})
	for _, f := range got {
		t.Errorf("clean evaluation: %s %s (stated %s, expected %s)", f.Code, f.Message, f.Stated, f.Expected)
	}
}

// TestTableCodes has, for every T- code, an evaluation that raises it; the
// clean evaluation above is the passing case of each.
func TestTableCodes(t *testing.T) {
	f := notation.ParseFigure
	tests := []struct {
		code     string
		severity jixiao.Severity
		stated   string
		expected string
		mutate   func(ev *jixiao.Evaluation)
	}{
		{"T-EXEC-NO-BUDGET", jixiao.SevError, "95.00%", "", func(ev *jixiao.Evaluation) { ev.Budget.FullYear = jixiao.Figure{} }},
		{"T-EXEC-ZERO-BUDGET", jixiao.SevError, "0.00%", "—", func(ev *jixiao.Evaluation) {
			ev.Budget.FullYear, ev.Budget.Executed, ev.Budget.Rate = f("0"), f("0"), f("0.00%")
		}},
		{"T-EXEC-NO-EXECUTED", jixiao.SevError, "95.00%", "", func(ev *jixiao.Evaluation) { ev.Budget.Executed = jixiao.Figure{} }},
		{"T-EXEC-RATE", jixiao.SevError, "96.00%", "95.00%", func(ev *jixiao.Evaluation) { ev.Budget.Rate = f("96.00%") }},
		{"T-EXEC-OVER-BUDGET", jixiao.SevWarning, "110", "≤ 100", func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score, ev.StatedTotal = f("110"), f("110.00%"), f("10"), f("100")
		}},
		{"T-EXEC-WEIGHT", jixiao.SevError, "20", "10", func(ev *jixiao.Evaluation) { ev.Budget.Weight = f("20") }},
		{"T-EXEC-SCORE", jixiao.SevError, "9.00", "9.50", func(ev *jixiao.Evaluation) { ev.Budget.Score, ev.StatedTotal = f("9.00"), f("99.00") }},
		{"T-EXEC-SCORE-ROUNDING", jixiao.SevInfo, "9.55", "9.56", func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score, ev.StatedTotal = f("95.555"), f("95.56%"), f("9.55"), f("99.55")
		}},
		{"T-EXEC-LOW", jixiao.SevInfo, "80.00%", "≥ 90.00%", func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score, ev.StatedTotal = f("80"), f("80.00%"), f("8.00"), f("98.00")
		}},
		{"T-SPLIT-SUM", jixiao.SevError, "90.00", "100", func(ev *jixiao.Evaluation) { ev.Budget.Splits[0].Rows[1].FullYear = f("30") }},
		{"T-SPLIT-RATE", jixiao.SevError, "96.00%", "95.00%", func(ev *jixiao.Evaluation) { ev.Budget.Splits[0].Rows[0].Rate = f("96.00%") }},
		{"T-SPLIT-ROUNDING", jixiao.SevInfo, "99.99", "100", func(ev *jixiao.Evaluation) { ev.Budget.Splits[0].Rows[1].FullYear = f("39.99") }},
		{"T-WEIGHT-LEVEL1", jixiao.SevError, "55", "50", func(ev *jixiao.Evaluation) {
			ev.Indicators[0].Weight, ev.Indicators[0].Score = f("25"), f("25")
			ev.Indicators[3].Weight, ev.Indicators[3].Score = f("25"), f("25")
		}},
		{"T-LEVEL1-MISSING", jixiao.SevError, "0", "30", func(ev *jixiao.Evaluation) {
			ev.Indicators = append(ev.Indicators[:3], ev.Indicators[4])
		}},
		{"T-LEVEL1-IS-LEVEL2", jixiao.SevWarning, "一级指标：成本指标", "产出指标 / 成本指标", func(ev *jixiao.Evaluation) {
			ev.Indicators[2].Level1, ev.Indicators[2].Level2 = "成本指标", ""
		}},
		{"T-LEVEL1-UNKNOWN", jixiao.SevWarning, "其他指标", "", func(ev *jixiao.Evaluation) { ev.Indicators[2].Level1 = "其他指标" }},
		{"T-LEVEL2-MISPLACED", jixiao.SevWarning, "社会效益指标", "", func(ev *jixiao.Evaluation) { ev.Indicators[0].Level2 = "社会效益指标" }},
		{"T-WEIGHT-TOTAL", jixiao.SevError, "105", "100", func(ev *jixiao.Evaluation) {
			ev.Indicators[4].Weight, ev.Indicators[4].Score, ev.StatedTotal = f("15"), f("15"), f("104.50")
		}},
		{"T-ROW-SCORE-MISSING", jixiao.SevWarning, "", "20.00", func(ev *jixiao.Evaluation) { ev.Indicators[0].Score = jixiao.Figure{} }},
		{"T-ROW-SCORE", jixiao.SevError, "13", "14.21", func(ev *jixiao.Evaluation) {
			ev.Indicators[1].Actual, ev.Indicators[1].Score, ev.Indicators[1].Deviation = notation.ParseValue("90%"), f("13"), "雨季延误验收"
			ev.StatedTotal = f("97.50")
		}},
		{"T-ROW-OVER-WEIGHT", jixiao.SevError, "25", "≤ 20", func(ev *jixiao.Evaluation) { ev.Indicators[0].Score = f("25") }},
		{"T-ROW-UNSCORABLE", jixiao.SevWarning, "20", "", func(ev *jixiao.Evaluation) { ev.Indicators[0].Actual = notation.ParseValue("已完成") }},
		{"T-ROW-QUAL-TIER", jixiao.SevWarning, "15", "11.99", func(ev *jixiao.Evaluation) {
			ev.Indicators[2].Actual, ev.Indicators[2].Deviation = notation.ParseValue("部分完成"), "个别学校延期"
		}},
		{"T-ROW-MISSED-FULL", jixiao.SevError, "15", "14.21", func(ev *jixiao.Evaluation) { ev.Indicators[1].Actual = notation.ParseValue("90%") }},
		{"T-ROW-MET-DEDUCTED", jixiao.SevWarning, "18", "20.00", func(ev *jixiao.Evaluation) {
			ev.Indicators[0].Score, ev.StatedTotal = f("18"), f("97.50")
		}},
		{"T-ROW-SCORE-ROUNDING", jixiao.SevInfo, "14.22", "14.21", func(ev *jixiao.Evaluation) {
			ev.Indicators[1].Actual, ev.Indicators[1].Score, ev.Indicators[1].Deviation = notation.ParseValue("90%"), f("14.22"), "雨季延误验收"
			ev.StatedTotal = f("98.72")
		}},
		{"T-DEVIATION-MISSING", jixiao.SevWarning, "13所", "< 13", func(ev *jixiao.Evaluation) { ev.Indicators[0].Actual = notation.ParseValue("13所") }},
		{"T-TOTAL-MISSING", jixiao.SevWarning, "", "99.50", func(ev *jixiao.Evaluation) { ev.StatedTotal = jixiao.Figure{} }},
		{"T-TOTAL", jixiao.SevError, "98.00", "99.50", func(ev *jixiao.Evaluation) { ev.StatedTotal = f("98.00") }},
		{"T-TOTAL-SUM", jixiao.SevError, "98.00", "99.50", func(ev *jixiao.Evaluation) { ev.StatedTotal = f("98.00") }},
		{"T-GRADE", jixiao.SevError, "良", "优", func(ev *jixiao.Evaluation) { ev.StatedGrade = "良" }},
	}
	rs := rules.MustLoad("national-2020")
	clean := codes(Check(Input{Eval: cleanEval(), Rules: rs}))
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if _, ok := clean[tt.code]; ok {
				t.Fatalf("the clean evaluation raises %s", tt.code)
			}
			ev := cleanEval()
			tt.mutate(ev)
			got, ok := codes(Check(Input{Eval: ev, Rules: rs}))[tt.code]
			if !ok {
				t.Fatalf("%s not raised; got %v", tt.code, codes(Check(Input{Eval: ev, Rules: rs})))
			}
			if got.Severity != tt.severity {
				t.Errorf("severity = %s, want %s", got.Severity, tt.severity)
			}
			if got.Stated != tt.stated {
				t.Errorf("stated = %q, want %q", got.Stated, tt.stated)
			}
			if tt.expected != "" && got.Expected != tt.expected {
				t.Errorf("expected = %q, want %q", got.Expected, tt.expected)
			}
			if got.Message == "" || got.Location.Block == "" {
				t.Errorf("finding lacks message or location: %+v", got)
			}
		})
	}
}

func TestSampleTable(t *testing.T) {
	// The sample's table as transcribed: the acceptance findings of the core issue.
	ev := sampleEval(t)
	got := Check(Input{Eval: ev, Rules: rules.MustLoad("hunan")})
	want := []struct{ code, stated, expected string }{
		{"T-EXEC-NO-EXECUTED", "61.23%", ""},
		{"T-LEVEL1-MISSING", "0", "30"},
		{"T-WEIGHT-LEVEL1", "60", "50"},
		{"T-LEVEL1-IS-LEVEL2", "一级指标：成本指标", "产出指标 / 成本指标"},
		{"T-SPLIT-ROUNDING", "674.84", "674.85"},
	}
	have := codes(got)
	for _, w := range want {
		f, ok := have[w.code]
		if !ok {
			t.Errorf("sample: %s not found", w.code)
			continue
		}
		if f.Stated != w.stated || w.expected != "" && f.Expected != w.expected {
			t.Errorf("sample %s: stated %q expected %q, want %q / %q", w.code, f.Stated, f.Expected, w.stated, w.expected)
		}
	}
	if f := have["T-SPLIT-ROUNDING"]; f.Severity != jixiao.SevInfo {
		t.Errorf("674.84 vs 674.85 must be a rounding note, got %s", f.Severity)
	}
	if _, ok := have["T-SPLIT-SUM"]; ok {
		t.Error("a 0.01 difference over two summands is within tolerance, not an error")
	}
}

func TestPercentsApart(t *testing.T) {
	ro := rules.MustLoad("national-2020").Rounding
	d := decimal.RequireFromString
	tests := []struct{ a, b, wantA, wantB string }{
		{"0.6123", "0.9", "61.23%", "90.00%"},
		{"0.89996", "0.9", "89.996%", "90.000%"},
		{"0.899996", "0.9", "89.9996%", "90.0000%"},
	}
	for _, tt := range tests {
		a, b := percentsApart(ro, d(tt.a), d(tt.b))
		if a != tt.wantA || b != tt.wantB {
			t.Errorf("percentsApart(%s, %s) = %s, %s; want %s, %s", tt.a, tt.b, a, b, tt.wantA, tt.wantB)
		}
	}
}

// TestShortRate: a rate stated with fewer decimals is right when it is the
// computed rate rounded to its own places, and wrong otherwise.
func TestShortRate(t *testing.T) {
	tests := []struct {
		name, rate string
		wantErr    bool
	}{
		{"OKRounded", "86%", false},
		{"OKOneDecimal", "85.8%", false},
		{"ErrRate", "87%", true},
		{"ErrTwoDecimals", "85.76%", true},
		{"OKFraction", "0.86", false},
		{"OKFractionOneDecimal", "0.9", false},
		{"ErrFraction", "0.8", true},
		{"OKNoSign", "86", false},
		{"ErrNoSign", "87", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := cleanEval()
			ev.Budget.FullYear = notation.ParseFigure("808.1")
			ev.Budget.Executed = notation.ParseFigure("692.98")
			ev.Budget.Rate = notation.ParseFigure(tt.rate)
			ev.Budget.Score = jixiao.Figure{}
			got := false
			for _, f := range Check(Input{Eval: ev, Rules: rules.MustLoad("national-2020")}) {
				got = got || f.Code == "T-EXEC-RATE"
			}
			if got != tt.wantErr {
				t.Errorf("T-EXEC-RATE raised = %v, want %v", got, tt.wantErr)
			}
		})
	}
}

// TestCompoundUnitBounds: a target with a compound unit (元/户, 人/次,
// 元/人·月, 天, 万元/人) is quantitative, so a broken bound scored full is
// found as it is for plain numbers, and a kept one is not.
func TestCompoundUnitBounds(t *testing.T) {
	tests := []struct {
		name, target, actual string
		wantErr              bool
	}{
		{"ErrUpperPerHousehold", "≤500元/户", "620元/户", true},
		{"ErrLowerPerVisit", "≥1200人/次", "1000人/次", true},
		{"ErrUpperPerPersonMonth", "≤800元/人·月", "950元/人·月", true},
		{"ErrUpperDays", "≤3天", "5天", true},
		{"ErrUpperPerPerson", "≤1.5万元/人", "2万元/人", true},
		{"OKUpperKept", "≤500元/户", "480元/户", false},
		{"OKLowerKept", "≥1200人/次", "1300人/次", false},
	}
	rs := rules.MustLoad("national-2020")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := cleanEval()
			ev.Indicators[0] = ind("产出指标", "数量指标", "补助标准", tt.target, tt.actual, "20", "20")
			_, got := codes(Check(Input{Eval: ev, Rules: rs}))["T-ROW-MISSED-FULL"]
			if got != tt.wantErr {
				t.Errorf("T-ROW-MISSED-FULL raised = %v, want %v", got, tt.wantErr)
			}
		})
	}
}

// TestAmountUnit: findings state amounts in the unit the table states
// them in.
func TestAmountUnit(t *testing.T) {
	for _, tt := range []struct{ unit, want string }{{"", "万元"}, {"元", "元"}, {"亿元", "亿元"}} {
		ev := cleanEval()
		ev.AmountUnit = tt.unit
		ev.Budget.Executed = notation.ParseFigure("110")
		ev.Budget.Rate, ev.Budget.Score = notation.ParseFigure("110.00%"), notation.ParseFigure("10")
		f, ok := codes(Check(Input{Eval: ev, Rules: rules.MustLoad("national-2020")}))["T-EXEC-OVER-BUDGET"]
		if !ok {
			t.Fatalf("unit %q: T-EXEC-OVER-BUDGET not raised", tt.unit)
		}
		if want := "全年执行数 110 " + tt.want + "大于全年预算数 100 " + tt.want; f.Message != want {
			t.Errorf("unit %q: message %q, want %q", tt.unit, f.Message, want)
		}
	}
}
