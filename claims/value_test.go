package claims

import (
	"testing"
	"unsafe"

	"jixiao"
)

// TestTableHit holds tableHit to what jixiao.NewDecimal does: a value from
// its tables is the same pointer each time, any other a new one.
func TestTableHit(t *testing.T) {
	if !layoutOK {
		t.Skip("decimal.Decimal's layout changed: values falls back to NewDecimal")
	}
	coef := func(c int64, exp int32) *byte {
		d := jixiao.NewDecimal(c, exp)
		return *(**byte)(unsafe.Pointer(&d))
	}
	test := func(c int64, exp int32) {
		if got, want := tableHit(c, exp), coef(c, exp) == coef(c, exp); got != want {
			t.Fatalf("tableHit(%d, %d) = %v, NewDecimal shares it: %v", c, exp, got, want)
		}
	}
	for exp := int32(-6); exp <= 0; exp++ {
		for c := int64(0); c <= 5000; c++ {
			test(c, exp)
		}
		// around the end of the whole numbers, a thousand at this exponent
		for p, d := pow10(int(3-exp)), int64(-1000); d <= 1000; d++ {
			test(p+d, exp)
		}
	}
}

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
