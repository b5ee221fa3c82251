package score

import (
	"strings"

	"jixiao"
)

// A target written as a bare number ("100%", "3%") carries no direction,
// and the rule set's default (≥) is right for most rows. Some indicators
// say by their name that the figure is a ceiling: 财政供养人员控制率 (staff
// against posts), 三公经费控制率, 预算调整率, 结转结余率, 差错率, 投诉率 — a
// lower actual is better, and scoring "92% of a 100% 控制率" as a missed
// target would call a met ceiling 虚高. Which endings count is the rule
// set's (ceiling_names): a convention read off published tables, not a
// rule of 10号文, so a province may drop or extend it.

// ceilingByName reports an indicator whose name makes its bare target a
// ceiling: it ends in one of the rule set's ceiling names.
func ceilingByName(name string, rs *jixiao.RuleSet) bool {
	n := strings.TrimSpace(name)
	if i := strings.IndexAny(n, "(（"); i > 0 {
		n = n[:i] // "结余率(计算方法为:结余数/预算数)"
	}
	for _, s := range rs.CeilingNames {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// bareDirection is the direction a target with none scores by: a ceiling
// when the name says so, else the rule set's default.
func bareDirection(in *jixiao.Indicator, rs *jixiao.RuleSet) (jixiao.Op, string) {
	if ceilingByName(in.Name, rs) {
		return jixiao.OpLE, "指标名称表明其为上限（越低越好），目标 " + in.Target.Text() + " 按“≤”计"
	}
	return rs.BareNumberAs, ""
}
