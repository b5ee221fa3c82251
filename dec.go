package jixiao

import (
	"math/big"
	"sync"

	"github.com/shopspring/decimal"

	"jixiao/internal/decx"
)

// internMax is the largest coefficient, at two decimals, that NewDecimal
// shares: 0.00 to 20.00 holds nearly every row's weight and score, and
// every rate as a fraction. A larger table saves a few allocations per
// document but costs more than it saves: every garbage collection visits
// each of its pointers (measured: 0–200.00 made GC 18% of the scoring
// benchmark, 0–20.00 makes it 6%).
const internMax = 2000

// wholeMax is the largest whole number NewDecimal shares: subtotals,
// weight sums and totals are often whole (50, 30, 100).
const wholeMax = 1000

var (
	internOnce sync.Once
	interned   []decimal.Decimal // interned[c] = c × 10^-2
	wholes     []decimal.Decimal // wholes[n] = n
)

// NewDecimal returns c × 10^exp. Values that are whole hundredths between 0
// and 20 come from a shared table instead of a new big.Int: scoring makes
// tens of them per row, and shopspring/decimal never changes a value in
// place, so sharing one is safe. The value is the same either way; only the
// exponent it is stored with may differ, which no comparison, arithmetic or
// formatting sees.
func NewDecimal(c int64, exp int32) decimal.Decimal {
	if d, ok := SharedDecimal(c, exp); ok {
		return d
	}
	return decimal.New(c, exp)
}

// SharedDecimal returns NewDecimal(c, exp) when it comes from the shared
// table, and false when NewDecimal would allocate it.
func SharedDecimal(c int64, exp int32) (decimal.Decimal, bool) {
	if h, ok := hundredths(c, exp); ok {
		internOnce.Do(buildInterned)
		if h <= internMax {
			return interned[h], true
		}
		if h%100 == 0 {
			return wholes[h/100], true
		}
	}
	return decimal.Decimal{}, false
}

// hundredths returns c × 10^exp as a count of hundredths when that is exact
// and within the shared tables' range.
func hundredths(c int64, exp int32) (int64, bool) {
	if c < 0 {
		return 0, false
	}
	switch {
	case exp == -2:
		return c, c <= wholeMax*100
	case exp < -2:
		k := -2 - exp
		if k > 18 || c%pow10x[k] != 0 {
			return 0, false
		}
		c /= pow10x[k]
		return c, c <= wholeMax*100
	case exp <= 4:
		m := pow10x[exp+2]
		if c > wholeMax*100/m {
			return 0, false
		}
		return c * m, true
	}
	return 0, false
}

// Shift returns d × 10^n like d.Shift(n), from the shared table when the
// result is in it.
func Shift(d decimal.Decimal, n int32) decimal.Decimal {
	if d.NumDigits() <= 18 {
		return NewDecimal(d.CoefficientInt64(), d.Exponent()+n)
	}
	return d.Shift(n)
}

// buildInterned fills the shared table. Built with decimal.New, it would be
// 40,000 small heap objects that every garbage collection must visit; so
// the coefficients live in two arrays and the decimals point into them.
func buildInterned() {
	interned, wholes = table(internMax, -2), table(wholeMax, 0)
}

// table returns n × 10^exp for n = 0…max.
func table(max int, exp int32) []decimal.Decimal {
	t := make([]decimal.Decimal, max+1)
	if !decx.OK {
		for i := range t {
			t[i] = decimal.New(int64(i), exp)
		}
		return t
	}
	words := make([]big.Word, max+1)
	ints := make([]big.Int, max+1)
	for i := range t {
		words[i] = big.Word(i)
		ints[i].SetBits(words[i : i+1 : i+1]) // normalised: 0 has no words
		t[i] = decx.Of(&ints[i], exp)
	}
	return t
}

// FormatDecimal is d.String() (trailing zeros dropped: "60", "2.4"), made
// from the fixed-point form when d has one, without big.Int's conversion.
func FormatDecimal(d decimal.Decimal) string {
	v, ok := scaled(d)
	if !ok {
		return d.String()
	}
	places := int32(sumScale)
	for places > 0 && v%10 == 0 {
		v /= 10
		places--
	}
	return formatScaled(v, places)
}

// FormatFixed is d.StringFixed(places) for places 0–8, made from the
// fixed-point form when d has one (rounding half away from zero, as
// StringFixed does).
func FormatFixed(d decimal.Decimal, places int32) string {
	v, ok := scaled(d)
	if !ok || places < 0 || places > sumScale {
		return d.StringFixed(places)
	}
	if k := sumScale - places; k > 0 {
		p := pow10[k]
		q, r := v/p, v%p
		if r < 0 {
			r = -r
		}
		if 2*r >= p {
			if v < 0 {
				q--
			} else {
				q++
			}
		}
		v = q
	}
	return formatScaled(v, places)
}

// formatScaled writes v × 10^-places with exactly places decimals.
func formatScaled(v int64, places int32) string {
	var buf [32]byte
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	i := len(buf)
	for range places {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if places > 0 {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if v < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
