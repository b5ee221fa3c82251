package claims

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"jixiao"
)

// quotientOff is pctOff(stated, num/den×100, opt) worked out in integers,
// which is what nearly every share and rate of a report needs: ok is false
// when a value has no exact int64 form on the way, and the caller then
// takes the decimal path. It follows shopspring/decimal step by step, so
// that the answer is the same: Div rounds the quotient half away from zero
// at 16 places, Round(2) truncates to 3 places, adds 5 and floors.
func quotientOff(num, den decimal.Decimal, stated Claim, opt Options) (off, ok bool) {
	p, okP := jixiao.FixedOf(num) // units of 10^-8
	w, okW := jixiao.FixedOf(den)
	s, okS := jixiao.FixedOf(stated.Value)
	if !okP || !okW || !okS || p < 0 || w <= 0 || s < 0 || stated.Places < 0 {
		return false, false
	}
	// q = num/den × 10^16, rounded half away from zero
	hi, lo := bits.Mul64(uint64(p), 1e16)
	if hi >= uint64(w) {
		return false, false // the quotient does not fit 64 bits
	}
	q, r := bits.Div64(hi, lo, uint64(w))
	if r >= uint64(w)-r { // 2r ≥ w
		q++
	}
	if q > math.MaxInt64/100 {
		return false, false
	}
	got := int64(q) * 100 // num/den×100 in units of 10^-16
	if stated.Places >= 2 {
		t, ok := jixiao.FixedOf(opt.PercentTolerance)
		if !ok {
			return false, false
		}
		// Round(2): hundredths, from the value truncated to thousandths
		r2 := (got/1e13 + 5) / 10
		d := s - r2*1e6 // units of 10^-8; both sides are far from overflowing
		return abs(d) > t, true
	}
	// half a unit of the stated last place, plus 0.005, in units of 10^-16
	if stated.Places > 1 || s > math.MaxInt64/100_000_000 {
		return false, false
	}
	tol := 5*pow10(15-int(stated.Places)) + 5e13
	d := s*1e8 - got
	return abs(d) > tol, true
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// addFixed adds d to the sum acc, in units of 10^-8, while ok holds: it
// turns false when d has no exact fixed-point form or the sum overflows.
func addFixed(acc int64, d decimal.Decimal, ok bool) (int64, bool) {
	if !ok {
		return 0, false
	}
	v, ok := jixiao.FixedOf(d)
	if !ok {
		return 0, false
	}
	if (v > 0 && acc > math.MaxInt64-v) || (v < 0 && acc < math.MinInt64-v) {
		return 0, false
	}
	return acc + v, true
}

// sharesSumOff is checkSharesSum's test in integers: whether the parts of
// a whole are complete (declared so, or adding up to it within the sum
// tolerance per part) and whether their n shares, adding up to sum, are to
// be reported (off 100% by more than the percent tolerance per share, or
// over it). ok is false when a value has no exact int64 form.
func sharesSumOff(sum, amount int64, fixed bool, whole decimal.Decimal, n int64, declared bool, opt Options) (complete, report, ok bool) {
	w, okW := jixiao.FixedOf(whole)
	st, okS := jixiao.FixedOf(opt.SumTolerance)
	pt, okP := jixiao.FixedOf(opt.PercentTolerance)
	if !fixed || !okW || !okS || !okP || n <= 0 || st > math.MaxInt64/n || pt > math.MaxInt64/n || st < 0 || pt < 0 {
		return false, false, false
	}
	gap, okG := sub(amount, w)
	diff, okD := sub(sum, 100*1e8)
	if !okG || !okD {
		return false, false, false
	}
	complete = declared || abs(gap) <= st*n
	report = complete && abs(diff) > pt*n || diff > pt*n
	return complete, report, true
}

// sub is a − b, and false when it overflows (or is the one value abs cannot
// negate).
func sub(a, b int64) (int64, bool) {
	d := a - b
	if (b > 0 && a < math.MinInt64+b) || (b < 0 && a > math.MaxInt64+b) || d == math.MinInt64 {
		return 0, false
	}
	return d, true
}

// greaterBy reports a − b > tol, in integers when all three have an exact
// fixed-point form.
func greaterBy(a, b, tol decimal.Decimal) bool {
	x, okA := jixiao.FixedOf(a)
	y, okB := jixiao.FixedOf(b)
	t, okT := jixiao.FixedOf(tol)
	if okA && okB && okT {
		if d, ok := sub(x, y); ok {
			return d > t
		}
	}
	return a.Sub(b).GreaterThan(tol)
}

// partsOff is checkParts's test in integers: whether the parts add up to
// more than the whole (over) or differ from it (off) by more than the sum
// tolerance per part (none for counts). ok is false when a value has no
// exact int64 form.
func partsOff(cs []Claim, parts []int, w Claim, opt Options) (over, off, ok bool) {
	sum, fixed := int64(0), true
	for _, k := range parts {
		sum, fixed = addFixed(sum, cs[k].amount(), fixed)
	}
	whole, okW := jixiao.FixedOf(w.amount())
	tol, okT := jixiao.FixedOf(opt.SumTolerance)
	n := int64(len(parts))
	if !fixed || !okW || !okT || tol < 0 || tol > math.MaxInt64/n {
		return false, false, false
	}
	tol *= n
	if w.Kind == Count {
		tol = 0
	}
	diff, ok := sub(sum, whole)
	if !ok {
		return false, false, false
	}
	return diff > tol, abs(diff) > tol, true
}
