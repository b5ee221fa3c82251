package claims

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestQuotientOffMatchesDecimal checks the integer share test against the
// decimal one it stands in for, on shares stated close to the true value
// (where rounding and the tolerance decide) and on exact halves.
func TestQuotientOffMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tols := []decimal.Decimal{decimal.New(1, -2), decimal.New(5, -2), decimal.New(1, -1), decimal.New(3, -3)}
	var fast, off int
	check := func(num, den decimal.Decimal, places int32, delta int64, tol decimal.Decimal) {
		t.Helper()
		exact := num.Div(den).Mul(hundred)
		stated := exact.Shift(places).Round(0).Add(decimal.NewFromInt(delta)).Shift(-places)
		if stated.Sign() < 0 {
			return
		}
		c := Claim{Value: stated, Places: places}
		opt := Options{SumTolerance: cent, PercentTolerance: tol}
		want := pctOff(c, exact, opt)
		got, ok := quotientOff(num, den, c, opt)
		if !ok {
			return
		}
		fast++
		if got {
			off++
		}
		if got != want {
			t.Fatalf("%s / %s stated %s (%d places, tolerance %s): integers say off=%v, decimals %v", num, den, stated, places, tol, got, want)
		}
	}
	for range 200000 {
		num := decimal.New(r.Int64N(1e10), -int32(r.IntN(7)))
		den := decimal.New(r.Int64N(1e10)+1, -int32(r.IntN(7)))
		check(num, den, int32(r.IntN(5)), r.Int64N(7)-3, tols[r.IntN(len(tols))])
	}
	// quotients that end in an exact half at the places rounding looks at
	for k := int64(0); k < 20000; k++ {
		num := decimal.New(2*k+1, -3)
		for _, den := range []decimal.Decimal{decimal.New(2, 0), decimal.New(200, 0), decimal.New(2, -2), decimal.New(4, 1)} {
			for places := int32(0); places < 4; places++ {
				check(num, den, places, k%3-1, tols[k%int64(len(tols))])
			}
		}
	}
	if fast < 100000 || off == 0 || off == fast {
		t.Errorf("integer path taken %d times, off %d times: the comparison proves little", fast, off)
	}
}
