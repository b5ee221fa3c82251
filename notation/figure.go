package notation

import (
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
)

// ParseFigure reads a stated figure. It never fails: text that holds no
// number gives a Figure that is stated but not Valid.
func ParseFigure(text string) jixiao.Figure {
	f := jixiao.Figure{Text: strings.TrimSpace(text)}
	num, unit, percent, ok := figureParts(f.Text)
	if !ok {
		return f
	}
	d, err := decimal.NewFromString(num)
	if err != nil {
		return f
	}
	f.Value, f.Valid = d, true
	f.Percent, f.Unit = percent, unit
	return f
}

// IsFigure reports whether ParseFigure(text).Valid, without making the
// decimal: the extractor asks it of every cell to tell labels from values.
func IsFigure(text string) bool {
	num, _, _, ok := figureParts(strings.TrimSpace(text))
	if !ok {
		return false
	}
	// A literal leadingNumber returns is one decimal.NewFromString accepts
	// unless its exponent is out of the decoder's range.
	if i := strings.IndexByte(num, '.'); i >= 0 && len(num)-i-1 > decimal.MaxDecodeExponent {
		return false
	}
	return true
}

// figureParts splits a trimmed figure into its decimal literal and what
// follows it: a unit or a percent sign. ok is false when there is no
// number, or something other than a unit follows it.
func figureParts(trimmed string) (num, unit string, percent, ok bool) {
	num, rest := leadingNumber(squeeze(cjk.Fold(trimmed)))
	switch {
	case num == "":
		return "", "", false, false
	case rest == "%":
		return num, "", true, true
	case rest != "" && !isUnit(rest):
		return "", "", false, false
	}
	return num, rest, false, true
}

// leadingNumber splits s into a decimal literal at its start and the rest.
func leadingNumber(s string) (num, rest string) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return "", s
	}
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return s[:i], s[i:]
}

var units = map[string]bool{
	"元": true, "万元": true, "亿元": true, "千元": true, "分": true, "个": true, "次": true,
	"件": true, "人": true, "人次": true, "户": true, "家": true, "项": true, "场": true,
	"天": true, "日": true, "月": true, "年": true, "小时": true, "个月": true, "所": true,
	"期": true, "份": true, "篇": true, "条": true, "台": true, "套": true, "辆": true,
	"公里": true, "千米": true, "米": true, "平方米": true, "亩": true, "吨": true, "座": true,
	"批": true, "起": true, "名": true, "册": true, "本": true, "万人": true, "万册": true,
	"批次": true, "所次": true, "课时": true, "学时": true, "张": true, "处": true, "宗": true,
	"‰": true, "倍": true, "万": true, "亿": true,
}

// isUnit reports whether s reads as a measurement unit: a known one, or a
// short run of CJK characters after a number ("12场次").
func isUnit(s string) bool {
	if units[s] {
		return true
	}
	n := 0
	for _, r := range s {
		if r < 0x4e00 || r > 0x9fff {
			return false
		}
		n++
	}
	return n > 0 && n <= 3
}
