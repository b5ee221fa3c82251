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

func FuzzMulDiv(f *testing.F) {
	f.Add(int64(10), int32(0), int64(90), int32(-2), int64(95), int32(-2))
	f.Fuzz(func(t *testing.T, x int64, ex int32, y int64, ey int32, z int64, ez int32) {
		if z == 0 || ex < -10 || ex > 10 || ey < -10 || ey > 10 || ez < -10 || ez > 10 {
			return
		}
		a, b, c := decimal.New(x, ex), decimal.New(y, ey), decimal.New(z, ez)
		for _, m := range []RoundMode{HalfUp, HalfEven, Truncate} {
			fast := m.MulDiv(a, b, c, 2)
			n := a.Mul(b).Shift(2)
			q, r := n.QuoRem(c, 0)
			slow := roundQuotient(m, q, r, c).Shift(-2)
			if !fast.Equal(slow) {
				t.Fatalf("%s: %s × %s / %s = %s, exact path says %s", m, a, b, c, fast, slow)
			}
		}
	})
}
