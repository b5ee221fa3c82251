package jixiao

import "strings"

// TierOf places a qualitative actual value in one of the rule set's tiers
// by its keywords. The worst tier with a keyword in the value wins, so that
// 未完成 is not read as 完成 (the tiers of 10号文 are ordered best first;
// a value that admits a shortfall is graded by the shortfall). It returns
// the tier's index in rs.Qualitative, or -1 when no keyword occurs.
//
// actual is matched as given: callers fold full-width forms first (score
// does, with the text helpers the domain does not hold).
//
// The tiers are read as they are now: a keyword added after the rule set
// was loaded counts.
func (rs *RuleSet) TierOf(actual string) int {
	s := strings.TrimSpace(actual)
	if s == "" {
		return -1
	}
	for i := len(rs.Qualitative) - 1; i >= 0; i-- {
		for _, k := range rs.Qualitative[i].Keywords {
			if strings.Contains(s, k) {
				return i
			}
		}
	}
	return -1
}
