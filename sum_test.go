package jixiao

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

func TestSumExact(t *testing.T) {
	tests := []struct {
		name  string
		terms []string
		want  string
	}{
		{"Scores", []string{"6.12", "20", "20", "20", "20", "10"}, "96.12"},
		{"Amounts", []string{"417.88", "256.96"}, "674.84"},
		{"Negative", []string{"1.5", "-2.25"}, "-0.75"},
		{"ManyDecimals", []string{"0.123456789", "0.000000001"}, "0.12345679"},
		{"Large", []string{"92233720368", "92233720368"}, "184467440736"},
		{"Overflow", []string{"90000000000", "90000000000", "9000000000"}, "189000000000"},
		{"PositiveExponent", []string{"1e3", "1"}, "1001"},
		{"Empty", nil, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Sum
			want := decimal.Zero
			for _, x := range tt.terms {
				d := decimal.RequireFromString(x)
				s.Add(d)
				want = want.Add(d)
			}
			if got := s.Decimal(); !got.Equal(want) || !got.Equal(decimal.RequireFromString(tt.want)) {
				t.Errorf("sum = %s, want %s (decimal says %s)", got, tt.want, want)
			}
		})
	}
}

func FuzzSum(f *testing.F) {
	f.Add(int64(61223), int32(-2), int64(-5), int32(-9))
	f.Fuzz(func(t *testing.T, a int64, ea int32, b int64, eb int32) {
		if ea < -20 || ea > 20 || eb < -20 || eb > 20 {
			return
		}
		x, y := decimal.New(a, ea), decimal.New(b, eb)
		var s Sum
		s.Add(x)
		s.Add(y)
		if want := x.Add(y); !s.Decimal().Equal(want) {
			t.Fatalf("%s + %s = %s, want %s", x, y, s.Decimal(), want)
		}
	})
}

func TestCmpAndMulExact(t *testing.T) {
	d := decimal.RequireFromString
	for _, tt := range []struct{ a, b string }{
		{"2.4", "3"}, {"3", "3.00"}, {"-1", "0.5"}, {"0.000000001", "0"}, {"1e30", "1"}, {"96", "95.999999999"},
		{"123456789", "0.8"}, {"-20", "-20.000"},
	} {
		a, b := d(tt.a), d(tt.b)
		if got, want := Cmp(a, b), a.Cmp(b); got != want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		if got, want := MulExact(a, b), a.Mul(b); !got.Equal(want) {
			t.Errorf("MulExact(%s, %s) = %s, want %s", a, b, got, want)
		}
	}
}

func TestPositionDescribe(t *testing.T) {
	tests := []struct {
		p    Position
		want string
	}{
		{Position{Line: 25, Col: 2}, "第 25 行"},
		{Position{Sheet: "自评表", Row: 7, Cell: 3}, "工作表 自评表 第 7 行第 3 列"},
		{Position{Page: 2, Row: 5}, "第 2 页第 5 行"},
		{Position{Page: 2}, "第 2 页"},
		{Position{Table: 1, Row: 3, Cell: 2}, "表 1 第 3 行第 2 格"},
		{Position{}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.Describe(); got != tt.want {
			t.Errorf("%+v.Describe() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestCmpFigures(t *testing.T) {
	vals := []string{"0", "3", "3.00", "2.999999999", "99999999999999", "-1", "0.5"}
	for _, a := range vals {
		for _, b := range vals {
			fa, fb := ParseFigure(a), ParseFigure(b)
			if got, want := CmpFigures(&fa, &fb), fa.Value.Cmp(fb.Value); got != want {
				t.Errorf("CmpFigures(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestSubFixed(t *testing.T) {
	const hi, lo = math.MaxInt64, math.MinInt64
	tests := []struct {
		x, y int64
		ok   bool
	}{
		{5, 3, true}, {-5, 3, true}, {hi, 1, true}, {lo, -1, true},
		{hi, -1, false}, {lo, 1, false}, {0, lo, false}, {-1, lo, true}, {hi, hi, true}, {lo, lo, true},
	}
	for _, tt := range tests {
		d, ok := SubFixed(tt.x, tt.y)
		if ok != tt.ok || ok && d != tt.x-tt.y {
			t.Errorf("SubFixed(%d, %d) = %d, %v; want ok %v", tt.x, tt.y, d, ok, tt.ok)
		}
	}
}
