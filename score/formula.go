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

// formula holds what a row's arithmetic needs to be written out, beyond
// the row's own fields (weight, score, tier, the indicator's target and
// actual as written).
type formula struct {
	kind   formulaKind
	places int32 // score decimals
	x, y   num   // w × x / y, for the proportional formulas
}

// text writes the arithmetic of row r with its figures.
func (f *formula) text(r *Row) string {
	if f.kind == fxNone {
		return ""
	}
	w, v := jixiao.FormatDecimal(r.Weight()), jixiao.FormatDecimal(r.Score())
	t, a := r.in.Target.Raw, r.in.Actual.Raw
	switch f.kind {
	case fxMet:
		return "实际 " + a + " ≥ 目标 " + t + "，得满分 " + w
	case fxZeroTarget:
		return "目标 " + t + " 不大于 0，得满分 " + w
	case fxProportional:
		return w + " × " + a + " / " + t + " = " + f.quotient(r.w)
	case fxEqualZero:
		return "实际 " + a + "，得 " + v
	case fxReverseMet:
		return "实际 " + a + " ≤ 目标 " + t + "，得满分 " + w
	case fxReverseZero:
		return "目标 " + t + "，实际 " + a + " 超出，得 0"
	case fxRatio:
		return w + " × " + t + " / " + a + " = " + f.quotient(r.w)
	case fxTwice:
		return "实际 " + a + " ≥ 2 × 目标 " + t + "，得 0"
	case fxLinear:
		return w + " × (1 − (" + a + " − " + t + ") / " + t + ") = " + f.quotient(r.w)
	case fxEvaluator:
		return "得分 " + v + "（0 ~ " + w + "）"
	case fxTier:
		end := ")"
		if r.tier.MaxInclusive {
			end = "]"
		}
		lo, hi := r.TierRange()
		return "实际 " + strconv.Quote(a) + " 属“" + r.Tier() + "”档，区间 [" + jixiao.FormatFixed(lo, 2) + ", " + jixiao.FormatFixed(hi, 2) + end + "，得 " + jixiao.FormatFixed(r.Score(), f.places)
	}
	return ""
}

// quotient is w × x / y to four places, for reading.
func (f *formula) quotient(w num) string {
	if w.fixed() && f.x.fixed() && f.y.fixed() {
		if q, ok := jixiao.HalfUp.MulDivFixed(w.f, f.x.f, f.y.f, 4); ok {
			return jixiao.FormatFixed(jixiao.DecimalOfFixed(q), 4)
		}
	}
	return w.dec().Mul(f.x.dec()).DivRound(f.y.dec(), 4).StringFixed(4)
}
