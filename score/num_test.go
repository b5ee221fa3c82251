package score

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
)

// The fixed-point helpers must give what decimal arithmetic gives.
func TestNumAgreesWithDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var vals []decimal.Decimal
	for _, s := range []string{"0", "1", "0.95", "1.2", "1.5", "12", "30", "99.999", "0.00000001", "123456789.12345678", "1e15", "0.123456789012"} {
		vals = append(vals, dec(s))
	}
	for range 300 {
		vals = append(vals, decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(9))))
	}
	ro := jixiao.Rounding{Mode: jixiao.HalfUp, ScorePlaces: 2}
	for i, a := range vals {
		for _, b := range vals[max(0, i-20):i] {
			na, nb := numOf(a), numOf(b)
			if got, want := cmpNum(na, nb), a.Cmp(b); got != want {
				t.Fatalf("cmpNum(%s, %s) = %d, want %d", a, b, got, want)
			}
			if got, want := sub(na, nb).dec(), a.Sub(b); !got.Equal(want) {
				t.Fatalf("sub(%s, %s) = %s, want %s", a, b, got, want)
			}
			for _, k := range []decimal.Decimal{dec("1.2"), dec("1.5"), dec("3"), dec("1.333333333")} {
				if got, want := atLeastTimes(na, nb, numOf(k)), a.Cmp(b.Mul(k)) >= 0; got != want {
					t.Fatalf("atLeastTimes(%s, %s, %s) = %v, want %v", a, b, k, got, want)
				}
			}
			if b.Sign() > 0 {
				if got, want := quo16(na, nb), a.Div(b); !got.Equal(want) {
					t.Fatalf("quo16(%s, %s) = %s, want %s", a, b, got, want)
				}
			}
			for _, k := range []decimal.Decimal{dec("0.8"), dec("0.33333333"), dec("1.25")} {
				if got, want := mulExact(na, numOf(k)).dec(), a.Mul(k); !got.Equal(want) {
					t.Fatalf("mulExact(%s, %s) = %s, want %s", a, k, got, want)
				}
			}
			if !b.IsZero() {
				w := dec("10")
				if got, want := mulDiv(ro, numOf(w), na, nb).dec(), jixiao.HalfUp.MulDiv(w, a, b, 2); !got.Equal(want) {
					t.Fatalf("mulDiv(10, %s, %s) = %s, want %s", a, b, got, want)
				}
			}
		}
		if got, want := roundScore(ro, numOf(a)).dec(), ro.Score(a); !got.Equal(want) {
			t.Fatalf("roundScore(%s) = %s, want %s", a, got, want)
		}
		if got, want := twice(numOf(a)).dec(), a.Mul(two); !got.Equal(want) {
			t.Fatalf("twice(%s) = %s, want %s", a, got, want)
		}
	}
}
