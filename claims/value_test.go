package claims

import (
	"testing"

	"jixiao"
)

// TestNewDecimal checks that values makes the decimal NewDecimal makes,
// exponent included, and that shift is Shift.
func TestNewDecimal(t *testing.T) {
	var vs values
	for _, c := range []int64{1, 7, 2000, 2001, 67485, 100000, 100001, 123456789012345678} {
		for exp := int32(-8); exp <= 0; exp++ {
			got, want := vs.newDecimal(c, exp), jixiao.NewDecimal(c, exp)
			if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
				t.Fatalf("newDecimal(%d, %d) = %s (exp %d), want %s (exp %d)", c, exp, got, got.Exponent(), want, want.Exponent())
			}
			for _, n := range []int32{-4, -1, 4} {
				if s, w := shift(got, n), want.Shift(n); !s.Equal(w) || s.Exponent() != w.Exponent() {
					t.Fatalf("shift(%s, %d) = %s, want %s", got, n, s, w)
				}
			}
		}
	}
}
