package audit

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
)

// isRuleName compares a rule set's indicator name with a document's, given
// as canonical(name): ignoring spaces and a trailing 指标, so that 社会效益
// and 社会效益指标 are one 二级. Rule set names hold no spaces (Validate
// refuses them), so only the trailing 指标 is trimmed from them.
func isRuleName(rule, canon string) bool { return strings.TrimSuffix(rule, "指标") == canon }

func canonical(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 { // U+3000
			s = strings.Join(strings.Fields(cjk.Fold(s)), "")
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
		sum   decimal.Decimal
		first int
	}
	ls := make([]level1, len(rs.Level1))
	for li := range ls {
		ls[li].first = -1
	}
	var reported []string // 一级 names already reported as misplaced
	for i := range ev.Indicators {
		ind := &ev.Indicators[i]
		li := level1Index(rs, ind.Level1)
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
			ls[li].sum = ls[li].sum.Add(ind.Weight.Value)
		}
		if ind.Level2 != "" && !contains(rs.Level1[li].Level2, ind.Level2) {
			l := &rs.Level1[li]
			list := strings.Join(l.Level2, "、")
			out.add(jixiao.Finding{
				Code: "T-LEVEL2-MISPLACED", Severity: jixiao.SevWarning,
				Message: "二级指标“" + ind.Level2 + "”不属于一级指标“" + ind.Level1 + "”（规则集 " + rs.Name + "：" + l.Name + " 下为 " + list + "）",
				Stated:  ind.Level2, Expected: list,
				Location: in.locIndexed("indicators", i+1, ind.Name, "二级指标", "indicators[", i, "].二级指标"),
			})
		}
	}
	if len(ev.Indicators) > 0 {
		for li := range rs.Level1 {
			if l := &rs.Level1[li]; l.Weight != nil {
				checkLevel1Weight(in, l, ls[li].first, ls[li].sum, out)
			}
		}
	}
	if got := in.Result.WeightSum; !got.Equal(rs.WeightTotal) {
		out.add(jixiao.Finding{
			Code: "T-WEIGHT-TOTAL", Severity: jixiao.SevError,
			Message: "预算执行率与各指标分值合计 " + got.String() + "，应为 " + rs.WeightTotal.String(),
			Stated:  got.String(), Expected: rs.WeightTotal.String(),
			Evidence: weightEvidence(in),
			Location: in.loc("indicators", 0, "", "分值", "indicators"),
		})
	}
}

// checkLevel1Weight compares the weights of a 一级's rows, the first of
// them row first (-1: none), with the rule set's weight for it.
func checkLevel1Weight(in *Input, l *jixiao.Level1Rule, first int, total decimal.Decimal, out *findings) {
	rs := in.Rules
	if first < 0 {
		want := l.Weight.String()
		out.add(jixiao.Finding{
			Code: "T-LEVEL1-MISSING", Severity: jixiao.SevError,
			Message: "缺少一级指标“" + l.Name + "”：规则集 " + rs.Name + " 规定其分值为 " + want + "，表中没有该类指标",
			Stated:  "0", Expected: want,
			Location: in.loc("indicators", 0, l.Name, "分值", "indicators"),
		})
		return
	}
	if total.Equal(*l.Weight) {
		return
	}
	got, want := total.String(), l.Weight.String()
	out.add(jixiao.Finding{
		Code: "T-WEIGHT-LEVEL1", Severity: jixiao.SevError,
		Message: "一级指标“" + l.Name + "”分值合计 " + got + "，规则集 " + rs.Name + " 规定为 " + want,
		Stated:  got, Expected: want,
		Location: in.locIndexed("indicators", 0, l.Name, "分值", "indicators[", first, "].分值"),
	})
}

func weightEvidence(in *Input) string {
	parts := []string{"执行率 " + in.Result.Execution.Weight.String()}
	for _, g := range in.Result.Groups {
		if g.Level2 == "" {
			parts = append(parts, g.Level1+" "+g.Weight.String())
		}
	}
	return strings.Join(parts, " + ") + " = " + in.Result.WeightSum.String()
}

func misplacedLevel1(in *Input, i int, ind *jixiao.Indicator) jixiao.Finding {
	rs := in.Rules
	if parent, ok := level2Parent(rs, ind.Level1); ok {
		return jixiao.Finding{
			Code: "T-LEVEL1-IS-LEVEL2", Severity: jixiao.SevWarning,
			Message: "“" + ind.Level1 + "”在规则集 " + rs.Name + " 中是“" + parent + "”下的二级指标，表中却作为一级指标",
			Stated:  "一级指标：" + ind.Level1, Expected: parent + " / " + ind.Level1,
			Location: in.locIndexed("indicators", i+1, ind.Name, "一级指标", "indicators[", i, "].一级指标"),
		}
	}
	names := make([]string, len(rs.Level1))
	for j, l := range rs.Level1 {
		names[j] = l.Name
	}
	list := strings.Join(names, "、")
	return jixiao.Finding{
		Code: "T-LEVEL1-UNKNOWN", Severity: jixiao.SevWarning,
		Message: "一级指标“" + ind.Level1 + "”不在规则集 " + rs.Name + " 的指标体系中（" + list + "）",
		Stated:  ind.Level1, Expected: list,
		Location: in.locIndexed("indicators", i+1, ind.Name, "一级指标", "indicators[", i, "].一级指标"),
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
