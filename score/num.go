package score

import (
	"github.com/shopspring/decimal"

	"jixiao"
)

// num is a value being scored: its fixed-point form (units of 10^-8) when
// it has one, the decimal otherwise. Scoring thirty rows compares and
// divides a few hundred of them; on the fixed-point form that costs no
// allocation and no pointer chasing, and it is exact: a value without a
// fixed-point form takes the decimal path.
type num struct {
	f  int64
	ok bool            // f holds the value
	d  decimal.Decimal // the value, when !ok
}

func numOf(d decimal.Decimal) num {
	if f, ok := jixiao.FixedOf(d); ok {
		return num{f: f, ok: true}
	}
	return num{d: d}
}

func figNum(f *jixiao.Figure) num {
	if v, ok := f.Fixed(); ok {
		return num{f: v, ok: true}
	}
	return num{d: f.Value}
}

func qtyNum(v *jixiao.Value) num {
	if f, ok := v.QuantityFixed(); ok {
		return num{f: f, ok: true}
	}
	return num{d: v.Quantity()}
}

var numZero = num{ok: true}

// dec returns the decimal, shared for whole hundredths.
func (n num) dec() decimal.Decimal {
	if n.ok {
		return jixiao.DecimalOfFixed(n.f)
	}
	return n.d
}

func (n num) sign() int {
	if !n.ok {
		return n.d.Sign()
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
	if a.ok && b.ok {
		switch {
		case a.f < b.f:
			return -1
		case a.f > b.f:
			return 1
		}
		return 0
	}
	return jixiao.Cmp(a.dec(), b.dec())
}

// twice returns 2n.
func twice(n num) num {
	if n.ok && n.f < 1<<62 && n.f > -(1<<62) {
		return num{f: 2 * n.f, ok: true}
	}
	return numOf(n.dec().Mul(two))
}

func sub(a, b num) num {
	if a.ok && b.ok && (b.f >= 0 || a.f <= 1<<63-1+b.f) && (b.f <= 0 || a.f >= -1<<63+b.f) {
		return num{f: a.f - b.f, ok: true}
	}
	return numOf(a.dec().Sub(b.dec()))
}

// mulDiv is RoundMode.MulDiv: x × y / z rounded once.
func mulDiv(ro jixiao.Rounding, x, y, z num) num {
	if x.ok && y.ok && z.ok {
		if q, ok := ro.Mode.MulDivFixed(x.f, y.f, z.f, ro.ScorePlaces); ok {
			return num{f: q, ok: true}
		}
	}
	return numOf(ro.Mode.MulDiv(x.dec(), y.dec(), z.dec(), ro.ScorePlaces))
}

// round rounds a score to the rule set's places.
func roundScore(ro jixiao.Rounding, n num) num {
	if n.ok && n.f >= 0 {
		// x × 1 / 1 in fixed point: just the one rounding
		if q, ok := ro.Mode.MulDivFixed(n.f, 1, 1, ro.ScorePlaces); ok {
			return num{f: q, ok: true}
		}
	}
	return numOf(ro.Score(n.dec()))
}

func addNum(s *jixiao.Sum, n num) {
	if n.ok {
		s.AddFixed(n.f)
	} else {
		s.Add(n.d)
	}
}
