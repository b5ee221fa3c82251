package jixiao

import (
	"cmp"
	"math"

	"github.com/shopspring/decimal"
)

// sumScale is the fixed-point scale of Sum's fast path: 10^-8, finer than
// every precision the integrated system stores (amounts 2, rates 4,
// scores 6 decimals).
const sumScale = 8

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// pow10x extends pow10 to every power of ten an int64 holds.
var pow10x = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Sum adds decimals exactly. While every addend has at most 8 decimals and
// the total fits in an int64 at that scale, it adds integers; otherwise it
// falls back to decimal arithmetic. Either way the result is exact: this is
// an allocation-free path for the many small sums of scoring, not an
// approximation.
type Sum struct {
	fast int64
	slow decimal.Decimal
	big  bool // the fast path was left
}

// Add adds d.
func (s *Sum) Add(d decimal.Decimal) {
	if !s.big {
		if v, ok := scaled(d); ok {
			if (v > 0 && s.fast > math.MaxInt64-v) || (v < 0 && s.fast < math.MinInt64-v) {
				s.leave()
			} else {
				s.fast += v
				return
			}
		} else {
			s.leave()
		}
	}
	s.slow = s.slow.Add(d)
}

func (s *Sum) leave() {
	s.big = true
	s.slow = decimal.New(s.fast, -sumScale)
}

// Decimal returns the total.
func (s *Sum) Decimal() decimal.Decimal {
	if s.big {
		return s.slow
	}
	return NewDecimal(s.fast, -sumScale)
}

// scaled returns d × 10^8 as an int64 when that is exact and fits.
func scaled(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	if exp < -sumScale || exp > 0 || d.NumDigits() > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	m := pow10[int(exp)+sumScale]
	if c > math.MaxInt64/m || c < math.MinInt64/m {
		return 0, false
	}
	return c * m, true
}

// Cmp compares a and b like a.Cmp(b) but without allocating when both fit
// Sum's fixed-point path, which is nearly always for scores and amounts.
func Cmp(a, b decimal.Decimal) int {
	if x, ok := scaled(a); ok {
		if y, ok := scaled(b); ok {
			return cmp.Compare(x, y)
		}
	}
	return a.Cmp(b)
}

// MulExact returns a × b, without allocating more than the result when both
// have small coefficients.
func MulExact(a, b decimal.Decimal) decimal.Decimal {
	if a.NumDigits() <= 9 && b.NumDigits() <= 9 {
		return NewDecimal(a.CoefficientInt64()*b.CoefficientInt64(), a.Exponent()+b.Exponent())
	}
	return a.Mul(b)
}

// SubExact returns a − b, on the fixed-point path when both fit it.
func SubExact(a, b decimal.Decimal) decimal.Decimal {
	if x, ok := scaled(a); ok {
		if y, ok := scaled(b); ok {
			if d, ok := SubFixed(x, y); ok {
				return NewDecimal(d, -sumScale)
			}
		}
	}
	return a.Sub(b)
}

// SubFixed returns x − y for fixed-point values, ok false when it would
// overflow an int64.
func SubFixed(x, y int64) (int64, bool) {
	d := x - y
	return d, (x^y)&(x^d) >= 0 // overflow only when the signs differ and the result's sign is y's
}

// AbsDiff returns |a − b|, on the fixed-point path when both fit it.
func AbsDiff(a, b decimal.Decimal) decimal.Decimal {
	if x, ok := scaled(a); ok {
		if y, ok := scaled(b); ok && x > math.MinInt64/2 && x < math.MaxInt64/2 && y > math.MinInt64/2 && y < math.MaxInt64/2 {
			d := x - y
			if d < 0 {
				d = -d
			}
			return NewDecimal(d, -sumScale)
		}
	}
	return a.Sub(b).Abs()
}
