package jixiao

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// MulDiv returns x × y / z rounded once, under m, to places decimals: the
// shape of every proportional score (w × a / t, w × t / a, w × B / A). The
// quotient is never rounded before the final rounding, so the result is
// exact whatever the precision of the inputs. z must not be zero.
//
// Small non-negative operands, which are nearly all of them, take an
// integer path that allocates nothing; the rest use exact decimal
// division with remainder.
func (m RoundMode) MulDiv(x, y, z decimal.Decimal, places int32) decimal.Decimal {
	if q, ok := mulDivFast(m, x, y, z, places); ok {
		return q
	}
	n := x.Mul(y).Shift(places)
	q, r := n.QuoRem(z, 0)
	return roundQuotient(m, q, r, z).Shift(-places)
}

// roundQuotient rounds the integer quotient q of n / z given its
// remainder r (n = q × z + r, r having n's sign).
func roundQuotient(m RoundMode, q, r, z decimal.Decimal) decimal.Decimal {
	if r.IsZero() || m == Truncate {
		return q
	}
	step := decimal.NewFromInt(int64(r.Sign() * z.Sign())) // away from zero
	switch c := r.Abs().Mul(decimal.NewFromInt(2)).Cmp(z.Abs()); {
	case c > 0, c == 0 && m == HalfUp:
		return q.Add(step)
	case c == 0 && m == HalfEven && q.Mod(decimal.NewFromInt(2)).Abs().Equal(decimal.NewFromInt(1)):
		return q.Add(step)
	}
	return q
}

func mulDivFast(m RoundMode, x, y, z decimal.Decimal, places int32) (decimal.Decimal, bool) {
	cx, ex, ok1 := small(x)
	cy, ey, ok2 := small(y)
	cz, ez, ok3 := small(z)
	if !ok1 || !ok2 || !ok3 || cz == 0 {
		return decimal.Decimal{}, false
	}
	// value × 10^places = cx·cy·10^k / cz with k = ex + ey + places − ez
	k := ex + ey + places - ez
	hi, n := bits.Mul64(cx, cy)
	d := cz
	for ; k > 0; k-- {
		var h uint64
		h, n = bits.Mul64(n, 10)
		if hi != 0 || h != 0 {
			return decimal.Decimal{}, false
		}
	}
	for ; k < 0; k++ {
		h, l := bits.Mul64(d, 10)
		if h != 0 {
			return decimal.Decimal{}, false
		}
		d = l
	}
	if hi != 0 || n > math.MaxInt64 {
		return decimal.Decimal{}, false
	}
	q, r := n/d, n%d
	switch {
	case r == 0 || m == Truncate:
	case 2*r > d || (2*r == d && (m == HalfUp || q%2 == 1)):
		q++
	}
	if q > math.MaxInt64 {
		return decimal.Decimal{}, false
	}
	return NewDecimal(int64(q), -places), true
}

// small returns a non-negative decimal's coefficient and exponent when the
// coefficient fits comfortably in 32 bits, so that products cannot wrap.
func small(d decimal.Decimal) (uint64, int32, bool) {
	if d.Sign() < 0 || d.NumDigits() > 9 {
		return 0, 0, false
	}
	return uint64(d.CoefficientInt64()), d.Exponent(), true
}

// MulDivFixed is MulDiv on fixed-point values (units of 10^-8): x × y / z
// rounded once to places decimals, the result again in units of 10^-8.
// ok is false when an operand is negative, z is not positive, places is
// outside 0–8, or a step would overflow: the caller then uses MulDiv.
func (m RoundMode) MulDivFixed(x, y, z int64, places int32) (int64, bool) {
	if x < 0 || y < 0 || z <= 0 || places < 0 || places > sumScale {
		return 0, false
	}
	// x·y·10^-16 / (z·10^-8) = x·y/z in units of 10^-8; in units of
	// 10^-places that is x·y / (z·10^(8−places)).
	unit := uint64(pow10[sumScale-places])
	dh, d := bits.Mul64(uint64(z), unit)
	if dh != 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(x), uint64(y))
	if hi >= d {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, d)
	switch {
	case r == 0 || m == Truncate:
	case r > d-r || (r == d-r && (m == HalfUp || q%2 == 1)): // 2r vs d, without overflow
		q++
	}
	qh, v := bits.Mul64(q, unit)
	if qh != 0 || v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}
