package audit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

// The "虚高" signal: a total this high with execution this low deserves a
// reviewer's look. One place, so that a profile can be tuned here.
var (
	inflatedScoreAtLeast = decimal.NewFromInt(90)
	inflatedRateBelow    = decimal.RequireFromString("0.8")
)

// Quality word lists: targets and indicators that are not 指向明确 and
// 细化量化 (财预〔2015〕88号), as docs/checks.md's Q- codes describe them.
var (
	// vagueNames are indicator names that do not say what is measured.
	vagueNames = newValueList("完成量", "完成率", "完成时间", "完成情况", "工作完成率", "任务完成率", "工作完成情况", "任务完成情况", "完成质量", "工作量", "工作任务", "完成进度")
	// vagueTargets are target values that promise nothing checkable. (按时完成
	// is left out: with a deadline in the 评分标准 it is the usual 时效 target.)
	vagueTargets = newValueList("年度完成", "年内完成", "全部完成", "完成", "已完成", "完成任务", "资金执行在预算范围内", "在预算范围内", "控制在预算范围内")
	// savingNames measure money saved: 100% saved means nothing spent.
	savingNames = []string{"节约率", "节支率", "成本节约率", "节约"} // each has 节: checkIndicatorQuality looks for it first
	// surveyWords show that satisfaction was measured.
	// (调查研究 and 测评 alone are too common to count.)
	surveyWords = newWordSet("问卷", "满意度调查", "满意度测评", "满意率调查", "调查问卷", "回访", "抽样调查", "入户调查", "电话调查", "网络调查", "民意调查", "群众评议", "第三方评价", "第三方调查", "座谈会")
	// genericGoalPhrases say nothing about results.
	genericGoalPhrases = []string{"高站位", "高标准", "高质量", "圆满完成", "各项工作", "较好完成", "顺利完成", "全面完成", "取得良好", "取得了良好"}
)

// checkQuality looks at the quality of targets and indicators and at how
// the report speaks: warnings, since a reviewer must judge them.
func checkQuality(in *Input, rt *reportText, out *findings) {
	checkIndicatorQuality(in, out)
	checkGoalActual(in, out)
	checkInflated(in, out)
	if in.Doc != nil {
		checkSatisfaction(in, rt, out)
		checkSelfReference(in, rt, out)
	}
}

func indicatorLoc(in *Input, i int, column string) jixiao.Location {
	return in.locIndexed("indicators", i+1, in.Eval.Indicators[i].Name, column, "indicators[", i, "]."+column)
}

func checkIndicatorQuality(in *Input, out *findings) {
	inds := in.Eval.Indicators
	allEqual := len(inds) >= 3
	for i := range inds {
		ind := &inds[i]
		if allEqual && !sameValue(ind.Actual.Raw, ind.Target.Raw) {
			allEqual = false
		}
		if vagueNames.has(ind.Name) {
			out.add(jixiao.Finding{
				Code: "Q-VAGUE-NAME", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”没有说明衡量的是什么工作（指向不明确）",
				Stated:  ind.Name, Expected: "写明对象与内容的指标名称（如“法律援助案件办结数”）",
				Location: indicatorLoc(in, i, "三级指标"),
			})
		}
		if vagueTargets.has(ind.Target.Raw) {
			out.add(jixiao.Finding{
				Code: "Q-VAGUE-TARGET", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”的年度指标值“" + ind.Target.Text() + "”不可衡量（未细化量化）",
				Stated:  ind.Target.Text(), Expected: "带方向、数值和单位的指标值（如“≤12月31日”“≥95%”）",
				Location: indicatorLoc(in, i, "年度指标值"),
			})
		}
		if strings.Contains(ind.Name, "节") && hasAnyWord(ind.Name, savingNames) && (hundredPercent(&ind.Target) || hundredPercent(&ind.Actual)) {
			out.add(jixiao.Finding{
				Code: "Q-SAVING-100", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”为 100%：节约 100% 意味着没有支出，与实际支出矛盾",
				Stated:  ind.Target.Text() + " / " + ind.Actual.Text(), Expected: "按成本测算的节约比例或成本控制数（如“≤X万元”）",
				Location: indicatorLoc(in, i, "年度指标值"),
			})
		}
		if ind.Type == jixiao.Qualitative && (ind.Target.Percent || strings.ContainsAny(ind.Target.Raw, "%％")) {
			out.add(jixiao.Finding{
				Code: "Q-QUAL-PERCENT", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”为定性指标，指标值却以百分比表示",
				Stated:  ind.Target.Text(), Expected: "定性指标用等级描述；以 % 计量的应为定量指标",
				Location: indicatorLoc(in, i, "指标值类型"),
			})
		}
		checkUnitConflict(in, i, out)
		if ind.Target.Type == jixiao.Qualitative && (ind.Type == jixiao.Quantitative || strings.HasPrefix(cjk.TrimSpace(ind.Level2), "数量")) {
			out.add(jixiao.Finding{
				Code: "Q-QUANT-AS-TEXT", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”应为定量指标，年度指标值却写作文字“" + ind.Target.Text() + "”",
				Stated:  ind.Target.Text(), Expected: "数值、方向与单位（如“≥100件”）",
				Location: indicatorLoc(in, i, "年度指标值"),
			})
		}
	}
	if allEqual {
		n := strconv.Itoa(len(inds))
		out.add(jixiao.Finding{
			Code: "Q-ALL-MET", Severity: jixiao.SevWarning,
			Message: "全部 " + n + " 项指标的实际完成值与年度指标值完全相同，目标可能是按结果倒填的",
			Stated:  n + " / " + n + " 项相同", Expected: "如实填报的实际完成值",
			Location: in.loc("indicators", 0, "", "实际完成值", "indicators"),
		})
	}
}

// sameValue reports whether an actual value is stated and, spaces aside,
// the target.
func sameValue(actual, target string) bool {
	return actual != "" && (actual == target || cjk.TrimSpace(actual) == cjk.TrimSpace(target))
}

// valueList is a list of whole values (names, targets) that a cell matches
// when it is one of them, spaces aside. Nearly every cell ends with a byte,
// or else a rune, that no listed value ends with: has rejects it without
// decoding or trimming it.
type valueList struct {
	values []string
	ends   []rune    // the values' last runes
	last   [256]bool // the last bytes of those runes and of every space
}

func newValueList(values ...string) *valueList {
	l := &valueList{values: values}
	for _, v := range values {
		r, _ := utf8.DecodeLastRuneInString(v)
		if !slices.Contains(l.ends, r) {
			l.ends = append(l.ends, r)
		}
		l.last[v[len(v)-1]] = true
	}
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			if cjk.IsSpace(r) {
				b := utf8.AppendRune(nil, r)
				l.last[b[len(b)-1]] = true
			}
		}
	}
	return l
}

// has reports whether s, trimmed, is one of the values.
func (l *valueList) has(s string) bool {
	if s == "" || !l.last[s[len(s)-1]] {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); !cjk.IsSpace(r) && !slices.Contains(l.ends, r) {
		return false
	}
	return slices.Contains(l.values, cjk.TrimSpace(s))
}

var hundred = decimal.NewFromInt(100)

func hundredPercent(v *jixiao.Value) bool {
	return v.Type == jixiao.Quantitative && v.Percent && v.Number.Equal(hundred)
}

// checkGoalActual asks that 实际完成情况 state results: a figure, not praise.
func checkGoalActual(in *Input, out *findings) {
	a := strings.TrimSpace(in.Eval.Goal.Actual)
	if a == "" {
		return // S-FIELD-MISSING
	}
	hasFigure := strings.ContainsFunc(cjk.Fold(a), func(r rune) bool { return r >= '0' && r <= '9' })
	var generic []string
	for _, p := range genericGoalPhrases {
		if strings.Contains(a, p) {
			generic = append(generic, p)
		}
	}
	if hasFigure {
		return // a figure, even with boilerplate around it, is a result
	}
	why := "没有任何数字结果"
	if len(generic) > 0 {
		why = "只有“" + strings.Join(generic, "”“") + "”等笼统表述，没有任何数字结果"
	}
	out.add(jixiao.Finding{
		Code: "Q-GOAL-ACTUAL-VAGUE", Severity: jixiao.SevWarning,
		Message: "年度总体目标的实际完成情况" + why + "，应逐项写明完成了什么、完成多少",
		Stated:  excerpt(a, "", 60), Expected: "与预期目标逐项对应、可核对的完成结果",
		Location: in.loc("goal", 0, "年度总体目标", "实际完成情况", "goal.actual"),
	})
}

// checkInflated flags a high total with low execution (虚高).
func checkInflated(in *Input, out *findings) {
	e, ro := &in.Result.Execution, in.Rules.Rounding
	if !e.RateKnown || !e.Rate.LessThan(inflatedRateBelow) {
		return
	}
	total, stated := in.Result.Total, in.Eval.StatedTotal
	if stated.Valid {
		total = stated.Value
	}
	if total.LessThan(inflatedScoreAtLeast) {
		return
	}
	rate := ro.Percent(e.Rate).StringFixed(ro.PercentPlaces) + "%"
	out.add(jixiao.Finding{
		Code: "Q-INFLATED", Severity: jixiao.SevWarning,
		Message: fmt.Sprintf("总分 %s 达到“优”，而预算执行率只有 %s，自评结果可能虚高", total.StringFixed(ro.ScorePlaces), rate),
		Stated:  total.StringFixed(ro.ScorePlaces), Expected: fmt.Sprintf("执行率低于 %s%% 时总分一般不应 ≥ %s", ro.Percent(inflatedRateBelow).String(), inflatedScoreAtLeast),
		Evidence: "执行率 " + rate,
		Location: in.loc("total", 0, "总分", "总分", "total"),
	})
}

// checkSatisfaction asks for the survey behind a satisfaction indicator.
func checkSatisfaction(in *Input, rt *reportText, out *findings) {
	has := false
	for _, ind := range in.Eval.Indicators {
		has = has || strings.Contains(ind.Name, "满意") || strings.Contains(ind.Level1, "满意")
	}
	if !has {
		return
	}
	// A survey promised under 存在的问题 or 下一步改进措施 was not made.
	section, promised := -2, false // the last paragraph's section and whether it is one of promises
	for pi, p := range rt.paras {
		if p.section != section {
			t := rt.sectionTitle(p)
			section, promised = p.section, strings.Contains(t, "问题") || strings.Contains(t, "措施") || strings.Contains(t, "下一步")
		}
		if !promised && rt.holds(pi, wordsSurvey) {
			return
		}
	}
	for i, ind := range in.Eval.Indicators {
		if !strings.Contains(ind.Name, "满意") && !strings.Contains(ind.Level1, "满意") {
			continue
		}
		if surveyWords.in(ind.Name) || strings.Contains(ind.Name, "调查") || surveyWords.in(ind.Standard) || surveyWords.in(ind.Deviation) {
			continue // "居民满意度（问卷调查）"
		}
		out.add(jixiao.Finding{
			Code: "Q-SATISFACTION-NO-SURVEY", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("满意度指标“%s”实际完成值为 %s，但报告中没有提到任何满意度调查（问卷、回访、测评）", ind.Name, ind.Actual.Text()),
			Stated:  ind.Actual.Text(), Expected: "说明调查方式、样本数量与结果",
			Location: indicatorLoc(in, i, "实际完成值"),
		})
	}
}

// selfTerms are how a unit refers to itself, by the kind of unit it is.
var selfTerms = []struct{ suffix, term string }{
	{"委员会", "我委"}, {"办公室", "我办"}, {"中心", "我中心"}, {"局", "我局"}, {"办", "我办"}, {"委", "我委"},
	{"院", "我院"}, {"厅", "我厅"}, {"站", "我站"}, {"馆", "我馆"}, {"学校", "我校"}, {"校", "我校"}, {"所", "我所"}, {"队", "我队"},
}

// notSelfAfter lists what may follow a self term when it is not one
// (我办理, 我所在).
var notSelfAfter = map[string]string{"我办": "理事公案好", "我所": "在有属知说能做", "我院": "校", "我委": "员托屈"}

// checkSelfReference finds a unit calling itself by another unit type: a
// 局 writing 我办 was copied from another unit's report.
func checkSelfReference(in *Input, rt *reportText, out *findings) {
	unit := strings.TrimSpace(in.Eval.Unit)
	own := ""
	for _, s := range selfTerms {
		if strings.HasSuffix(unit, s.suffix) {
			own = s.term
			break
		}
	}
	if own == "" {
		return
	}
	// one pass over each paragraph, looking only where 我 occurs
	counts, first := map[string]int{}, map[string]int{}
	var order []string
	for pi, p := range rt.paras {
		text := p.text
		for {
			i := strings.Index(text, "我")
			if i < 0 {
				break
			}
			text = text[i:]
			for _, st := range selfTerms {
				if st.term == own || !strings.HasPrefix(text, st.term) {
					continue
				}
				if next := firstRuneOf(text[len(st.term):]); next != 0 && strings.ContainsRune(notSelfAfter[st.term], next) {
					break
				}
				if counts[st.term] == 0 {
					first[st.term] = pi
					order = append(order, st.term)
				}
				counts[st.term]++
				break
			}
			text = text[len("我"):]
		}
	}
	for _, term := range order {
		p := rt.paras[first[term]]
		out.add(jixiao.Finding{
			Code: "Q-SELF-REFERENCE", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("报告 %d 处以“%s”自称，而本单位“%s”应自称“%s”：疑为套用其他单位的报告", counts[term], term, unit, own),
			Stated:  term, Expected: own, Evidence: excerpt(p.text, term, evidenceRunes),
			Location: jixiao.Location{Block: "report", Item: rt.sectionTitle(p), Source: p.pos},
		})
	}
}

func firstRuneOf(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// checkUnitConflict warns of a target or actual that writes a unit other
// than its row's 度量单位 ("95%" under "人"): it is scored in its own unit,
// but which of the two is meant only the unit can say.
func checkUnitConflict(in *Input, i int, out *findings) {
	ind := &in.Eval.Indicators[i]
	for _, v := range [...]struct {
		v      *jixiao.Value
		column string
	}{{&ind.Target, "年度指标值"}, {&ind.Actual, "实际完成值"}} {
		if notation.UnitConflict(*v.v, ind.Unit) {
			out.add(jixiao.Finding{
				Code: "Q-UNIT-CONFLICT", Severity: jixiao.SevWarning,
				Message: "指标“" + ind.Name + "”的" + v.column + "“" + v.v.Raw + "”自带的单位与度量单位“" + ind.Unit + "”不一致，按其自带的单位计分",
				Stated:  v.v.Raw + "（度量单位 " + ind.Unit + "）", Expected: "与度量单位一致的数值，或改正度量单位",
				Location: indicatorLoc(in, i, v.column),
			})
		}
	}
}
