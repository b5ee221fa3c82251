package jixiao

import (
	"cmp"

	"github.com/shopspring/decimal"
)

// FixedScale is the scale of the fixed-point form the scoring hot paths
// use: a value as an integer count of 10^-8. Every figure a table states
// (amounts to 2 decimals, percentages to 2–4, scores to 2) has an exact
// fixed-point form; one that has not (more decimals, or beyond ±9×10^10)
// takes the decimal path instead.
const FixedScale = sumScale

// FixedOf returns d in units of 10^-8 when that is exact and fits an int64.
func FixedOf(d decimal.Decimal) (int64, bool) { return scaled(d) }

// DecimalOfFixed returns the decimal of a fixed-point value.
func DecimalOfFixed(v int64) decimal.Decimal { return NewDecimal(v, -sumScale) }

// Fixed returns the figure's value in units of 10^-8, when it has one that
// fits; ok is false for an invalid figure too.
func (f *Figure) Fixed() (v int64, ok bool) {
	if !f.Valid {
		return 0, false
	}
	return scaled(f.Value)
}

// QuantityFixed returns Quantity() in units of 10^-8, when it fits.
func (v *Value) QuantityFixed() (int64, bool) {
	if v.Type != Quantitative {
		return 0, false
	}
	return scaled(v.Quantity())
}

// Equal reports whether two figures state the same thing; it leaves out
// the cached fixed-point form, which only depends on Value.
func (f Figure) Equal(g Figure) bool {
	return f.Text == g.Text && f.Value.Equal(g.Value) && f.Percent == g.Percent && f.Unit == g.Unit && f.Valid == g.Valid
}

// Equal reports whether two values state the same thing (see Figure.Equal).
func (v Value) Equal(w Value) bool {
	return v.Raw == w.Raw && v.Type == w.Type && v.Op == w.Op && v.Number.Equal(w.Number) && v.Percent == w.Percent && v.Unit == w.Unit
}

// AddFixed adds a value in units of 10^-8.
func (s *Sum) AddFixed(v int64) {
	if !s.big {
		if (v > 0 && s.fast <= maxInt64-v) || (v <= 0 && s.fast >= minInt64-v) {
			s.fast += v
			return
		}
		s.leave()
	}
	s.slow = s.slow.Add(NewDecimal(v, -sumScale))
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

// AddFigure adds a valid figure's value, through its cached fixed-point
// form when it has one.
func (s *Sum) AddFigure(f *Figure) {
	if v, ok := f.Fixed(); ok {
		s.AddFixed(v)
		return
	}
	s.Add(f.Value)
}

// CmpFigure compares a valid figure's value with d, like Cmp.
func CmpFigure(f *Figure, d decimal.Decimal) int {
	if x, ok := f.Fixed(); ok {
		if y, ok := scaled(d); ok {
			return cmp.Compare(x, y)
		}
	}
	return f.Value.Cmp(d)
}

// CmpFigures compares two valid figures' values, like Cmp, on their cached
// fixed-point forms when both have one.
func CmpFigures(f, g *Figure) int {
	if x, ok := f.Fixed(); ok {
		if y, ok := g.Fixed(); ok {
			return cmp.Compare(x, y)
		}
	}
	return f.Value.Cmp(g.Value)
}
