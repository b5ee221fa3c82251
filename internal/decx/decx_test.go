package decx

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func TestOfAndShift(t *testing.T) {
	if !OK {
		t.Skip("decimal.Decimal's layout changed: callers use decimal's constructors")
	}
	var r Run
	for _, c := range []uint64{1, 7, 2000, 67485, 123456789012345678} {
		for exp := int32(-8); exp <= 2; exp++ {
			got, want := Of(r.Word(big.Word(c)), exp), decimal.New(int64(c), exp)
			if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
				t.Fatalf("Of(%d, %d) = %s (exp %d), want %s", c, exp, got, got.Exponent(), want)
			}
			for _, n := range []int32{-4, -1, 0, 4} {
				if s, w := Shift(got, n), want.Shift(n); !s.Equal(w) || s.Exponent() != w.Exponent() {
					t.Fatalf("Shift(%s, %d) = %s, want %s", got, n, s, w)
				}
			}
		}
	}
	if s := Shift(decimal.Decimal{}, 3); !s.IsZero() {
		t.Fatalf("Shift(zero value, 3) = %s", s)
	}
}

// A run's coefficients stay what they were given when more are made.
func TestRunKeepsValues(t *testing.T) {
	var r Run
	var ds []decimal.Decimal
	for i := range 3 * runLen {
		ds = append(ds, Of(r.Word(big.Word(i+1)), 0))
	}
	for i, d := range ds {
		if d.IntPart() != int64(i+1) {
			t.Fatalf("decimal %d reads %s", i, d)
		}
	}
}
