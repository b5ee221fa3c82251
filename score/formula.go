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

// formula holds what a row's arithmetic needs to be written out.
type formula struct {
	kind   formulaKind
	t, a   string          // target and actual as written
	w, v   decimal.Decimal // weight and the result
	x, y   num             // w × x / y, for the proportional formulas
	tier   string
	lo, hi decimal.Decimal
	closed bool
	places int32
}

// String writes the arithmetic with its figures.
func (f formula) String() string {
	switch f.kind {
	case fxMet:
		return fmt.Sprintf("实际 %s ≥ 目标 %s，得满分 %s", f.a, f.t, f.w)
	case fxZeroTarget:
		return fmt.Sprintf("目标 %s 不大于 0，得满分 %s", f.t, f.w)
	case fxProportional:
		return fmt.Sprintf("%s × %s / %s = %s", f.w, f.a, f.t, f.quotient())
	case fxEqualZero:
		return fmt.Sprintf("实际 %s，得 %s", f.a, f.v)
	case fxReverseMet:
		return fmt.Sprintf("实际 %s ≤ 目标 %s，得满分 %s", f.a, f.t, f.w)
	case fxReverseZero:
		return fmt.Sprintf("目标 %s，实际 %s 超出，得 0", f.t, f.a)
	case fxRatio:
		return fmt.Sprintf("%s × %s / %s = %s", f.w, f.t, f.a, f.quotient())
	case fxTwice:
		return fmt.Sprintf("实际 %s ≥ 2 × 目标 %s，得 0", f.a, f.t)
	case fxLinear:
		return fmt.Sprintf("%s × (1 − (%s − %s) / %s) = %s", f.w, f.a, f.t, f.t, f.quotient())
	case fxEvaluator:
		return fmt.Sprintf("得分 %s（0 ~ %s）", f.v, f.w)
	case fxTier:
		end := ")"
		if f.closed {
			end = "]"
		}
		return fmt.Sprintf("实际 %q 属“%s”档，区间 [%s, %s%s，得 %s", f.a, f.tier, f.lo.StringFixed(2), f.hi.StringFixed(2), end, f.v.StringFixed(f.places))
	}
	return ""
}

// quotient is w × x / y to four places, for reading.
func (f formula) quotient() string {
	return f.w.Mul(f.x.dec()).DivRound(f.y.dec(), 4).StringFixed(4)
}
