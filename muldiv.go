package jixiao

import "github.com/shopspring/decimal"

// MulDiv returns x × y / z rounded once, under m, to places decimals: the
// shape of every proportional score (w × a / t, w × t / a, w × B / A). The
// quotient is not rounded before the final rounding (10号文 scores are
// computed from unrounded values and rounded once for display), so the
// result is exact whatever the precision of the inputs. z must not be zero.
func (m RoundMode) MulDiv(x, y, z decimal.Decimal, places int32) decimal.Decimal {
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
