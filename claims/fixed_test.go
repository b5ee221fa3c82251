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

// TestSharesSumOffMatchesDecimal checks the integer test of a group's
// shares against the decimal one, around the tolerances.
func TestSharesSumOffMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var fast, reported int
	for range 100000 {
		n := int64(2 + r.IntN(4))
		opt := Options{SumTolerance: decimal.New(1+r.Int64N(5), -2), PercentTolerance: decimal.New(1+r.Int64N(5), -2)}
		var sum, amount decimal.Decimal
		var sum8, amount8 int64
		fixed := true
		for range n {
			share := decimal.New(r.Int64N(6000), -2)
			part := decimal.New(r.Int64N(100000), -int32(r.IntN(3)))
			sum, amount = sum.Add(share), amount.Add(part)
			sum8, fixed = addFixed(sum8, share, fixed)
			amount8, fixed = addFixed(amount8, part, fixed)
		}
		if r.IntN(2) == 0 {
			sum = sum.Add(hundred.Sub(sum)).Add(decimal.New(r.Int64N(11)-5, -2)) // near 100%
			sum8 = 0
			fixed = true
			sum8, fixed = addFixed(sum8, sum, fixed)
		}
		whole := amount.Add(decimal.New(r.Int64N(21)-10, -2))
		declared := r.IntN(4) == 0
		complete, report, ok := sharesSumOff(sum8, amount8, fixed, whole, n, declared, opt)
		if !ok {
			continue
		}
		fast++
		tol := opt.PercentTolerance.Mul(decimal.NewFromInt(n))
		wantComplete := declared || amount.Sub(whole).Abs().LessThanOrEqual(opt.SumTolerance.Mul(decimal.NewFromInt(n)))
		diff := sum.Sub(hundred)
		wantReport := wantComplete && diff.Abs().GreaterThan(tol) || diff.GreaterThan(tol)
		if complete != wantComplete || report != wantReport {
			t.Fatalf("shares %s, parts %s of %s, n %d: integers say complete=%v report=%v, decimals %v %v", sum, amount, whole, n, complete, report, wantComplete, wantReport)
		}
		if report {
			reported++
		}
	}
	if fast < 50000 || reported == 0 || reported == fast {
		t.Errorf("integer path taken %d times, reporting %d: the comparison proves little", fast, reported)
	}
}

// TestPartsOffMatchesDecimal checks the integer parts test against the
// decimal one, for amounts and counts around the tolerance.
func TestPartsOffMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var fast, over int
	for range 100000 {
		n := 2 + r.IntN(4)
		cs := make([]Claim, n+1)
		parts := make([]int, n)
		sum := decimal.Zero
		for i := range n {
			v := decimal.New(r.Int64N(100000), -int32(r.IntN(3)))
			cs[i] = Claim{Kind: Amount, Wan: v}
			parts[i] = i
			sum = sum.Add(v)
		}
		kind := Amount
		if r.IntN(4) == 0 {
			kind = Count
		}
		whole := sum.Add(decimal.New(r.Int64N(41)-20, -2))
		cs[n] = Claim{Kind: kind, Wan: whole}
		opt := Options{SumTolerance: decimal.New(1+r.Int64N(3), -2)}
		gotOver, gotOff, ok := partsOff(cs, parts, cs[n], opt)
		if !ok {
			continue
		}
		fast++
		tol := opt.SumTolerance.Mul(decimal.NewFromInt(int64(n)))
		if kind == Count {
			tol = decimal.Zero
		}
		diff := sum.Sub(whole)
		if gotOver != diff.GreaterThan(tol) || gotOff != diff.Abs().GreaterThan(tol) {
			t.Fatalf("parts %s of %s (n %d, %v): integers say over=%v off=%v", sum, whole, n, kind, gotOver, gotOff)
		}
		if greaterBy(cs[0].Wan, whole, opt.SumTolerance) != cs[0].Wan.Sub(whole).GreaterThan(opt.SumTolerance) {
			t.Fatalf("greaterBy(%s, %s, %s) disagrees with decimals", cs[0].Wan, whole, opt.SumTolerance)
		}
		if gotOver {
			over++
		}
	}
	if fast < 50000 || over == 0 || over == fast {
		t.Errorf("integer path taken %d times, over %d times: the comparison proves little", fast, over)
	}
}
