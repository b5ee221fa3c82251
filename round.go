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
	return r.Mode.Round(fraction.Shift(2), r.PercentPlaces)
}
