package audit

import (
	"fmt"
	"slices"
	"strings"

	"jixiao"
)

// isRuleName compares a rule set's indicator name with a document's, given
// as canonical(name): ignoring spaces and a trailing 指标, so that 社会效益
// and 社会效益指标 are one 二级. Rule set names hold no spaces (Validate
// refuses them), so only the trailing 指标 is trimmed from them.
func isRuleName(rule, canon string) bool { return strings.TrimSuffix(rule, "指标") == canon }

func canonical(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 { // U+3000
			s = strings.Join(strings.Fields(jixiao.Fold(s)), "")
			break
		}
	}
	return strings.TrimSuffix(s, "指标")
}

// checkWeights compares the stated weights with the rule set's tree: the
// grand total, each 一级 with a fixed weight, and where each row sits.
func checkWeights(in *Input, out *findings) {
	rs, ev := in.Rules, in.Eval
	// per 一级 of the rule set: the weights' sum and the first row (-1: none)
	type level1 struct {
		sum   jixiao.Sum
		first int
	}
	var buf [8]level1
	ls := buf[:0]
	for range rs.Level1 {
		ls = append(ls, level1{first: -1})
	}
	var reported []string // 一级 names already reported as misplaced
	// rows come grouped by 一级 and 二级: remember the last lookups
	lastL1, lastL2, lastLi, lastIn := "", "", -1, false
	for i := range ev.Indicators {
		ind := &ev.Indicators[i]
		li := lastLi
		if i == 0 || ind.Level1 != lastL1 {
			li, lastL1, lastL2 = level1Index(rs, ind.Level1), ind.Level1, ""
			lastLi = li
		}
		if li < 0 {
			if !slices.Contains(reported, ind.Level1) {
				reported = append(reported, ind.Level1)
				out.add(misplacedLevel1(in, i, ind))
			}
			continue
		}
		if ls[li].first < 0 {
			ls[li].first = i
		}
		if ind.Weight.Valid {
			ls[li].sum.AddFigure(&ind.Weight)
		}
		if ind.Level2 != "" && ind.Level2 != lastL2 {
			lastL2, lastIn = ind.Level2, contains(rs.Level1[li].Level2, ind.Level2)
		}
		if ind.Level2 != "" && !lastIn {
			out.add(jixiao.Finding{
				Code: "T-LEVEL2-MISPLACED", Severity: jixiao.SevWarning,
				Message: fmt.Sprintf("二级指标“%s”不属于一级指标“%s”（规则集 %s：%s 下为 %s）", ind.Level2, ind.Level1, rs.Name, rs.Level1[li].Name, strings.Join(rs.Level1[li].Level2, "、")),
				Stated:  ind.Level2, Expected: strings.Join(rs.Level1[li].Level2, "、"),
				Location: in.loc("indicators", i+1, ind.Name, "二级指标", fmt.Sprintf("indicators[%d].二级指标", i)),
			})
		}
	}
	if len(ev.Indicators) > 0 {
		for li, l := range rs.Level1 {
			if l.Weight == nil {
				continue
			}
			switch sum := ls[li].sum.Decimal(); {
			case ls[li].first < 0:
				out.add(jixiao.Finding{
					Code: "T-LEVEL1-MISSING", Severity: jixiao.SevError,
					Message: fmt.Sprintf("缺少一级指标“%s”：规则集 %s 规定其分值为 %s，表中没有该类指标", l.Name, rs.Name, jixiao.FormatDecimal(*l.Weight)),
					Stated:  "0", Expected: jixiao.FormatDecimal(*l.Weight),
					Location: in.loc("indicators", 0, l.Name, "分值", "indicators"),
				})
			case jixiao.Cmp(sum, *l.Weight) != 0:
				out.add(jixiao.Finding{
					Code: "T-WEIGHT-LEVEL1", Severity: jixiao.SevError,
					Message: fmt.Sprintf("一级指标“%s”分值合计 %s，规则集 %s 规定为 %s", l.Name, jixiao.FormatDecimal(sum), rs.Name, jixiao.FormatDecimal(*l.Weight)),
					Stated:  jixiao.FormatDecimal(sum), Expected: jixiao.FormatDecimal(*l.Weight),
					Location: in.loc("indicators", 0, l.Name, "分值", fmt.Sprintf("indicators[%d].分值", ls[li].first)),
				})
			}
		}
	}
	if got := in.Result.WeightSum; jixiao.Cmp(got, rs.WeightTotal) != 0 {
		out.add(jixiao.Finding{
			Code: "T-WEIGHT-TOTAL", Severity: jixiao.SevError,
			Message: fmt.Sprintf("预算执行率与各指标分值合计 %s，应为 %s", got, rs.WeightTotal),
			Stated:  jixiao.FormatDecimal(got), Expected: jixiao.FormatDecimal(rs.WeightTotal),
			Evidence: weightEvidence(in),
			Location: in.loc("indicators", 0, "", "分值", "indicators"),
		})
	}
}

func weightEvidence(in *Input) string {
	parts := []string{"执行率 " + jixiao.FormatDecimal(in.Result.Execution.Weight)}
	for _, g := range in.Result.Groups() {
		if g.Level2 == "" {
			parts = append(parts, fmt.Sprintf("%s %s", g.Level1, g.Weight))
		}
	}
	return strings.Join(parts, " + ") + " = " + jixiao.FormatDecimal(in.Result.WeightSum)
}

func misplacedLevel1(in *Input, i int, ind *jixiao.Indicator) jixiao.Finding {
	rs := in.Rules
	if parent, ok := level2Parent(rs, ind.Level1); ok {
		return jixiao.Finding{
			Code: "T-LEVEL1-IS-LEVEL2", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("“%s”在规则集 %s 中是“%s”下的二级指标，表中却作为一级指标", ind.Level1, rs.Name, parent),
			Stated:  "一级指标：" + ind.Level1, Expected: parent + " / " + ind.Level1,
			Location: in.loc("indicators", i+1, ind.Name, "一级指标", fmt.Sprintf("indicators[%d].一级指标", i)),
		}
	}
	names := make([]string, len(rs.Level1))
	for j, l := range rs.Level1 {
		names[j] = l.Name
	}
	return jixiao.Finding{
		Code: "T-LEVEL1-UNKNOWN", Severity: jixiao.SevWarning,
		Message: fmt.Sprintf("一级指标“%s”不在规则集 %s 的指标体系中（%s）", ind.Level1, rs.Name, strings.Join(names, "、")),
		Stated:  ind.Level1, Expected: strings.Join(names, "、"),
		Location: in.loc("indicators", i+1, ind.Name, "一级指标", fmt.Sprintf("indicators[%d].一级指标", i)),
	}
}

func level1Index(rs *jixiao.RuleSet, name string) int {
	name = canonical(name)
	for i, l := range rs.Level1 {
		if isRuleName(l.Name, name) {
			return i
		}
		for _, a := range l.Aliases {
			if isRuleName(a, name) {
				return i
			}
		}
	}
	return -1
}

func level2Parent(rs *jixiao.RuleSet, name string) (string, bool) {
	for _, l := range rs.Level1 {
		if contains(l.Level2, name) {
			return l.Name, true
		}
	}
	return "", false
}

// contains reports whether a rule set's list holds a document's name.
func contains(list []string, name string) bool {
	name = canonical(name)
	for _, n := range list {
		if isRuleName(n, name) {
			return true
		}
	}
	return false
}
