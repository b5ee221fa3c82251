package audit

import (
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
		sum    jixiao.Sum
		first  int
		level2 memo // whether a 二级 belongs under it: 1 or 0
	}
	var buf [8]level1
	ls := buf[:0]
	for range rs.Level1 {
		ls = append(ls, level1{first: -1})
	}
	var reported []string // 一级 names already reported as misplaced
	var level1s memo      // a 一级 name's index in the rule set, -1 for none
	for i := range ev.Indicators {
		ind := &ev.Indicators[i]
		li, ok := level1s.get(ind.Level1)
		if !ok {
			li = level1s.put(ind.Level1, level1Index(rs, ind.Level1))
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
		if ind.Level2 != "" && !ls[li].level2.belongs(rs.Level1[li].Level2, ind.Level2) {
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
				checkLevel1Weight(in, l, ls[li].first, &ls[li].sum, out)
			}
		}
	}
	if got := in.Result.WeightSum; jixiao.Cmp(got, rs.WeightTotal) != 0 {
		out.add(jixiao.Finding{
			Code: "T-WEIGHT-TOTAL", Severity: jixiao.SevError,
			Message: "预算执行率与各指标分值合计 " + jixiao.FormatDecimal(got) + "，应为 " + jixiao.FormatDecimal(rs.WeightTotal),
			Stated:  jixiao.FormatDecimal(got), Expected: jixiao.FormatDecimal(rs.WeightTotal),
			Evidence: weightEvidence(in),
			Location: in.loc("indicators", 0, "", "分值", "indicators"),
		})
	}
}

// checkLevel1Weight compares the weights of a 一级's rows, the first of
// them row first (-1: none), with the rule set's weight for it.
func checkLevel1Weight(in *Input, l *jixiao.Level1Rule, first int, sum *jixiao.Sum, out *findings) {
	rs := in.Rules
	if first < 0 {
		want := jixiao.FormatDecimal(*l.Weight)
		out.add(jixiao.Finding{
			Code: "T-LEVEL1-MISSING", Severity: jixiao.SevError,
			Message: "缺少一级指标“" + l.Name + "”：规则集 " + rs.Name + " 规定其分值为 " + want + "，表中没有该类指标",
			Stated:  "0", Expected: want,
			Location: in.loc("indicators", 0, l.Name, "分值", "indicators"),
		})
		return
	}
	total := sum.Decimal()
	if jixiao.Cmp(total, *l.Weight) == 0 {
		return
	}
	got, want := jixiao.FormatDecimal(total), jixiao.FormatDecimal(*l.Weight)
	out.add(jixiao.Finding{
		Code: "T-WEIGHT-LEVEL1", Severity: jixiao.SevError,
		Message: "一级指标“" + l.Name + "”分值合计 " + got + "，规则集 " + rs.Name + " 规定为 " + want,
		Stated:  got, Expected: want,
		Location: in.locIndexed("indicators", 0, l.Name, "分值", "indicators[", first, "].分值"),
	})
}

// memo remembers a few lookups by name: a table repeats the same few 一级
// and 二级 names, each then looked up once.
type memo struct {
	n     int
	names [8]string
	vals  [8]int
}

func (m *memo) get(name string) (int, bool) {
	for k := range m.n {
		if m.names[k] == name {
			return m.vals[k], true
		}
	}
	return 0, false
}

// put remembers v for name, while there is room, and returns v.
func (m *memo) put(name string, v int) int {
	if m.n < len(m.names) {
		m.names[m.n], m.vals[m.n] = name, v
		m.n++
	}
	return v
}

// belongs reports whether a rule set's list of 二级 names holds name.
func (m *memo) belongs(list []string, name string) bool {
	v, ok := m.get(name)
	if !ok {
		v = 0
		if contains(list, name) {
			v = 1
		}
		m.put(name, v)
	}
	return v == 1
}

func weightEvidence(in *Input) string {
	parts := []string{"执行率 " + jixiao.FormatDecimal(in.Result.Execution.Weight)}
	for _, g := range in.Result.Groups() {
		if g.Level2 == "" {
			parts = append(parts, g.Level1+" "+jixiao.FormatDecimal(g.Weight))
		}
	}
	return strings.Join(parts, " + ") + " = " + jixiao.FormatDecimal(in.Result.WeightSum)
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
