package score

import (
	"fmt"

	"github.com/shopspring/decimal"
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
// the row's own fields (weight, score, tier).
type formula struct {
	kind   formulaKind
	closed bool   // the tier's upper bound is reachable
	places int32  // score decimals
	t, a   string // target and actual as written
	x, y   num    // w × x / y, for the proportional formulas
}

// text writes the arithmetic of row r with its figures.
func (f *formula) text(r *Row) string {
	w, v := r.Weight, r.Score
	switch f.kind {
	case fxMet:
		return fmt.Sprintf("实际 %s ≥ 目标 %s，得满分 %s", f.a, f.t, w)
	case fxZeroTarget:
		return fmt.Sprintf("目标 %s 不大于 0，得满分 %s", f.t, w)
	case fxProportional:
		return fmt.Sprintf("%s × %s / %s = %s", w, f.a, f.t, f.quotient(w))
	case fxEqualZero:
		return fmt.Sprintf("实际 %s，得 %s", f.a, v)
	case fxReverseMet:
		return fmt.Sprintf("实际 %s ≤ 目标 %s，得满分 %s", f.a, f.t, w)
	case fxReverseZero:
		return fmt.Sprintf("目标 %s，实际 %s 超出，得 0", f.t, f.a)
	case fxRatio:
		return fmt.Sprintf("%s × %s / %s = %s", w, f.t, f.a, f.quotient(w))
	case fxTwice:
		return fmt.Sprintf("实际 %s ≥ 2 × 目标 %s，得 0", f.a, f.t)
	case fxLinear:
		return fmt.Sprintf("%s × (1 − (%s − %s) / %s) = %s", w, f.a, f.t, f.t, f.quotient(w))
	case fxEvaluator:
		return fmt.Sprintf("得分 %s（0 ~ %s）", v, w)
	case fxTier:
		end := ")"
		if f.closed {
			end = "]"
		}
		return fmt.Sprintf("实际 %q 属“%s”档，区间 [%s, %s%s，得 %s", f.a, r.Tier, r.TierMin.StringFixed(2), r.TierMax.StringFixed(2), end, v.StringFixed(f.places))
	}
	return ""
}

// quotient is w × x / y to four places, for reading.
func (f *formula) quotient(w decimal.Decimal) string {
	return w.Mul(f.x.dec()).DivRound(f.y.dec(), 4).StringFixed(4)
}
