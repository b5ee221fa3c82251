package score

import (
	"cmp"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"jixiao"
)

// num is a value being scored: its fixed-point form (units of 10^-8) when
// it has one, the decimal otherwise. Scoring thirty rows compares and
// divides a few hundred of them; on the fixed-point form that costs no
// allocation and no pointer chasing, and it is exact: a value without a
// fixed-point form takes the decimal path.
type num struct {
	f   int64
	big *decimal.Decimal // the value, when it has no fixed-point form (rare: then f is unused)
}

func numOf(d decimal.Decimal) num {
	if f, ok := jixiao.FixedOf(d); ok {
		return num{f: f}
	}
	big := d // escapes to the heap on this path only, not d on every call
	return num{big: &big}
}

// atLeastTimes reports whether a ≥ t × k, for a, t ≥ 0 and k > 0: the
// over-achievement test, done on the fixed-point forms in 128 bits.
func atLeastTimes(a, t, k num) bool {
	if kf := k.f; k.fixed() && a.fixed() && t.fixed() && a.f >= 0 && t.f >= 0 && kf >= 0 {
		// a × 10^8 ≥ t × kf, both sides in units of 10^-16
		ah, al := bits.Mul64(uint64(a.f), 1e8)
		th, tl := bits.Mul64(uint64(t.f), uint64(kf))
		return ah > th || ah == th && al >= tl
	}
	return jixiao.Cmp(a.dec(), jixiao.MulExact(t.dec(), k.dec())) >= 0
}

func figNum(f *jixiao.Figure) num {
	if v, ok := f.Fixed(); ok {
		return num{f: v}
	}
	d := f.Value
	return num{big: &d}
}

func qtyNum(v *jixiao.Value) num {
	if f, ok := v.QuantityFixed(); ok {
		return num{f: f}
	}
	d := v.Quantity()
	return num{big: &d}
}

var numZero = num{}

// fixed reports whether n is in fixed point.
func (n num) fixed() bool { return n.big == nil }

// dec returns the decimal, shared for whole hundredths.
func (n num) dec() decimal.Decimal {
	if n.big == nil {
		return jixiao.DecimalOfFixed(n.f)
	}
	return *n.big
}

func (n num) sign() int {
	if n.big != nil {
		return n.big.Sign()
	}
	switch {
	case n.f > 0:
		return 1
	case n.f < 0:
		return -1
	}
	return 0
}

func cmpNum(a, b num) int {
	if a.fixed() && b.fixed() {
		return cmp.Compare(a.f, b.f)
	}
	return jixiao.Cmp(a.dec(), b.dec())
}

// twice returns 2n.
func twice(n num) num {
	if n.fixed() && n.f < 1<<62 && n.f > -(1<<62) {
		return num{f: 2 * n.f}
	}
	return numOf(n.dec().Mul(two))
}

func sub(a, b num) num {
	if a.fixed() && b.fixed() {
		if d, ok := jixiao.SubFixed(a.f, b.f); ok {
			return num{f: d}
		}
	}
	return numOf(a.dec().Sub(b.dec()))
}

// mulDiv is RoundMode.MulDiv: x × y / z rounded once.
func mulDiv(ro jixiao.Rounding, x, y, z num) num {
	if x.fixed() && y.fixed() && z.fixed() {
		if q, ok := ro.Mode.MulDivFixed(x.f, y.f, z.f, ro.ScorePlaces); ok {
			return num{f: q}
		}
	}
	return numOf(ro.Mode.MulDiv(x.dec(), y.dec(), z.dec(), ro.ScorePlaces))
}

// roundScore rounds a score to the rule set's places.
func roundScore(ro jixiao.Rounding, n num) num {
	if n.fixed() && n.f >= 0 && ro.ScorePlaces >= 0 && ro.ScorePlaces <= jixiao.FixedScale {
		if n.f%unitOf[ro.ScorePlaces] == 0 {
			return n // already on the grid: a full or zero score, a stated one
		}
		// x × 1 / 1 in fixed point: just the one rounding
		if q, ok := ro.Mode.MulDivFixed(n.f, 1, 1, ro.ScorePlaces); ok {
			return num{f: q}
		}
	}
	return numOf(ro.Score(n.dec()))
}

// unitOf[p] is one unit of the p-th decimal place in fixed point.
var unitOf = [jixiao.FixedScale + 1]int64{1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1}

func addNum(s *jixiao.Sum, n num) {
	if n.fixed() {
		s.AddFixed(n.f)
	} else {
		s.Add(*n.big)
	}
}

// cmpFigureNum compares a valid figure with n.
func cmpFigureNum(f *jixiao.Figure, n num) int {
	return cmpNum(figNum(f), n)
}

// mulExact returns a × k exactly, in fixed point when the product has a
// fixed-point form: the qualitative tier bounds, weight × fraction.
func mulExact(a, k num) num {
	if kf := k.f; k.fixed() && a.fixed() && a.f >= 0 && kf >= 0 {
		// a × kf is in units of 10^-16: exact when 10^8 divides it
		hi, lo := bits.Mul64(uint64(a.f), uint64(kf))
		if hi < 1e8 {
			q, r := bits.Div64(hi, lo, 1e8)
			if r == 0 && q <= 1<<63-1 {
				return num{f: int64(q)}
			}
		}
	}
	return numOf(jixiao.MulExact(a.dec(), k.dec()))
}

// quo16 is b / a as decimal.Div gives it (16 places, halves away from
// zero), on the fixed-point forms when both have one: the execution rate.
func quo16(b, a num) decimal.Decimal {
	if b.fixed() && a.fixed() && b.f >= 0 && a.f > 0 {
		hi, lo := bits.Mul64(uint64(b.f), 1e16)
		if d := uint64(a.f); hi < d {
			q, r := bits.Div64(hi, lo, d)
			if r >= d-r {
				q++
			}
			if q <= math.MaxInt64 {
				return jixiao.NewDecimal(int64(q), -16)
			}
		}
	}
	return b.dec().Div(a.dec())
}
