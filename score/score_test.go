package score

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func row(target, actual, weight, stated string) jixiao.Indicator {
	return jixiao.Indicator{
		Level1: "产出指标", Level2: "数量指标", Name: "测试指标",
		Target: notation.ParseValue(target), Actual: notation.ParseValue(actual),
		Weight: notation.ParseFigure(weight), Score: notation.ParseFigure(stated),
	}
}

func scoreRow(t *testing.T, rs *jixiao.RuleSet, in jixiao.Indicator) Row {
	t.Helper()
	res := Score(&jixiao.Evaluation{Indicators: []jixiao.Indicator{in}}, rs)
	return res.Rows[0]
}

// TestWorkedExamples are the rules of the package doc, one example each.
func TestWorkedExamples(t *testing.T) {
	national := rules.MustLoad("national-2020")
	ratio := *national
	ratio.Reverse = jixiao.ReverseRatio
	tests := []struct {
		name     string
		rs       *jixiao.RuleSet
		in       jixiao.Indicator
		want     string
		met      bool
		computed bool
	}{
		{"PositiveMissed", national, row("≥95%", "90%", "10", ""), "9.47", false, true},
		{"PositiveMet", national, row("≥95%", "96%", "10", ""), "10.00", true, true},
		{"BareNumberAsGE", national, row("100%", "100%", "20", "20"), "20.00", true, true},
		{"OverAchievedCapped", national, row("≥10次", "30次", "5", ""), "5.00", true, true},
		{"NegativeActualIsZero", national, row("≥10次", "-3次", "5", ""), "0.00", false, true},
		{"ReverseLinear", national, row("≤100万元", "120万元", "10", ""), "8.00", false, true},
		{"ReverseRatio", &ratio, row("≤100万元", "120万元", "10", ""), "8.33", false, true},
		{"ReverseLinearAtTwiceTarget", national, row("≤30万元", "60万元", "10", ""), "0.00", false, true},
		{"ReverseMet", national, row("不超过30万元", "28万元", "10", ""), "10.00", true, true},
		{"EqualPositiveTarget", national, row("=12次", "9次", "8", ""), "6.00", false, true},
		{"EqualZeroMet", national, row("=0起", "0起", "5", ""), "5.00", true, true},
		{"EqualZeroMissed", national, row("=0起", "2起", "5", ""), "0.00", false, true},
		{"UnitMismatchKeepsStated", national, row("≤30万元", "28元", "10", "9"), "9", false, false},
		{"TextActualKeepsStated", national, row("100%", "已完成", "10", "10"), "10", false, false},
		// beyond the fixed-point form (more than 8 decimals, or more than
		// 9×10^10): the decimal path, same arithmetic
		{"PositiveManyDecimals", national, row("≥95.123456789%", "90%", "10", ""), "9.46", false, true},
		{"ReverseHuge", national, row("≤100000000000000万元", "120000000000000万元", "10", ""), "8.00", false, true},
		{"ProportionalHugeWeight", national, row("≥10次", "9次", "100000000000", ""), "90000000000.00", false, true},
		{"WeightBuiltByHand", national, func() jixiao.Indicator {
			in := row("≥95%", "90%", "", "")
			in.Weight = jixiao.Figure{Text: "10", Value: dec("10"), Valid: true} // no cached fixed-point form
			return in
		}(), "9.47", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreRow(t, tt.rs, tt.in)
			if got := r.Score.StringFixed(2); r.Computed && got != tt.want || !r.Computed && !r.Score.Equal(dec(tt.want)) {
				t.Errorf("score = %s, want %s (trace %+v)", r.Score, tt.want, r.Trace)
			}
			if r.Computed != tt.computed {
				t.Errorf("computed = %v, want %v (%s)", r.Computed, tt.computed, r.Trace.Note)
			}
			if r.Computed && (r.Met == nil || *r.Met != tt.met) {
				t.Errorf("met = %v, want %v", r.Met, tt.met)
			}
		})
	}
}

// A qualitative actual written in full-width forms is graded by its folded
// text: a rule set's ASCII keyword matches "ＯＫ".
func TestQualitativeTierFolded(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	rs.Qualitative[0].Keywords = append(rs.Qualitative[0].Keywords, "OK")
	r := scoreRow(t, rs, row("年度完成", "ＯＫ", "10", "10"))
	if r.Method != MethodQualitative || r.Tier != "达成年度指标" {
		t.Fatalf("method %s tier %q, want 定性 达成年度指标", r.Method, r.Tier)
	}
}

func TestQualitativeTierBounds(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	tests := []struct {
		name, actual, stated, want, tier string
	}{
		{"TopTierFull", "按时完成", "10", "10.00", "达成年度指标"},
		{"TopTierLowerBound", "已完成", "8", "8.00", "达成年度指标"},
		{"TopTierBelowClamped", "已完成", "7.5", "8.00", "达成年度指标"},
		{"MiddleTierInside", "基本完成", "7", "7.00", "部分达成并具有一定效果"},
		{"MiddleTierUpperBoundExcluded", "部分完成", "8", "7.99", "部分达成并具有一定效果"},
		{"MiddleTierLowerBound", "部分完成", "6", "6.00", "部分达成并具有一定效果"},
		{"BottomTierNotReadAsDone", "未完成", "10", "5.99", "未达成且效果较差"},
		{"BottomTierZero", "没有开展", "0", "0.00", "未达成且效果较差"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreRow(t, rs, row("年度完成", tt.actual, "10", tt.stated))
			if r.Method != MethodQualitative || r.Tier != tt.tier {
				t.Fatalf("method %s tier %q, want 定性 %q", r.Method, r.Tier, tt.tier)
			}
			if got := r.Score.StringFixed(2); got != tt.want {
				t.Errorf("score = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestExecution(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	hubei := rules.MustLoad("hubei")
	initial := *rs
	initial.Execution.Denominator = jixiao.DenomInitial
	fig := notation.ParseFigure
	tests := []struct {
		name      string
		rs        *jixiao.RuleSet
		b         jixiao.Budget
		rate      string // "" when undefined
		score     string
		from      string
		scoreKnow bool
	}{
		{"Computed", rs, jixiao.Budget{FullYear: fig("674.85"), Executed: fig("413.21")}, "61.23", "6.12", "computed", true},
		{"StatedRateWithoutExecuted", rs, jixiao.Budget{FullYear: fig("674.85"), Rate: fig("61.23%")}, "61.23", "6.12", "stated", true},
		{"CappedAt100", rs, jixiao.Budget{FullYear: fig("100"), Executed: fig("120")}, "120.00", "10.00", "computed", true},
		{"InitialDenominator", &initial, jixiao.Budget{Initial: fig("495.66"), FullYear: fig("674.85"), Executed: fig("674.85")}, "136.15", "10.00", "computed", true},
		{"Hubei20Points", hubei, jixiao.Budget{FullYear: fig("200"), Executed: fig("180")}, "90.00", "18.00", "computed", true},
		{"ZeroBudgetUndefined", rs, jixiao.Budget{FullYear: fig("0"), Executed: fig("0")}, "", "", "", false},
		{"MissingBudget", rs, jixiao.Budget{Executed: fig("10")}, "", "", "", false},
		{"NothingStated", rs, jixiao.Budget{FullYear: fig("10")}, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Score(&jixiao.Evaluation{Budget: tt.b}, tt.rs)
			e := res.Execution
			if e.RateKnown != (tt.rate != "") {
				t.Fatalf("rate known = %v, want %v (%s)", e.RateKnown, tt.rate != "", e.Trace.Note)
			}
			if tt.rate != "" {
				if got := tt.rs.Rounding.Percent(e.Rate).StringFixed(2); got != tt.rate {
					t.Errorf("rate = %s%%, want %s%%", got, tt.rate)
				}
				if e.RateFrom != tt.from {
					t.Errorf("rate from %s, want %s", e.RateFrom, tt.from)
				}
			}
			if e.ScoreKnown != tt.scoreKnow || tt.scoreKnow && e.Score.StringFixed(2) != tt.score {
				t.Errorf("score = %s (known %v), want %s", e.Score, e.ScoreKnown, tt.score)
			}
			if !e.ScoreKnown && e.Trace.Note == "" {
				t.Error("an undefined rate must say why")
			}
		})
	}
}

func TestGradeAfterRounding(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	tests := []struct{ total, rounded, grade string }{
		{"89.995", "90.00", "优"},
		{"89.994", "89.99", "良"},
		{"80", "80.00", "良"},
		{"79.99", "79.99", "中"},
		{"59.995", "60.00", "中"},
		{"59.99", "59.99", "差"},
	}
	for _, tt := range tests {
		t.Run(tt.total, func(t *testing.T) {
			r := rs.Rounding.Score(dec(tt.total))
			if got := r.StringFixed(2); got != tt.rounded {
				t.Errorf("rounded = %s, want %s", got, tt.rounded)
			}
			if got := rs.GradeOf(r); got != tt.grade {
				t.Errorf("grade = %s, want %s", got, tt.grade)
			}
		})
	}
}

func TestTotalSumsRoundedParts(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	ev := &jixiao.Evaluation{
		Budget: jixiao.Budget{FullYear: notation.ParseFigure("674.85"), Rate: notation.ParseFigure("61.23%")},
		Indicators: []jixiao.Indicator{
			row("≥95%", "90%", "10", ""), // 9.4736… → 9.47
			row("≥95%", "90%", "10", ""),
		},
	}
	res := Score(ev, rs)
	if got := res.Total.StringFixed(2); got != "25.06" { // 6.12 + 9.47 + 9.47, not 6.123 + 18.947…
		t.Errorf("total = %s, want 25.06", got)
	}
	if res.Complete {
		t.Error("a total built on a stated rate is not complete")
	}
}

func BenchmarkScore30(b *testing.B) {
	rs := rules.MustLoad("national-2020")
	ev := &jixiao.Evaluation{Budget: jixiao.Budget{FullYear: notation.ParseFigure("100"), Executed: notation.ParseFigure("95")}}
	for i := 0; i < 30; i++ {
		switch i % 3 {
		case 0:
			ev.Indicators = append(ev.Indicators, row("≥10所", "9所", "3", "2.70"))
		case 1:
			ev.Indicators = append(ev.Indicators, row("≥95%", "96%", "3", "3"))
		default:
			ev.Indicators = append(ev.Indicators, row("按时完成", "按时完成", "3", "3"))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Score(ev, rs)
	}
}

func TestGroups(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	a, b, c := row("≥10次", "10次", "5", "5"), row("≥10次", "5次", "4", "2"), row("=0起", "0起", "3", "3")
	b.Level2, c.Level1, c.Level2 = "质量指标", "效益指标", "社会效益指标"
	res := Score(&jixiao.Evaluation{Indicators: []jixiao.Indicator{a, b, c}}, rs)
	var got []string
	for _, g := range res.Groups {
		got = append(got, g.Level1+"/"+g.Level2+" "+g.Weight.String()+" "+g.Score.StringFixed(2)+" "+g.Stated.String())
	}
	want := []string{"产出指标/ 9 7.00 7", "效益指标/ 3 3.00 3", "产出指标/数量指标 5 5.00 5", "产出指标/质量指标 4 2.00 2", "效益指标/社会效益指标 3 3.00 3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A parsed figure is plain data: changing its value changes what scores,
// with nothing cached from the text it was parsed from.
func TestEditedFigureRescores(t *testing.T) {
	national := rules.MustLoad("national-2020")
	in := row("≥100%", "50%", "10", "")
	if r := scoreRow(t, national, in); !r.Score.Equal(dec("5")) {
		got := r.Score
		t.Fatalf("score of the parsed row = %s, want 5", got)
	}
	in.Weight.Value = decimal.NewFromInt(20)
	if r := scoreRow(t, national, in); !r.Score.Equal(dec("10")) {
		got := r.Score
		t.Errorf("score after Weight.Value = 20 = %s, want 10 (20 × 50%%)", got)
	}
	in.Actual.Number = decimal.NewFromInt(75)
	if r := scoreRow(t, national, in); !r.Score.Equal(dec("15")) {
		got := r.Score
		t.Errorf("score after Actual.Number = 75 = %s, want 15 (20 × 75%%)", got)
	}
}
