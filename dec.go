package jixiao

import (
	"sync"

	"github.com/shopspring/decimal"
)

// internMax is the largest coefficient, at two decimals, that NewDecimal
// shares: 0.00 to 200.00 holds every score, weight, subtotal and most
// percentages a table computes.
const internMax = 20000

var (
	internOnce sync.Once
	interned   []decimal.Decimal // interned[c] = c × 10^-2
)

// NewDecimal returns c × 10^exp. Values that are whole hundredths between 0
// and 200 come from a shared table instead of a new big.Int: scoring makes
// tens of them per row, and shopspring/decimal never changes a value in
// place, so sharing one is safe. The value is the same either way; only the
// exponent it is stored with may differ, which no comparison, arithmetic or
// formatting sees.
func NewDecimal(c int64, exp int32) decimal.Decimal {
	if h, ok := hundredths(c, exp); ok {
		internOnce.Do(func() {
			interned = make([]decimal.Decimal, internMax+1)
			for i := range interned {
				interned[i] = decimal.New(int64(i), -2)
			}
		})
		return interned[h]
	}
	return decimal.New(c, exp)
}

// hundredths returns c × 10^exp as a count of hundredths when that is exact
// and within the shared table.
func hundredths(c int64, exp int32) (int64, bool) {
	if c < 0 || exp > 4 || exp < -sumScale-10 {
		return 0, false
	}
	for ; exp < -2; exp++ {
		if c%10 != 0 {
			return 0, false
		}
		c /= 10
	}
	for ; exp > -2; exp-- {
		if c > internMax {
			return 0, false
		}
		c *= 10
	}
	return c, c <= internMax
}

// Shift returns d × 10^n like d.Shift(n), from the shared table when the
// result is in it.
func Shift(d decimal.Decimal, n int32) decimal.Decimal {
	if d.NumDigits() <= 18 {
		return NewDecimal(d.CoefficientInt64(), d.Exponent()+n)
	}
	return d.Shift(n)
}
