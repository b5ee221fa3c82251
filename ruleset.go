package jixiao

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// RuleSet fixes everything that varies between the national rules and the
// provinces: weights and the indicator tree, the execution formula, scoring
// variants, grades and rounding. Rule sets are data (rules/data/*.yaml);
// this is their in-memory form. Fractions (rates, tier bounds) are stored as
// fractions: 0.9 for 90%.
type RuleSet struct {
	Name        string // "national-2020"
	Title       string // Chinese title
	Description string
	Basis       string // the documents it follows

	Execution   ExecutionRule
	WeightTotal decimal.Decimal // grand total, execution included: 100
	Level1      []Level1Rule    // the 一级 tree; its order is the table's order

	Reverse        ReverseFormula  // 反向指标 formula
	BareNumberAs   Op              // how a target with no direction scores: ≥ by default
	CeilingNames   []string        // name endings (控制率, 差错率…) whose bare target scores as ≤
	EqualZero      EqualZeroRule   // = with a zero target
	Qualitative    []QualTier      // 定性 tiers, best first
	OverAchieve    decimal.Decimal // a ≥ OverAchieve × t needs an explanation (1.3); 0 disables
	Deviation      DeviationRule
	Grades         []Grade // best first
	Rounding       Rounding
	SumTolerance   decimal.Decimal // allowed |Σparts − total| per summand (0.01 万元)
	ScoreTolerance decimal.Decimal // allowed |stated − computed| for a score before it is an error
	Outline        string          // report outline name, for the narrative audit
}

// ExecutionRule scores 预算执行率.
type ExecutionRule struct {
	Weight      decimal.Decimal // 分值: 10 nationally, 20 in Hubei
	Denominator string          // "全年预算数" (default) or "年初预算数"
	Cap         decimal.Decimal // the rate is capped here before scoring (1 = 100%)
}

// Denominators of the execution rate.
const (
	DenomFullYear = "全年预算数"
	DenomInitial  = "年初预算数"
)

// Level1Rule is one 一级指标 with its fixed weight (nil when the rule set
// fixes only the total) and the 二级 names that belong under it.
type Level1Rule struct {
	Name    string
	Weight  *decimal.Decimal
	Level2  []string
	Aliases []string // other names used for the same 一级 ("产出", "效益")
}

// ReverseFormula names how a missed ≤/< target scores.
type ReverseFormula string

// Reverse formulas: linear gives w × (1 − (a − t)/t), zero from 2t; ratio
// gives w × t/a.
const (
	ReverseLinear ReverseFormula = "linear-2t"
	ReverseRatio  ReverseFormula = "ratio"
)

// EqualZeroRule scores an "=" target of zero: full marks when the actual is
// at most zero, else nothing (the only rule seen so far; kept as data).
type EqualZeroRule struct {
	FullWhenActualAtMostZero bool
}

// QualTier is one 定性 tier: a score range as fractions of the weight and
// the words in an actual value that place it in the tier.
type QualTier struct {
	Name         string
	Min, Max     decimal.Decimal // fractions of w
	MaxInclusive bool
	Keywords     []string
}

// DeviationRule says when 偏差原因分析及改进措施 must be written and which
// texts do not count as written.
type DeviationRule struct {
	WhenBelowFull     bool            // score < w
	WhenOverAchieved  bool            // a ≥ OverAchieve × t
	ExecutionBelow    decimal.Decimal // 执行率 under this needs a reason (0.9); 0 disables
	NotAnExplanation  []string        // "无", "/", "-", …
	ExecutionRequired bool            // the reason for low execution is required (Sichuan), not only advised
}

// Grade is a band: a total at or above Min gets Name.
type Grade struct {
	Name string
	Min  decimal.Decimal
}

// Rounding fixes how figures are rounded for display and comparison.
type Rounding struct {
	Mode          RoundMode
	AmountPlaces  int32 // 万元 amounts
	PercentPlaces int32 // percentages as displayed (61.23%)
	ScorePlaces   int32
	RatePlaces    int32 // rates stored as fractions (0.6123)
}

// GradeOf returns the band of a total already rounded for display.
func (rs *RuleSet) GradeOf(total decimal.Decimal) string {
	for _, g := range rs.Grades {
		if total.Cmp(g.Min) >= 0 {
			return g.Name
		}
	}
	return ""
}

// FindLevel1 returns the 一级 rule matching name or one of its aliases.
func (rs *RuleSet) FindLevel1(name string) (*Level1Rule, bool) {
	for i := range rs.Level1 {
		l := &rs.Level1[i]
		if l.Name == name {
			return l, true
		}
		for _, a := range l.Aliases {
			if a == name {
				return l, true
			}
		}
	}
	return nil, false
}

// Level1Of returns the 一级 that a 二级 name belongs under.
func (rs *RuleSet) Level1Of(level2 string) (*Level1Rule, bool) {
	for i := range rs.Level1 {
		for _, n := range rs.Level1[i].Level2 {
			if n == level2 {
				return &rs.Level1[i], true
			}
		}
	}
	return nil, false
}

// Validate checks that the rule set is internally consistent. It reads the
// rule set and never changes it.
func (rs *RuleSet) Validate() error {
	if rs.Name == "" {
		return Errorf(EInvalid, "规则集缺少名称 (name)")
	}
	if rs.Execution.Denominator != DenomFullYear && rs.Execution.Denominator != DenomInitial {
		return Errorf(EInvalid, "规则集 %s: 执行率分母必须是 %s 或 %s，而不是 %q", rs.Name, DenomFullYear, DenomInitial, rs.Execution.Denominator)
	}
	if rs.Reverse != ReverseLinear && rs.Reverse != ReverseRatio {
		return Errorf(EInvalid, "规则集 %s: 反向指标公式必须是 %s 或 %s，而不是 %q", rs.Name, ReverseLinear, ReverseRatio, rs.Reverse)
	}
	if rs.Execution.Cap.Sign() <= 0 {
		return Errorf(EInvalid, "规则集 %s: 执行率上限必须大于 0", rs.Name)
	}
	if len(rs.Level1) == 0 {
		return Errorf(EInvalid, "规则集 %s: 没有一级指标", rs.Name)
	}
	for _, l := range rs.Level1 {
		for _, n := range append(append([]string{l.Name}, l.Aliases...), l.Level2...) {
			if n == "" || strings.ContainsFunc(n, unicode.IsSpace) {
				// the audit compares names without spaces; a rule set spells them so
				return Errorf(EInvalid, "规则集 %s: 指标名称 %q 为空或含空白字符", rs.Name, n)
			}
		}
	}
	sum, fixed := rs.Execution.Weight, true
	for _, l := range rs.Level1 {
		if l.Weight == nil {
			fixed = false
			continue
		}
		sum = sum.Add(*l.Weight)
	}
	if fixed && !sum.Equal(rs.WeightTotal) {
		return Errorf(EInvalid, "规则集 %s: 执行率分值与一级指标分值之和为 %s，与总分 %s 不符", rs.Name, sum, rs.WeightTotal)
	}
	if len(rs.Grades) == 0 {
		return Errorf(EInvalid, "规则集 %s: 没有等级划分", rs.Name)
	}
	for i := 1; i < len(rs.Grades); i++ {
		if !rs.Grades[i].Min.LessThan(rs.Grades[i-1].Min) {
			return Errorf(EInvalid, "规则集 %s: 等级须按分数线从高到低排列", rs.Name)
		}
	}
	if len(rs.Qualitative) == 0 {
		return Errorf(EInvalid, "规则集 %s: 没有定性指标档次", rs.Name)
	}
	for _, t := range rs.Qualitative {
		if t.Min.GreaterThan(t.Max) || t.Min.Sign() < 0 || t.Max.GreaterThan(decimal.NewFromInt(1)) {
			return Errorf(EInvalid, "规则集 %s: 定性档次 %s 的区间 [%s, %s] 无效", rs.Name, t.Name, t.Min, t.Max)
		}
		if slices.Contains(t.Keywords, "") {
			return Errorf(EInvalid, "规则集 %s: 定性档次 %s 有空关键词", rs.Name, t.Name)
		}
	}
	if _, err := rs.Rounding.Mode.valid(); err != nil {
		return fmt.Errorf("规则集 %s: %w", rs.Name, err)
	}
	return nil
}

// Clone returns a deep copy of rs: its lists are its own, so that changing
// the copy (a tier's keywords, a 一级's names) leaves rs as it was. The
// decimals are shared, as decimals never change in place.
func (rs *RuleSet) Clone() *RuleSet {
	c := *rs
	c.Level1 = slices.Clone(rs.Level1)
	for i := range c.Level1 {
		l := &c.Level1[i]
		if l.Weight != nil {
			w := *l.Weight
			l.Weight = &w
		}
		l.Level2, l.Aliases = slices.Clone(l.Level2), slices.Clone(l.Aliases)
	}
	c.Qualitative = slices.Clone(rs.Qualitative)
	for i := range c.Qualitative {
		c.Qualitative[i].Keywords = slices.Clone(c.Qualitative[i].Keywords)
	}
	c.Grades = slices.Clone(rs.Grades)
	c.Deviation.NotAnExplanation = slices.Clone(rs.Deviation.NotAnExplanation)
	return &c
}
