package jixiao

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestMulDiv(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name    string
		x, y, z string
		places  int32
		mode    RoundMode
		want    string
	}{
		{"NinetyOfNinetyFive", "10", "0.90", "0.95", 2, HalfUp, "9.47"},
		{"ExecutionRate", "10", "413.21", "674.85", 2, HalfUp, "6.12"},
		{"HalfUpAtFive", "1", "2.345", "1", 2, HalfUp, "2.35"},
		{"HalfEvenAtFive", "1", "2.345", "1", 2, HalfEven, "2.34"},
		{"HalfEvenOdd", "1", "2.355", "1", 2, HalfEven, "2.36"},
		{"Truncate", "1", "2.349", "1", 2, Truncate, "2.34"},
		{"ReverseRatio", "10", "100", "120", 2, HalfUp, "8.33"},
		{"Exact", "20", "9", "10", 2, HalfUp, "18"},
		{"LargeFallsBack", "123456789012", "987654321098", "3", 2, HalfUp, "40644210378861962058392"},
		{"NegativeFallsBack", "-10", "0.90", "0.95", 2, HalfUp, "-9.47"},
		{"NegativeHalfAway", "-1", "2.345", "1", 2, HalfUp, "-2.35"},
		{"ManyDigitsFallBack", "10", "0.123456789123", "0.95", 2, HalfUp, "1.30"},
		{"PositiveExponents", "1e3", "2", "3", 2, HalfUp, "666.67"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.mode.MulDiv(d(tt.x), d(tt.y), d(tt.z), tt.places)
			if !got.Equal(d(tt.want)) {
				t.Errorf("%s × %s / %s = %s, want %s", tt.x, tt.y, tt.z, got, tt.want)
			}
		})
	}
}

// FuzzMulDiv checks the one rounding against decimal's own: DivRound
// (half away from zero) for HalfUp, QuoRem's truncated quotient for
// Truncate, and for HalfEven a result within half a unit of the exact
// quotient that moves off an exact half only to an even last digit.
func FuzzMulDiv(f *testing.F) {
	f.Add(int64(10), int32(0), int64(90), int32(-2), int64(95), int32(-2))
	f.Add(int64(1), int32(0), int64(2345), int32(-3), int64(1), int32(0))
	f.Fuzz(func(t *testing.T, x int64, ex int32, y int64, ey int32, z int64, ez int32) {
		if z == 0 || ex < -10 || ex > 10 || ey < -10 || ey > 10 || ez < -10 || ez > 10 {
			return
		}
		a, b, c := decimal.New(x, ex), decimal.New(y, ey), decimal.New(z, ez)
		n := a.Mul(b)
		if got, want := HalfUp.MulDiv(a, b, c, 2), n.DivRound(c, 2); !got.Equal(want) {
			t.Fatalf("half-up: %s × %s / %s = %s, DivRound says %s", a, b, c, got, want)
		}
		if got, _ := n.QuoRem(c, 2); !Truncate.MulDiv(a, b, c, 2).Equal(got) {
			t.Fatalf("truncate: %s × %s / %s = %s, QuoRem says %s", a, b, c, Truncate.MulDiv(a, b, c, 2), got)
		}
		even := HalfEven.MulDiv(a, b, c, 2)
		off := even.Mul(c).Sub(n).Abs().Mul(decimal.NewFromInt(200)) // |q − exact| in half-units, × |z|
		switch off.Cmp(c.Abs()) {
		case 1:
			t.Fatalf("half-even: %s × %s / %s = %s, more than half a unit off", a, b, c, even)
		case 0:
			if even.Shift(2).Mod(decimal.NewFromInt(2)).Sign() != 0 {
				t.Fatalf("half-even: %s × %s / %s = %s, a half rounded to odd", a, b, c, even)
			}
		}
	})
}
