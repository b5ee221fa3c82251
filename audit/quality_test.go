package audit

import (
	"strings"
	"testing"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

func setIndicator(i int, f func(*jixiao.Indicator)) func(*jixiao.Evaluation) {
	return func(ev *jixiao.Evaluation) { f(&ev.Indicators[i]) }
}

var qualityCases = []auditCase{
	{name: "specific names", code: "Q-VAGUE-NAME", found: false},
	{name: "generic name", code: "Q-VAGUE-NAME", found: true, sev: jixiao.SevWarning, stated: "完成量",
		eval: setIndicator(0, func(in *jixiao.Indicator) { in.Name = "完成量" })},

	{name: "measurable targets", code: "Q-VAGUE-TARGET", found: false},
	{name: "year's completion as target", code: "Q-VAGUE-TARGET", found: true, sev: jixiao.SevWarning, stated: "年度完成",
		eval: setIndicator(1, func(in *jixiao.Indicator) {
			in.Target, in.Actual = notation.ParseValue("年度完成"), notation.ParseValue("已完成")
		})},

	{name: "no saving rate", code: "Q-SAVING-100", found: false},
	{name: "saving rate below 100%", code: "Q-SAVING-100", found: false,
		eval: setIndicator(0, func(in *jixiao.Indicator) {
			in.Name, in.Target, in.Actual = "成本节约率", notation.ParseValue("≥5%"), notation.ParseValue("6%")
		})},
	{name: "saving rate 100%", code: "Q-SAVING-100", found: true, sev: jixiao.SevWarning,
		eval: setIndicator(0, func(in *jixiao.Indicator) {
			in.Name, in.Target, in.Actual = "节约率", notation.ParseValue("100%"), notation.ParseValue("100%")
		})},

	{name: "qualitative as words", code: "Q-QUAL-PERCENT", found: false,
		eval: setIndicator(1, func(in *jixiao.Indicator) { in.Type = jixiao.Qualitative })},
	{name: "qualitative in percent", code: "Q-QUAL-PERCENT", found: true, sev: jixiao.SevWarning, stated: "≥90%",
		eval: setIndicator(2, func(in *jixiao.Indicator) { in.Type = jixiao.Qualitative })},

	{name: "quantitative as a number", code: "Q-QUANT-AS-TEXT", found: false},
	{name: "quantitative as text", code: "Q-QUANT-AS-TEXT", found: true, sev: jixiao.SevWarning, stated: "完成",
		eval: setIndicator(0, func(in *jixiao.Indicator) {
			in.Target, in.Actual = notation.ParseValue("完成"), notation.ParseValue("完成")
		})},

	{name: "figures in their 度量单位", code: "Q-UNIT-CONFLICT", found: false,
		eval: setIndicator(2, func(in *jixiao.Indicator) {
			in.Unit, in.Target, in.Actual = "%", notation.ParseValueIn("≥90", "%"), notation.ParseValueIn("92%", "%")
		})},
	{name: "a figure in another unit than its 度量单位", code: "Q-UNIT-CONFLICT", found: true, sev: jixiao.SevWarning, stated: "≥90%（度量单位 人）",
		eval: setIndicator(2, func(in *jixiao.Indicator) {
			in.Unit, in.Target, in.Actual = "人", notation.ParseValueIn("≥90%", "人"), notation.ParseValueIn("92", "人")
		})},

	{name: "actuals differ from targets", code: "Q-ALL-MET", found: false},
	{name: "every actual equals its target", code: "Q-ALL-MET", found: true, sev: jixiao.SevWarning,
		eval: func(ev *jixiao.Evaluation) {
			ev.Indicators[0].Actual = notation.ParseValue("≥300件")
			ev.Indicators[2].Actual = notation.ParseValue("≥90%")
		}},

	{name: "goal actual with figures", code: "Q-GOAL-ACTUAL-VAGUE", found: false},
	{name: "goal actual without results", code: "Q-GOAL-ACTUAL-VAGUE", found: true, sev: jixiao.SevWarning,
		eval: func(ev *jixiao.Evaluation) { ev.Goal.Actual = "高站位、高标准、高质量完成了各项工作" }},

	{name: "high score, high execution", code: "Q-INFLATED", found: false},
	{name: "high score, low execution", code: "Q-INFLATED", found: true, sev: jixiao.SevWarning, stated: "96.10",
		eval: lowExecution},

	{name: "satisfaction with a survey", code: "Q-SATISFACTION-NO-SURVEY", found: false},
	{name: "satisfaction without a survey", code: "Q-SATISFACTION-NO-SURVEY", found: true, sev: jixiao.SevWarning, stated: "95%",
		report: replace("经问卷调查，", "")},
	{name: "no document, no survey check", code: "Q-SATISFACTION-NO-SURVEY", found: false, noDoc: true},

	{name: "unit calls itself rightly", code: "Q-SELF-REFERENCE", found: false},
	{name: "a bureau writes 我办", code: "Q-SELF-REFERENCE", found: true, sev: jixiao.SevWarning, stated: "我办", want: "我局",
		report: replace("我局对2024年度", "我办对2024年度")},
	{name: "我办理 is not a self reference", code: "Q-SELF-REFERENCE", found: false,
		report: replace("加强预算管理。", "由我办理相关手续，加强预算管理。")},
}

func TestQuality(t *testing.T) { runCases(t, qualityCases) }

// checkIndicatorQuality looks for 节 before trying each saving word.
func TestSavingNamesAllHaveJie(t *testing.T) {
	for _, w := range savingNames {
		if !strings.Contains(w, "节") {
			t.Errorf("saving word %q has no 节: checkIndicatorQuality would never try it", w)
		}
	}
}

func TestValueListTrims(t *testing.T) {
	for _, l := range []*valueList{vagueNames, vagueTargets} {
		for _, v := range l.values {
			for _, s := range []string{v, " " + v, v + "\u3000", "\t" + v + " \u00a0"} {
				if !l.has(s) {
					t.Errorf("has(%q) = false", s)
				}
			}
		}
	}
	for r := rune(0); r <= 0x3000; r++ {
		if s := "完成" + string(r); cjk.IsSpace(r) && !vagueTargets.has(s) {
			t.Errorf("has(%q) = false", s)
		}
	}
	for _, s := range []string{"≥10所", "按时完成", "完成量化", "", " ", "\xff", "\u3000"} {
		if vagueNames.has(s) || vagueTargets.has(s) {
			t.Errorf("has(%q) = true", s)
		}
	}
}
