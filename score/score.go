package score

import (
	"fmt"
	"strings"

	"jixiao/internal/cjk"

	"github.com/shopspring/decimal"

	"jixiao"
)

var (
	one = decimal.NewFromInt(1)
	two = decimal.NewFromInt(2)
)

// Score recomputes every score of ev under rs.
func Score(ev *jixiao.Evaluation, rs *jixiao.RuleSet) *Result {
	r := &Result{Rules: rs.Name, StatedTotal: ev.StatedTotal, StatedGrade: ev.StatedGrade}
	r.Execution = execution(&ev.Budget, rs)
	r.Complete = r.Execution.ScoreKnown && r.Execution.RateFrom == "computed"
	total, weights := r.Execution.Score, r.Execution.Weight
	r.Rows = make([]Row, len(ev.Indicators))
	for i := range ev.Indicators {
		row := &r.Rows[i]
		row.Index = i
		indicator(row, &ev.Indicators[i], rs)
		total, weights = total.Add(row.Score), weights.Add(row.Weight)
		if !row.Computed {
			r.Complete = false
		}
	}
	r.Groups = groups(r.Rows, ev.Indicators)
	r.WeightSum = weights
	r.Total = rs.Rounding.Score(total)
	r.Grade = rs.GradeOf(r.Total)
	return r
}

func execution(b *jixiao.Budget, rs *jixiao.RuleSet) Execution {
	ro, limit := rs.Rounding, rs.Execution.Cap
	e := Execution{
		Weight: rs.Execution.Weight, Denominator: rs.Execution.Denominator,
		A: b.FullYear, B: b.Executed, StatedRate: b.Rate, StatedScore: b.Score,
	}
	if rs.Execution.Denominator == jixiao.DenomInitial {
		e.A = b.Initial
	}
	var note string
	switch {
	case !e.A.Valid:
		note = e.Denominator + "未填或不是数字，执行率无法计算"
	case e.A.Value.Sign() <= 0:
		note = e.Denominator + "为 " + e.A.Text + "，执行率无定义（—）"
	case e.B.Valid:
		e.Rate, e.RateKnown, e.RateFrom = e.B.Value.Div(e.A.Value), true, "computed"
	}
	if !e.RateKnown && b.Rate.Valid {
		e.Rate, e.RateKnown, e.RateFrom = b.Rate.Fraction(), true, "stated"
		n := "全年执行数未填，按表列执行率 " + b.Rate.Text + " 计分"
		if note != "" {
			n = note + "；" + n
		}
		note = n
	}
	atCap := false
	switch {
	case !e.RateKnown:
		if note == "" {
			note = "全年执行数与执行率均未填，执行率无法计算"
		}
	case e.Rate.Sign() <= 0:
		e.ScoreKnown, e.Score = true, decimal.Zero
	case e.RateFrom == "computed" && e.B.Value.Cmp(e.A.Value.Mul(limit)) >= 0,
		e.RateFrom == "stated" && e.Rate.Cmp(limit) >= 0:
		e.ScoreKnown, atCap = true, true
		e.Score = ro.Score(e.Weight.Mul(limit))
	case e.RateFrom == "computed":
		// w × B / A rounded once, from the exact quotient, not the 16-place rate
		e.ScoreKnown, e.Score = true, ro.Mode.MulDiv(e.Weight, e.B.Value, e.A.Value, ro.ScorePlaces)
	default:
		e.ScoreKnown, e.Score = true, ro.Score(e.Weight.Mul(e.Rate))
	}
	e.Trace = executionTrace(&e, rs, atCap, note)
	return e
}

// executionTrace writes out how the execution item was scored.
func executionTrace(e *Execution, rs *jixiao.RuleSet, atCap bool, note string) Trace {
	ro, limit := rs.Rounding, rs.Execution.Cap
	t := Trace{
		Rule: fmt.Sprintf("执行率 = 全年执行数 / %s；得分 = %s × min(执行率, %s%%)（%s）",
			e.Denominator, e.Weight, ro.Percent(limit).String(), rs.Name),
		Note: note,
	}
	var parts []string
	if e.RateFrom == "computed" {
		parts = append(parts, fmt.Sprintf("%s / %s = %s%%", e.B.Text, e.A.Text, ro.Percent(e.Rate).StringFixed(ro.PercentPlaces)))
	}
	if e.ScoreKnown {
		capped := e.Rate
		switch {
		case atCap:
			capped = limit
		case capped.Sign() < 0:
			capped = decimal.Zero
		}
		parts = append(parts, fmt.Sprintf("%s × %s%% = %s", e.Weight, ro.Percent(capped).StringFixed(ro.PercentPlaces), e.Score.StringFixed(ro.ScorePlaces)))
	}
	t.Formula = strings.Join(parts, "；")
	return t
}

// scoring is what one row's scoring found, beyond the row itself: how its
// arithmetic is written out in its trace.
type scoring struct {
	fx    formulaKind
	ratio bool             // reverse rows: scored by the ratio formula, not linear-2t
	qual  bool             // scored as qualitative (even if it fell back to the stated score)
	tier  *jixiao.QualTier // the qualitative tier reached, when known
	note  string           // why a row fell back
}

// indicator scores one row.
func indicator(row *Row, in *jixiao.Indicator, rs *jixiao.RuleSet) {
	var sc scoring
	switch {
	case !in.Weight.Valid || in.Weight.Value.Sign() < 0:
		row.Method = MethodStated
		sc.note = "分值未填或不是数字，本行不计分"
	case in.EffectiveType() == jixiao.Qualitative || (in.Target.Type == jixiao.Qualitative && in.Actual.Type != jixiao.Quantitative):
		row.Weight = in.Weight.Value
		qualitative(row, &sc, in, rs)
	default:
		row.Weight = in.Weight.Value
		quantitative(row, &sc, in, rs)
	}
	if row.Computed {
		row.Score = rs.Rounding.Score(row.Score)
	}
	row.Trace = Trace{Formula: formula(row, &sc, in, rs.Rounding.ScorePlaces), Rule: rule(row.Method, &sc), Note: sc.note}
}

// keepStated falls back to the stated score when a row cannot be computed.
func keepStated(row *Row, sc *scoring, in *jixiao.Indicator, note string) {
	row.Method, row.Computed = MethodStated, false
	sc.note = note
	row.Score = decimal.Zero
	if in.Score.Valid {
		row.Score = decimal.Min(in.Score.Value, row.Weight)
		sc.note += "，沿用表列得分 " + in.Score.Text
	}
}

// actual returns the actual value on the scoring formulas' scale, a
// negative one counting as 0.
func actual(in *jixiao.Indicator) decimal.Decimal {
	return decimal.Max(in.Actual.Quantity(), decimal.Zero)
}

// quantitative scores a 定量 row.
func quantitative(row *Row, sc *scoring, in *jixiao.Indicator, rs *jixiao.RuleSet) {
	t, a := &in.Target, &in.Actual
	switch {
	case !t.Stated():
		keepStated(row, sc, in, "年度指标值未填")
		return
	case t.Type != jixiao.Quantitative:
		keepStated(row, sc, in, fmt.Sprintf("年度指标值 %q 不是数值", t.Raw))
		return
	case !a.Stated():
		keepStated(row, sc, in, "实际完成值未填")
		return
	case a.Type != jixiao.Quantitative:
		keepStated(row, sc, in, fmt.Sprintf("实际完成值 %q 不是数值，无法与目标 %s 比较", a.Raw, t.Text()))
		return
	case t.Percent != a.Percent || (!t.Percent && t.Unit != "" && a.Unit != "" && t.Unit != a.Unit):
		keepStated(row, sc, in, fmt.Sprintf("目标 %s 与实际 %s 单位不一致", t.Text(), a.Text()))
		return
	}
	w, tv, av := row.Weight, t.Quantity(), actual(in)
	op := t.Op
	if op == jixiao.OpNone {
		var why string
		if op, why = bareDirection(in, rs); why != "" {
			sc.note = why
		}
	}
	row.Computed = true
	met := false
	switch {
	case op == jixiao.OpEQ && tv.Sign() == 0:
		row.Method = MethodEqualZero
		met = av.Sign() <= 0
		row.Score = w
		if !met && rs.EqualZero.FullWhenActualAtMostZero {
			row.Score = decimal.Zero
		}
		sc.fx = fxEqualZero
	case op.Reverse():
		row.Method = MethodReverse
		met = av.Cmp(tv) <= 0
		reverse(row, sc, tv, av, met, rs)
	default:
		row.Method = MethodPositive
		met = av.Cmp(tv) >= 0
		switch {
		case met:
			row.Score, sc.fx = w, fxMet
		case tv.Sign() <= 0:
			row.Score, sc.fx = w, fxZeroTarget
		default:
			row.Score, sc.fx = rs.Rounding.Mode.MulDiv(w, av, tv, rs.Rounding.ScorePlaces), fxProportional
		}
		if tv.Sign() > 0 && rs.OverAchieve.Sign() > 0 && av.Cmp(tv) > 0 && av.Cmp(tv.Mul(rs.OverAchieve)) >= 0 {
			row.Over, row.OverRatio = true, a.Quantity().Div(tv)
		}
	}
	row.Met = &met
	row.Score = decimal.Min(row.Score, w)
}

// reverse scores a reverse row (≤, <).
func reverse(row *Row, sc *scoring, tv, av decimal.Decimal, met bool, rs *jixiao.RuleSet) {
	ro := rs.Rounding
	sc.ratio = rs.Reverse == jixiao.ReverseRatio
	twoT := tv.Mul(two)
	switch {
	case met:
		row.Score, sc.fx = row.Weight, fxReverseMet
	case tv.Sign() <= 0:
		row.Score, sc.fx = decimal.Zero, fxReverseZero
	case sc.ratio:
		row.Score, sc.fx = ro.Mode.MulDiv(row.Weight, tv, av, ro.ScorePlaces), fxRatio
	case av.Cmp(twoT) >= 0:
		row.Score, sc.fx = decimal.Zero, fxTwice
	default:
		// w × (1 − (a − t)/t) = w × (2t − a) / t, divided once
		row.Score, sc.fx = ro.Mode.MulDiv(row.Weight, twoT.Sub(av), tv, ro.ScorePlaces), fxLinear
	}
}

// qualitative scores a 定性 row: the evaluator's score, held inside the
// tier the actual value's keywords place it in.
func qualitative(row *Row, sc *scoring, in *jixiao.Indicator, rs *jixiao.RuleSet) {
	row.Method, sc.qual = MethodQualitative, true
	w := row.Weight
	ti := rs.TierOf(cjk.Fold(in.Actual.Raw))
	row.Computed = true
	if ti < 0 {
		if !in.Score.Valid {
			keepStated(row, sc, in, fmt.Sprintf("实际完成值 %q 无法判断档次，且得分未填", in.Actual.Raw))
			return
		}
		row.Score = decimal.Min(decimal.Max(in.Score.Value, decimal.Zero), w)
		sc.note = fmt.Sprintf("实际完成值 %q 无法判断档次，沿用评价人得分", in.Actual.Raw)
		sc.fx = fxEvaluator
		return
	}
	tier := &rs.Qualitative[ti]
	sc.tier, sc.fx = tier, fxTier
	lo, hi := w.Mul(tier.Min), w.Mul(tier.Max)
	row.Tier, row.TierLow, row.TierHigh = tier.Name, lo, hi
	full := tier.Max.Equal(one) // reaching the top of the full tier meets the target
	row.Met = &full
	switch {
	case !in.Score.Valid:
		row.Score = hi
		sc.note = "得分未填，按该档上限计"
	case in.Score.Value.Cmp(lo) < 0:
		row.Score = lo
		sc.note = "表列得分 " + in.Score.Text + " 低于该档下限，按下限计"
	case in.Score.Value.Cmp(hi) > 0 || (!tier.MaxInclusive && in.Score.Value.Equal(hi)):
		row.Score = hi
		if !tier.MaxInclusive {
			// the top of a half-open tier is not reachable: take the last point below it
			row.Score = hi.Sub(decimal.New(1, -rs.Rounding.ScorePlaces))
		}
		sc.note = "表列得分 " + in.Score.Text + " 高于该档上限，按该档最高分计"
	default:
		row.Score = in.Score.Value
	}
}

// groups sums the rows per 一级, then per 一级/二级, each group in the order
// its first row appears.
func groups(rows []Row, inds []jixiao.Indicator) []Group {
	var out []Group
	add := func(l1, l2 string, r *Row) {
		i := 0
		for i < len(out) && (out[i].Level1 != l1 || out[i].Level2 != l2) {
			i++
		}
		if i == len(out) {
			out = append(out, Group{Level1: l1, Level2: l2})
		}
		g := &out[i]
		g.Weight, g.Score = g.Weight.Add(r.Weight), g.Score.Add(r.Score)
		if st := &inds[r.Index].Score; st.Valid {
			g.Stated = g.Stated.Add(st.Value)
		}
		g.Rows++
	}
	for i := range rows {
		add(inds[rows[i].Index].Level1, "", &rows[i])
	}
	for i := range rows {
		if in := &inds[rows[i].Index]; in.Level2 != "" {
			add(in.Level1, in.Level2, &rows[i])
		}
	}
	return out
}
