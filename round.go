package jixiao

import "github.com/shopspring/decimal"

// RoundMode names a rounding rule.
type RoundMode string

// Rounding modes. HalfUp rounds half away from zero (四舍五入), what the
// production systems do; one system truncates.
const (
	HalfUp   RoundMode = "half-up"
	HalfEven RoundMode = "half-even"
	Truncate RoundMode = "truncate"
)

func (m RoundMode) valid() (RoundMode, error) {
	switch m {
	case HalfUp, HalfEven, Truncate:
		return m, nil
	}
	return m, Errorf(EInvalid, "未知的舍入方式 %q（可选 half-up、half-even、truncate）", m)
}

// Round rounds d to places decimals under mode.
func (m RoundMode) Round(d decimal.Decimal, places int32) decimal.Decimal {
	if d.Exponent() >= -places {
		return d // already exact at this precision: nothing to round
	}
	if r, ok := m.roundSmall(d, places); ok {
		return r
	}
	switch m {
	case HalfEven:
		return d.RoundBank(places)
	case Truncate:
		return d.Truncate(places)
	}
	return d.Round(places)
}

// Amount rounds a 万元 amount for display.
func (r Rounding) Amount(d decimal.Decimal) decimal.Decimal { return r.Mode.Round(d, r.AmountPlaces) }

// Score rounds a score for display.
func (r Rounding) Score(d decimal.Decimal) decimal.Decimal { return r.Mode.Round(d, r.ScorePlaces) }

// Rate rounds a fraction to its stored precision (4 places: 0.6123).
func (r Rounding) Rate(d decimal.Decimal) decimal.Decimal { return r.Mode.Round(d, r.RatePlaces) }

// Percent rounds a fraction to a displayed percentage number (61.23).
func (r Rounding) Percent(fraction decimal.Decimal) decimal.Decimal {
	return r.Mode.Round(Shift(fraction, 2), r.PercentPlaces)
}

// roundSmall is Round on an int64 coefficient, without the big.Int
// arithmetic: nearly every figure a table holds has fewer than 19 digits.
func (m RoundMode) roundSmall(d decimal.Decimal, places int32) (decimal.Decimal, bool) {
	k := -places - d.Exponent() // digits to drop, > 0
	if d.NumDigits() > 18 || k > 18 {
		return decimal.Decimal{}, false
	}
	c := d.CoefficientInt64()
	p := pow10x[k]
	q, r := c/p, c%p // truncated toward zero
	if r < 0 {
		r = -r
	}
	up := false
	switch m {
	case HalfUp:
		up = 2*r >= p
	case HalfEven:
		up = 2*r > p || (2*r == p && q%2 != 0)
	}
	if up {
		if c < 0 {
			q--
		} else {
			q++
		}
	}
	return NewDecimal(q, -places), true
}
