package score

import (
	"strconv"

	"jixiao"
)

type formulaKind uint8

const (
	fxNone formulaKind = iota
	fxMet
	fxZeroTarget
	fxProportional
	fxEqualZero
	fxReverseMet
	fxReverseZero
	fxRatio
	fxTwice
	fxLinear
	fxEvaluator
	fxTier
)

// rule returns the rule that scored the row.
func (r *Row) rule() string {
	switch r.Method {
	case MethodPositive:
		return "正向指标：实际 ≥ 目标得满分，否则 分值 × 实际 / 目标"
	case MethodEqualZero:
		return "目标为 0 的等于型指标：实际 ≤ 0 得满分，否则 0 分"
	case MethodReverse:
		if r.ratio {
			return "反向指标（ratio）：实际 ≤ 目标得满分，否则 分值 × 目标 / 实际"
		}
		return "反向指标（linear-2t）：实际 ≤ 目标得满分；目标 < 实际 < 2×目标 得 分值 × (1 − (实际 − 目标) / 目标)；实际 ≥ 2×目标 得 0"
	case MethodQualitative, MethodStated:
		if !r.qual {
			return ""
		}
		return "定性指标：按实际完成情况定档，得分须在该档区间内（评价人打分）"
	}
	return ""
}

// formula writes the row's arithmetic with its figures.
func (r *Row) formula() string {
	if r.fx == fxNone {
		return ""
	}
	w, v := jixiao.FormatDecimal(r.Weight()), jixiao.FormatDecimal(r.Score())
	t, a := r.in.Target.Raw, r.in.Actual.Raw
	switch r.fx {
	case fxMet:
		return "实际 " + a + " ≥ 目标 " + t + "，得满分 " + w
	case fxZeroTarget:
		return "目标 " + t + " 不大于 0，得满分 " + w
	case fxProportional:
		return w + " × " + a + " / " + t + " = " + r.quotient()
	case fxEqualZero:
		return "实际 " + a + "，得 " + v
	case fxReverseMet:
		return "实际 " + a + " ≤ 目标 " + t + "，得满分 " + w
	case fxReverseZero:
		return "目标 " + t + "，实际 " + a + " 超出，得 0"
	case fxRatio:
		return w + " × " + t + " / " + a + " = " + r.quotient()
	case fxTwice:
		return "实际 " + a + " ≥ 2 × 目标 " + t + "，得 0"
	case fxLinear:
		return w + " × (1 − (" + a + " − " + t + ") / " + t + ") = " + r.quotient()
	case fxEvaluator:
		return "得分 " + v + "（0 ~ " + w + "）"
	case fxTier:
		end := ")"
		if r.tier.MaxInclusive {
			end = "]"
		}
		lo, hi := r.TierRange()
		return "实际 " + strconv.Quote(a) + " 属“" + r.Tier() + "”档，区间 [" + jixiao.FormatFixed(lo, 2) + ", " + jixiao.FormatFixed(hi, 2) + end + "，得 " + jixiao.FormatFixed(r.Score(), r.places)
	}
	return ""
}

// quotient is w × x / y to four places, for reading: the unrounded score
// of the proportional formulas, from the indicator's target and actual.
func (r *Row) quotient() string {
	tv, av := qtyNum(&r.in.Target), qtyNum(&r.in.Actual)
	if av.sign() < 0 {
		av = numZero
	}
	x, y := av, tv
	switch r.fx {
	case fxRatio:
		x, y = tv, av
	case fxLinear:
		x = sub(twice(tv), av)
	}
	if r.w.fixed() && x.fixed() && y.fixed() {
		if q, ok := jixiao.HalfUp.MulDivFixed(r.w.f, x.f, y.f, 4); ok {
			return jixiao.FormatFixed(jixiao.DecimalOfFixed(q), 4)
		}
	}
	return r.w.dec().Mul(x.dec()).DivRound(y.dec(), 4).StringFixed(4)
}
