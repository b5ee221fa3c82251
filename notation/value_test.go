package notation

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		raw     string
		typ     jixiao.ValueType
		op      jixiao.Op
		number  string
		percent bool
		unit    string
	}{
		{"≥95%", jixiao.Quantitative, jixiao.OpGE, "95", true, ""},
		{"≤30万元", jixiao.Quantitative, jixiao.OpLE, "30", false, "万元"},
		{"=12次", jixiao.Quantitative, jixiao.OpEQ, "12", false, "次"},
		{"100%", jixiao.Quantitative, jixiao.OpNone, "100", true, ""},
		{"≥ 95 %", jixiao.Quantitative, jixiao.OpGE, "95", true, ""},
		{"≥９５％", jixiao.Quantitative, jixiao.OpGE, "95", true, ""},
		{"≧９５．５％", jixiao.Quantitative, jixiao.OpGE, "95.5", true, ""},
		{"不低于95%", jixiao.Quantitative, jixiao.OpGE, "95", true, ""},
		{"不超过30万元", jixiao.Quantitative, jixiao.OpLE, "30", false, "万元"},
		{">=90%", jixiao.Quantitative, jixiao.OpGE, "90", true, ""},
		{"＜5起", jixiao.Quantitative, jixiao.OpLT, "5", false, "起"},
		{"95%以上", jixiao.Quantitative, jixiao.OpGE, "95", true, ""},
		{"1,200人次", jixiao.Quantitative, jixiao.OpNone, "1200", false, "人次"},
		{"0起", jixiao.Quantitative, jixiao.OpNone, "0", false, "起"},
		{"≤500元/户", jixiao.Quantitative, jixiao.OpLE, "500", false, "元/户"},
		{"≥1200人/次", jixiao.Quantitative, jixiao.OpGE, "1200", false, "人/次"},
		{"≤800元/人·月", jixiao.Quantitative, jixiao.OpLE, "800", false, "元/人·月"},
		{"≤3天", jixiao.Quantitative, jixiao.OpLE, "3", false, "天"},
		{"≤1.5万元/人", jixiao.Quantitative, jixiao.OpLE, "1.5", false, "万元/人"},
		{"≥2次/年", jixiao.Quantitative, jixiao.OpGE, "2", false, "次/年"},
		{"500元/户以内", jixiao.Quantitative, jixiao.OpLE, "500", false, "元/户"},
		{"按户/按次发放", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"30/元", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"年度完成", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"按时完成", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"有效", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"显著提升", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"达到预期", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"完成省下达任务的100%以上，质量良好", jixiao.Qualitative, jixiao.OpNone, "0", false, ""},
		{"", "", jixiao.OpNone, "0", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v := ParseValue(tt.raw)
			if v.Type != tt.typ || v.Op != tt.op || v.Number.String() != tt.number || v.Percent != tt.percent || v.Unit != tt.unit {
				t.Errorf("ParseValue(%q) = {%s %q %s %v %q}, want {%s %q %s %v %q}", tt.raw,
					v.Type, v.Op, v.Number, v.Percent, v.Unit, tt.typ, tt.op, tt.number, tt.percent, tt.unit)
			}
			if v.Raw != tt.raw {
				t.Errorf("Raw = %q, want the text as written", v.Raw)
			}
		})
	}
}

func TestParseFigure(t *testing.T) {
	tests := []struct {
		text    string
		valid   bool
		value   string
		percent bool
		unit    string
	}{
		{"674.85", true, "674.85", false, ""},
		{"0.0", true, "0", false, ""},
		{"61.23%", true, "61.23", true, ""},
		{"６１．２３％", true, "61.23", true, ""},
		{"641.2万元", true, "641.2", false, "万元"},
		{"1,234.50", true, "1234.5", false, ""},
		{"-", false, "0", false, ""},
		{"未填", false, "0", false, ""},
		{"12abc", false, "0", false, ""},
		{"", false, "0", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := ParseFigure(tt.text)
			if f.Valid != tt.valid || f.Value.String() != tt.value || f.Percent != tt.percent || f.Unit != tt.unit {
				t.Errorf("ParseFigure(%q) = %+v", tt.text, f)
			}
			if f.Text != tt.text {
				t.Errorf("Text = %q, want it kept as written", f.Text)
			}
			if IsFigure(tt.text) != tt.valid {
				t.Errorf("IsFigure(%q) = %v, want %v", tt.text, !tt.valid, tt.valid)
			}
			if f.Stated() != (tt.text != "") {
				t.Errorf("Stated() = %v: an empty figure is unstated, anything else is stated", f.Stated())
			}
		})
	}
}

// TestIsFigureLongFraction: a fraction longer than the decimal decoder
// accepts is no figure, for IsFigure as for ParseFigure.
func TestIsFigureLongFraction(t *testing.T) {
	for _, places := range []int{decimal.MaxDecodeExponent, decimal.MaxDecodeExponent + 1} {
		s := "0." + strings.Repeat("1", places)
		if got, want := IsFigure(s), ParseFigure(s).Valid; got != want {
			t.Errorf("%d places: IsFigure = %v, ParseFigure.Valid = %v", places, got, want)
		}
	}
}

func TestFigureKeepsTrailingZeros(t *testing.T) {
	if got := ParseFigure("641.20").Text; got != "641.20" {
		t.Errorf("text = %q, want 641.20 as written", got)
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"≥95%", "≤30万元", "=12次", "不低于95%", "≥９５％", "年度完成", "1,2,3", "--1", "≥≥", "95%以上", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := ParseValue(s)
		if v.Type == jixiao.Quantitative && v.Raw == "" {
			t.Fatal("quantitative value from empty text")
		}
		fig := ParseFigure(s)
		if fig.Valid && fig.Text == "" {
			t.Fatal("valid figure from empty text")
		}
		if IsFigure(s) != fig.Valid {
			t.Fatalf("IsFigure(%q) = %v, ParseFigure says Valid = %v", s, !fig.Valid, fig.Valid)
		}
	})
}
