package jixiao

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao/internal/decx"
)

// The integer fast paths must agree with shopspring/decimal's own
// arithmetic on every value, in and out of the shared table.
func TestFastPathsAgreeWithDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var cases []decimal.Decimal
	for _, s := range []string{"0", "0.005", "-0.005", "0.015", "2.345", "-2.345", "89.995", "99.99999",
		"200", "200.005", "199.995", "1e3", "123456789012345678", "-9223372036854775808", "0.000000001",
		"12345678901234567890.125", "-0.5", "0.5", "1.5", "2.5"} {
		cases = append(cases, decimal.RequireFromString(s))
	}
	for range 5000 {
		c := rng.Int64N(4_000_000_000) - 1_000_000_000
		cases = append(cases, decimal.New(c, -int32(rng.IntN(10))))
	}
	for _, d := range cases {
		for places := int32(0); places <= 6; places++ {
			for _, m := range []RoundMode{HalfUp, HalfEven, Truncate} {
				var want decimal.Decimal
				switch m {
				case HalfUp:
					want = d.Round(places)
				case HalfEven:
					want = d.RoundBank(places)
				default:
					want = d.Truncate(places)
				}
				if got := m.Round(d, places); !got.Equal(want) {
					t.Fatalf("%s.Round(%s, %d) = %s, want %s", m, d, places, got, want)
				}
			}
		}
		for _, n := range []int32{-4, -2, 2, 4} {
			if got, want := Shift(d, n), d.Shift(n); !got.Equal(want) {
				t.Fatalf("Shift(%s, %d) = %s, want %s", d, n, got, want)
			}
		}
		if got, want := NewDecimal(d.CoefficientInt64(), d.Exponent()), decimal.New(d.CoefficientInt64(), d.Exponent()); !got.Equal(want) {
			t.Fatalf("NewDecimal(%d, %d) = %s, want %s", d.CoefficientInt64(), d.Exponent(), got, want)
		}
	}
}

// A shared value must not change when arithmetic is done on it.
func TestInternedValuesAreNotMutated(t *testing.T) {
	a := NewDecimal(9547, -2)
	_ = a.Round(1).Add(a).Mul(a).Sub(a).Neg().Abs()
	_ = HalfUp.Round(a, 1)
	if got := NewDecimal(9547, -2).String(); got != "95.47" {
		t.Fatalf("the shared 95.47 became %s", got)
	}
}

func TestSubAndAbsDiffAgreeWithDecimal(t *testing.T) {
	vals := []string{"0", "1", "-1", "0.00000001", "674.85", "417.88", "256.96", "-3.5", "92233720368.54775807",
		"-92233720368.54775808", "1e20", "0.000000001", "99.995"}
	for _, a := range vals {
		for _, b := range vals {
			x, y := decimal.RequireFromString(a), decimal.RequireFromString(b)
			if got, want := SubExact(x, y), x.Sub(y); !got.Equal(want) {
				t.Errorf("SubExact(%s, %s) = %s, want %s", a, b, got, want)
			}
			if got, want := AbsDiff(x, y), x.Sub(y).Abs(); !got.Equal(want) {
				t.Errorf("AbsDiff(%s, %s) = %s, want %s", a, b, got, want)
			}
		}
	}
}

func TestMulDivFixedAgreesWithMulDiv(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vals := []int64{0, 1, 3, 5, 95, 100, 1_000_000, 9_500_000_000, 1 << 40, 1<<62 + 7}
	for range 3000 {
		vals = append(vals, rng.Int64N(100_000_000_000))
	}
	for i := 0; i+2 < len(vals); i++ {
		x, y, z := vals[i], vals[i+1], vals[i+2]
		if z == 0 {
			continue
		}
		for _, m := range []RoundMode{HalfUp, HalfEven, Truncate} {
			for _, places := range []int32{0, 2, 4, 8} {
				got, ok := m.MulDivFixed(x, y, z, places)
				if !ok {
					continue // too large for the fixed path: MulDiv takes it
				}
				want := m.MulDiv(DecimalOfFixed(x), DecimalOfFixed(y), DecimalOfFixed(z), places)
				if !DecimalOfFixed(got).Equal(want) {
					t.Fatalf("%s.MulDivFixed(%d, %d, %d, %d) = %s, want %s", m, x, y, z, places, DecimalOfFixed(got), want)
				}
			}
		}
	}
	// ties: 3 × 1 / 8 = 0.375 → 0.38 half-up, 0.38 half-even (7 odd → 8), 0.37 truncated
	for m, want := range map[RoundMode]string{HalfUp: "0.38", HalfEven: "0.38", Truncate: "0.37"} {
		got, _ := m.MulDivFixed(3e8, 1e8, 8e8, 2)
		if DecimalOfFixed(got).StringFixed(2) != want {
			t.Errorf("%s: 3 × 1 / 8 = %s, want %s", m, DecimalOfFixed(got), want)
		}
	}
}

// Every entry of the shared table is the value it stands for.
func TestInternedTable(t *testing.T) {
	if !decx.OK {
		t.Log("shopspring/decimal's layout changed: the table is built with decimal.New")
	}
	for i := int64(0); i <= internMax; i++ {
		got, want := NewDecimal(i, -2), decimal.New(i, -2)
		if !got.Equal(want) || got.String() != want.String() || got.StringFixed(2) != want.StringFixed(2) || got.Exponent() != -2 {
			t.Fatalf("interned %d × 10^-2 = %s (%s), want %s", i, got, got.StringFixed(2), want)
		}
	}
	for i := int64(0); i <= wholeMax; i++ {
		got, want := NewDecimal(i*100_000_000, -8), decimal.New(i, 0)
		if !got.Equal(want) || got.String() != want.String() || got.StringFixed(2) != want.StringFixed(2) {
			t.Fatalf("interned %d = %s (%s), want %s", i, got, got.StringFixed(2), want)
		}
	}
	if s := NewDecimal(0, -2).Add(NewDecimal(1, -2)).Mul(NewDecimal(300, -2)).String(); s != "0.03" {
		t.Fatalf("0 + 0.01 × 3 = %s", s)
	}
}

func TestFormatAgreesWithDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var vals []decimal.Decimal
	for _, s := range []string{"0", "-0", "60", "2.4", "0.05", "-0.05", "-0.004", "0.005", "-0.005", "99.995", "100", "1234567890.12345678",
		"-1234567890.12345678", "0.00000001", "-0.00000001", "1e20", "0.123456789", "674.85", "-3"} {
		vals = append(vals, decimal.RequireFromString(s))
	}
	for range 3000 {
		vals = append(vals, decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -int32(rng.IntN(9))))
	}
	for _, d := range vals {
		if got, want := FormatDecimal(d), d.String(); got != want {
			t.Fatalf("FormatDecimal(%s) = %q, want %q", d, got, want)
		}
		for places := int32(0); places <= 8; places++ {
			if got, want := FormatFixed(d, places), d.StringFixed(places); got != want {
				t.Fatalf("FormatFixed(%s, %d) = %q, want %q", d, places, got, want)
			}
		}
	}
}
