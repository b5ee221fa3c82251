package score

import (
	"fmt"

	"github.com/shopspring/decimal"

	"jixiao"
)

// metYes and metNo are what Row.Met points to: one pair for all rows
// rather than an allocation per row.
var metYes, metNo = true, false

func metOf(met bool) *bool {
	if met {
		return &metYes
	}
	return &metNo
}

var (
	one = decimal.NewFromInt(1)
	two = decimal.NewFromInt(2)
)

// Score recomputes every score of ev under rs.
func Score(ev *jixiao.Evaluation, rs *jixiao.RuleSet) *Result {
	r := &Result{Rules: rs.Name, StatedTotal: ev.StatedTotal, StatedGrade: ev.StatedGrade, Complete: true}
	r.Execution = execution(&ev.Budget, rs)
	r.Complete = r.Execution.ScoreKnown && r.Execution.RateFrom == "computed"
	var total, weights jixiao.Sum
	total.Add(r.Execution.Score)
	weights.Add(r.Execution.Weight)
	r.Rows = make([]Row, len(ev.Indicators))
	sc := newScorer(rs)
	for i := range ev.Indicators {
		row := &r.Rows[i]
		indicator(row, &ev.Indicators[i], &sc)
		row.Index = i
		addNum(&total, row.s)
		addNum(&weights, row.w)
		if !row.Computed {
			r.Complete = false
		}
	}
	r.inds = ev.Indicators
	r.WeightSum = weights.Decimal()
	r.Total = rs.Rounding.Score(total.Decimal())
	r.Grade = rs.GradeOf(r.Total)
	return r
}

func execution(b *jixiao.Budget, rs *jixiao.RuleSet) Execution {
	ro := rs.Rounding
	e := Execution{
		Weight: rs.Execution.Weight, Denominator: rs.Execution.Denominator,
		A: b.FullYear, B: b.Executed, StatedRate: b.Rate, StatedScore: b.Score,
		rules: rs.Name, rounding: ro, cap: rs.Execution.Cap,
	}
	if rs.Execution.Denominator == jixiao.DenomInitial {
		e.A = b.Initial
	}
	switch {
	case !e.A.Valid:
		e.note = e.Denominator + "未填或不是数字，执行率无法计算"
	case e.A.Value.Sign() <= 0:
		e.note = e.Denominator + "为 " + e.A.Text + "，执行率无定义（—）"
	case e.B.Valid:
		e.Rate, e.RateKnown, e.RateFrom = quo16(figNum(&e.B), figNum(&e.A)), true, "computed"
	}
	if !e.RateKnown && b.Rate.Valid {
		e.Rate, e.RateKnown, e.RateFrom = b.Rate.Fraction(), true, "stated"
		note := "全年执行数未填，按表列执行率 " + b.Rate.Text + " 计分"
		if e.note != "" {
			note = e.note + "；" + note
		}
		e.note = note
	}
	if !e.RateKnown {
		if e.note == "" {
			e.note = "全年执行数与执行率均未填，执行率无法计算"
		}
		return e
	}
	e.ScoreKnown = true
	switch {
	case e.Rate.Sign() <= 0:
		e.Score = decimal.Zero
	case e.RateFrom == "computed" && atLeastTimes(figNum(&e.B), figNum(&e.A), numOf(e.cap)),
		e.RateFrom == "stated" && jixiao.Cmp(e.Rate, e.cap) >= 0:
		e.atCap = true
		e.Score = ro.Score(jixiao.MulExact(e.Weight, e.cap))
	case e.RateFrom == "computed":
		// w × B / A rounded once, from the exact quotient, not the 16-place rate
		e.Score = ro.Mode.MulDiv(e.Weight, e.B.Value, e.A.Value, ro.ScorePlaces)
	default:
		e.Score = ro.Score(jixiao.MulExact(e.Weight, e.Rate))
	}
	return e
}

// scorer is a rule set with what every row reads of it in fixed point,
// converted once per evaluation rather than once per row.
type scorer struct {
	*jixiao.RuleSet
	over  num         // OverAchieve
	tiers [4]tierFrac // the first qualitative tiers' bounds, converted on first use
}

// tierFrac is a qualitative tier's bounds as fractions of the weight.
type tierFrac struct {
	lo, hi num
	full   bool // the tier's top is the full weight: reaching it meets the target
	done   bool
}

func newScorer(rs *jixiao.RuleSet) scorer {
	return scorer{RuleSet: rs, over: numOf(rs.OverAchieve)}
}

// tier returns tier i's bounds.
func (sc *scorer) tier(i int) tierFrac {
	if i < len(sc.tiers) && sc.tiers[i].done {
		return sc.tiers[i]
	}
	t := &sc.Qualitative[i]
	f := tierFrac{lo: numOf(t.Min), hi: numOf(t.Max), full: jixiao.Cmp(t.Max, one) == 0, done: true}
	if i < len(sc.tiers) {
		sc.tiers[i] = f
	}
	return f
}

// indicator scores one row in place (rows are large: no copies).
func indicator(row *Row, in *jixiao.Indicator, sc *scorer) {
	row.in = in
	if !in.Weight.Valid || in.Weight.Value.Sign() < 0 {
		row.Method = MethodStated
		row.note = "分值未填或不是数字，本行不计分"
		return
	}
	row.w = figNum(&in.Weight)
	if in.EffectiveType() == jixiao.Qualitative || (in.Target.Type == jixiao.Qualitative && in.Actual.Type != jixiao.Quantitative) {
		qualitative(row, in, sc)
	} else {
		quantitative(row, in, sc)
	}
	if row.Computed {
		row.s = roundScore(sc.Rounding, row.s)
	}
	row.places = sc.Rounding.ScorePlaces
}

// keepStated falls back to the stated score when a row cannot be computed.
func keepStated(row *Row, in *jixiao.Indicator, note string) {
	row.Method, row.Computed = MethodStated, false
	row.note = note
	row.s = numZero
	if in.Score.Valid {
		row.s = figNum(&in.Score)
		if cmpNum(row.s, row.w) > 0 {
			row.s = row.w
		}
		row.note += "，沿用表列得分 " + in.Score.Text
	}
}

// quantitative scores a 定量 row into row.s.
func quantitative(row *Row, in *jixiao.Indicator, sc *scorer) {
	t, a := &in.Target, &in.Actual
	switch {
	case !t.Stated():
		keepStated(row, in, "年度指标值未填")
		return
	case t.Type != jixiao.Quantitative:
		keepStated(row, in, fmt.Sprintf("年度指标值 %q 不是数值", t.Raw))
		return
	case !a.Stated():
		keepStated(row, in, "实际完成值未填")
		return
	case a.Type != jixiao.Quantitative:
		keepStated(row, in, fmt.Sprintf("实际完成值 %q 不是数值，无法与目标 %s 比较", a.Raw, t.Raw))
		return
	case t.Percent != a.Percent || (!t.Percent && t.Unit != "" && a.Unit != "" && t.Unit != a.Unit):
		keepStated(row, in, fmt.Sprintf("目标 %s 与实际 %s 单位不一致", t.Raw, a.Raw))
		return
	}
	w, tv, av := row.w, qtyNum(t), qtyNum(a)
	if av.sign() < 0 {
		av = numZero
	}
	op := t.Op
	if op == jixiao.OpNone {
		op = sc.BareNumberAs
	}
	row.Computed = true
	met := false
	switch {
	case op == jixiao.OpEQ && tv.sign() == 0:
		row.Method = MethodEqualZero
		met = av.sign() <= 0
		row.s = w
		if !met && sc.EqualZero.FullWhenActualAtMostZero {
			row.s = numZero
		}
		row.fx = fxEqualZero
	case op.Reverse():
		row.Method = MethodReverse
		met = cmpNum(av, tv) <= 0
		reverse(row, tv, av, met, sc)
	default:
		row.Method = MethodPositive
		met = cmpNum(av, tv) >= 0
		switch {
		case met:
			row.s = w
			row.fx = fxMet
		case tv.sign() <= 0:
			row.s = w
			row.fx = fxZeroTarget
		default:
			row.s = mulDiv(sc.Rounding, w, av, tv)
			row.fx = fxProportional
		}
		row.Over = tv.sign() > 0 && sc.OverAchieve.Sign() > 0 && cmpNum(av, tv) > 0 && atLeastTimes(av, tv, sc.over)
	}
	row.Met = metOf(met)
	if cmpNum(row.s, w) > 0 {
		row.s = w
	}
}

// reverse scores a reverse row (≤, <) into row.s.
func reverse(row *Row, tv, av num, met bool, sc *scorer) {
	ro := sc.Rounding
	row.ratio = sc.Reverse == jixiao.ReverseRatio
	switch {
	case met:
		row.s, row.fx = row.w, fxReverseMet
		return
	case tv.sign() <= 0:
		row.s, row.fx = numZero, fxReverseZero
		return
	case row.ratio:
		row.s, row.fx = mulDiv(ro, row.w, tv, av), fxRatio
		return
	}
	twoT := twice(tv)
	if cmpNum(av, twoT) >= 0 {
		row.s, row.fx = numZero, fxTwice
		return
	}
	// w × (1 − (a − t)/t) = w × (2t − a) / t, divided once
	x := sub(twoT, av)
	row.s, row.fx = mulDiv(ro, row.w, x, tv), fxLinear
}

func qualitative(row *Row, in *jixiao.Indicator, sc *scorer) {
	row.Method, row.qual = MethodQualitative, true
	w := row.w
	ti := sc.TierOf(in.Actual.Raw)
	row.Computed = true
	if ti < 0 {
		if !in.Score.Valid {
			keepStated(row, in, fmt.Sprintf("实际完成值 %q 无法判断档次，且得分未填", in.Actual.Raw))
			return
		}
		row.s = figNum(&in.Score)
		switch {
		case row.s.sign() < 0:
			row.s = numZero
		case cmpNum(row.s, w) > 0:
			row.s = w
		}
		row.note = fmt.Sprintf("实际完成值 %q 无法判断档次，沿用评价人得分", in.Actual.Raw)
		row.fx = fxEvaluator
		return
	}
	tier := &sc.Qualitative[ti]
	row.tier = tier
	f := sc.tier(ti)
	lo, hi := mulExact(w, f.lo), mulExact(w, f.hi)
	row.Met = metOf(f.full)
	row.fx = fxTier
	switch {
	case !in.Score.Valid:
		row.s = hi
		row.note = "得分未填，按该档上限计"
	case cmpFigureNum(&in.Score, lo) < 0:
		row.s = lo
		row.note = "表列得分 " + in.Score.Text + " 低于该档下限，按下限计"
	case cmpFigureNum(&in.Score, hi) > 0 || (!tier.MaxInclusive && cmpFigureNum(&in.Score, hi) == 0):
		row.s = hi
		if !tier.MaxInclusive {
			// the top of a half-open tier is not reachable: take the last point below it
			row.s = sub(hi, numOf(decimal.New(1, -sc.Rounding.ScorePlaces)))
		}
		row.note = "表列得分 " + in.Score.Text + " 高于该档上限，按该档最高分计"
	default:
		row.s = figNum(&in.Score)
	}
}

func groups(rows []Row, inds []jixiao.Indicator) []Group {
	type acc struct {
		g                     Group
		weight, score, stated jixiao.Sum
	}
	var buf [12]acc
	accs := buf[:0]
	last := 0 // rows come grouped: try the last group first
	add := func(l1, l2 string, r *Row) {
		i := last
		if i >= len(accs) || accs[i].g.Level1 != l1 || accs[i].g.Level2 != l2 {
			i = 0
			for i < len(accs) && (accs[i].g.Level1 != l1 || accs[i].g.Level2 != l2) {
				i++
			}
		}
		last = i
		if i == len(accs) {
			accs = append(accs, acc{g: Group{Level1: l1, Level2: l2}})
		}
		a := &accs[i]
		addNum(&a.weight, r.w)
		addNum(&a.score, r.s)
		if st := &inds[r.Index].Score; st.Valid {
			addNum(&a.stated, figNum(st))
		}
		a.g.Rows++
	}
	for i := range rows {
		add(rows[i].in.Level1, "", &rows[i])
	}
	for i := range rows {
		if in := rows[i].in; in.Level2 != "" {
			add(in.Level1, in.Level2, &rows[i])
		}
	}
	out := make([]Group, len(accs))
	for i := range accs {
		a := &accs[i]
		out[i] = a.g
		out[i].Weight, out[i].Score, out[i].Stated = a.weight.Decimal(), a.score.Decimal(), a.stated.Decimal()
	}
	return out
}
