package score

import (
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"jixiao"
)

// Result is a scored evaluation: every computed figure beside what the
// document states, and why.
type Result struct {
	Rules       string          // rule set name
	Execution   Execution       //
	Rows        []Row           // one per indicator, in table order
	WeightSum   decimal.Decimal // execution weight + Σ row weights
	Total       decimal.Decimal // computed total, rounded
	Grade       string          // grade of Total
	StatedTotal jixiao.Figure
	StatedGrade string
	Complete    bool // every part was recomputed from the document's inputs

	inds       []jixiao.Indicator // what the rows score, for Groups
	groupsOnce sync.Once
	groups     []Group
}

// Groups returns the subtotals per 一级, then per 一级/二级. They are summed
// on the first call: checking a thousand documents reads none of them.
func (r *Result) Groups() []Group {
	r.groupsOnce.Do(func() { r.groups = groups(r.Rows, r.inds) })
	return r.groups
}

// Trace explains one computed figure.
type Trace struct {
	Formula string // the arithmetic, with the figures filled in
	Rule    string // the rule that applied, naming the rule set setting
	Note    string // anything the reader should know (a fallback, a gap)
}

// Execution is the budget execution item.
type Execution struct {
	Weight      decimal.Decimal
	Denominator string        // which budget figure divides
	A, B        jixiao.Figure // the figures used
	Rate        decimal.Decimal
	RateKnown   bool
	RateFrom    string // "computed" (B/A) or "stated" (the table's 执行率)
	Score       decimal.Decimal
	ScoreKnown  bool
	StatedRate  jixiao.Figure
	StatedScore jixiao.Figure

	// what Explain writes out
	rules    string
	rounding jixiao.Rounding
	cap      decimal.Decimal
	atCap    bool // the rate reached the cap: the score is w × cap
	note     string
}

// Explain returns the execution item's trace. Like Row.Explain, it is
// written out only when asked for.
func (e *Execution) Explain() Trace {
	ro := e.rounding
	t := Trace{
		Rule: fmt.Sprintf("执行率 = 全年执行数 / %s；得分 = %s × min(执行率, %s%%)（%s）",
			e.Denominator, e.Weight, ro.Percent(e.cap).String(), e.rules),
		Note: e.note,
	}
	var parts []string
	if e.RateFrom == "computed" {
		parts = append(parts, fmt.Sprintf("%s / %s = %s%%", e.B.Text, e.A.Text, ro.Percent(e.Rate).StringFixed(ro.PercentPlaces)))
	}
	if e.ScoreKnown {
		capped := e.Rate
		switch {
		case e.atCap:
			capped = e.cap
		case capped.Sign() < 0:
			capped = decimal.Zero
		}
		parts = append(parts, fmt.Sprintf("%s × %s%% = %s", e.Weight, ro.Percent(capped).StringFixed(ro.PercentPlaces), e.Score.StringFixed(ro.ScorePlaces)))
	}
	t.Formula = strings.Join(parts, "；")
	return t
}

// Method names how a row was scored.
type Method uint8

// Scoring methods.
const (
	MethodStated      Method = iota // kept the stated score
	MethodPositive                  // 正向
	MethodEqualZero                 // 等于零
	MethodReverse                   // 反向
	MethodQualitative               // 定性
)

var methodNames = [...]string{MethodStated: "未重算", MethodPositive: "正向", MethodEqualZero: "等于零", MethodReverse: "反向", MethodQualitative: "定性"}

// String returns the method's name as the score table shows it.
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return "未知"
}

// Row is one indicator's score. Its figures are methods: a row holds its
// weight and score in fixed point and the indicator it scored, so that a
// result of thirty rows is one small allocation that formats nothing until
// someone reads it.
type Row struct {
	Index    int   // 0-based position in Evaluation.Indicators
	Met      *bool // whether the actual meets the target, when it can be told; shared, never write through it
	Method   Method
	Computed bool // Score was computed, not copied
	Over     bool // over-achieved: a ≥ OverAchieve × t

	ratio  bool        // reverse rows: scored by the ratio formula, not linear-2t
	qual   bool        // scored as qualitative (even if it fell back to the stated score)
	fx     formulaKind // the arithmetic, written out only when asked
	places int32       // score decimals, for the written arithmetic
	in     *jixiao.Indicator
	tier   *jixiao.QualTier // the qualitative tier reached, when known
	note   string           // why a row fell back
	w, s   num              // weight and score
}

// Indicator returns the indicator the row scored.
func (r *Row) Indicator() *jixiao.Indicator { return r.in }

// Weight returns the row's weight (0 when the row has none).
func (r *Row) Weight() decimal.Decimal { return r.w.dec() }

// Score returns the computed score (or the stated one, for MethodStated),
// rounded.
func (r *Row) Score() decimal.Decimal { return r.s.dec() }

// Tier returns the name of the qualitative tier reached, when known.
func (r *Row) Tier() string {
	if r.tier == nil {
		return ""
	}
	return r.tier.Name
}

// TierRange returns the reached tier's range in points: weight × the
// tier's bounds. Both are zero when no tier was reached.
func (r *Row) TierRange() (lo, hi decimal.Decimal) {
	if r.tier == nil {
		return decimal.Zero, decimal.Zero
	}
	w := r.Weight()
	return jixiao.MulExact(w, r.tier.Min), jixiao.MulExact(w, r.tier.Max)
}

// OverRatio returns actual / target of an over-achieved row (Over), 0
// otherwise.
func (r *Row) OverRatio() decimal.Decimal {
	if !r.Over {
		return decimal.Zero
	}
	return r.in.Actual.Quantity().Div(r.in.Target.Quantity())
}

// CmpScore compares a stated figure with the row's computed score, like
// decimal.Cmp: the check of every stated row score.
func (r *Row) CmpScore(f *jixiao.Figure) int { return cmpFigureNum(f, r.s) }

// CmpWeight compares a stated figure with the row's weight.
func (r *Row) CmpWeight(f *jixiao.Figure) int { return cmpFigureNum(f, r.w) }

// Explain returns the row's trace: the arithmetic with its figures, the
// rule and any note. The arithmetic is formatted here, not while scoring,
// so that scoring thousands of documents formats nothing nobody reads.
func (r *Row) Explain() Trace {
	return Trace{Formula: r.formula(), Rule: r.rule(), Note: r.note}
}

// Group is a subtotal of rows sharing a 一级 (Level2 == "") or a 一级/二级.
type Group struct {
	Level1, Level2 string
	Weight         decimal.Decimal
	Score          decimal.Decimal // computed
	Stated         decimal.Decimal // Σ stated scores
	Rows           int
}
