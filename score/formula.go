package score

import (
	"strconv"

	"jixiao"
)

// formulaKind is which arithmetic a row's trace writes out.
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

// rule returns the rule that scored a row.
func rule(m Method, sc *scoring) string {
	switch m {
	case MethodPositive:
		return "正向指标：实际 ≥ 目标得满分，否则 分值 × 实际 / 目标"
	case MethodEqualZero:
		return "目标为 0 的等于型指标：实际 ≤ 0 得满分，否则 0 分"
	case MethodReverse:
		if sc.ratio {
			return "反向指标（ratio）：实际 ≤ 目标得满分，否则 分值 × 目标 / 实际"
		}
		return "反向指标（linear-2t）：实际 ≤ 目标得满分；目标 < 实际 < 2×目标 得 分值 × (1 − (实际 − 目标) / 目标)；实际 ≥ 2×目标 得 0"
	case MethodQualitative, MethodStated:
		if !sc.qual {
			return ""
		}
		return "定性指标：按实际完成情况定档，得分须在该档区间内（评价人打分）"
	}
	return ""
}

// formula writes a row's arithmetic with its figures.
func formula(r *Row, sc *scoring, in *jixiao.Indicator, places int32) string {
	if sc.fx == fxNone {
		return ""
	}
	w, v := r.Weight.String(), r.Score.String()
	t, a := in.Target.Text(), in.Actual.Text()
	switch sc.fx {
	case fxMet:
		return "实际 " + a + " ≥ 目标 " + t + "，得满分 " + w
	case fxZeroTarget:
		return "目标 " + t + " 不大于 0，得满分 " + w
	case fxProportional:
		return w + " × " + a + " / " + t + " = " + quotient(r, sc.fx, in)
	case fxEqualZero:
		return "实际 " + a + "，得 " + v
	case fxReverseMet:
		return "实际 " + a + " ≤ 目标 " + t + "，得满分 " + w
	case fxReverseZero:
		return "目标 " + t + "，实际 " + a + " 超出，得 0"
	case fxRatio:
		return w + " × " + t + " / " + a + " = " + quotient(r, sc.fx, in)
	case fxTwice:
		return "实际 " + a + " ≥ 2 × 目标 " + t + "，得 0"
	case fxLinear:
		return w + " × (1 − (" + a + " − " + t + ") / " + t + ") = " + quotient(r, sc.fx, in)
	case fxEvaluator:
		return "得分 " + v + "（0 ~ " + w + "）"
	case fxTier:
		end := ")"
		if sc.tier.MaxInclusive {
			end = "]"
		}
		return "实际 " + strconv.Quote(a) + " 属“" + r.Tier + "”档，区间 [" + r.TierLow.StringFixed(2) + ", " + r.TierHigh.StringFixed(2) + end + "，得 " + r.Score.StringFixed(places)
	}
	return ""
}

// quotient is w × x / y to four places, for reading: the unrounded score
// of the proportional formulas, from the indicator's target and actual.
func quotient(r *Row, fx formulaKind, in *jixiao.Indicator) string {
	tv, av := in.Target.Quantity(), actual(in)
	x, y := av, tv
	switch fx {
	case fxRatio:
		x, y = tv, av
	case fxLinear:
		x = tv.Mul(two).Sub(av)
	}
	return jixiao.HalfUp.MulDiv(r.Weight, x, y, 4).StringFixed(4)
}
