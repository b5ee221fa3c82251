package notation

import (
	"strings"
	"unicode/utf8"

	"jixiao/internal/cjk"
)

// HeadingNumber is the section numbering at the start of a heading or a
// numbered paragraph, as Chinese official documents write it.
type HeadingNumber struct {
	Text    string // as written, delimiter included: "一、", "（二）", "3."
	Style   string // one of the Heading* styles
	Ordinal int    // 1 for 一 and for 1
	Level   int    // the usual outline level of the style: 1 for 一、 … 4 for （1）
}

// Numbering styles, in the outline order official documents use them
// (一、 → （一） → 1、/1. → （1）).
const (
	HeadingChineseDun   = "chinese-dun"   // 一、
	HeadingChineseParen = "chinese-paren" // （一） or (一)
	HeadingArabicDun    = "arabic-dun"    // 1、
	HeadingArabicDot    = "arabic-dot"    // 1. or 1．
	HeadingArabicParen  = "arabic-paren"  // （1） or (1)
)

// headingLevels gives each style its conventional outline level.
var headingLevels = map[string]int{
	HeadingChineseDun: 1, HeadingChineseParen: 2,
	HeadingArabicDun: 3, HeadingArabicDot: 3, HeadingArabicParen: 4,
}

// ParseHeading reads the section number at the start of text (leading
// spaces, ideographic ones included, are skipped) and returns it with the
// rest of the text, left-trimmed. Chinese numerals go up to 九十九, Arabic
// ones (ASCII or full-width) up to three digits. "1.5万元" is not a number
// followed by a heading: a dot must not be followed by a digit. It looks at
// the first few runes only, so its cost does not grow with the text.
func ParseHeading(text string) (h HeadingNumber, rest string, ok bool) {
	s := trimLeftSpace(text)
	if r, _ := firstRune(s); r != '（' && r != '(' && !isDigitRune(r) && r != '十' && chineseDigit(r) == 0 {
		// Most text starts with neither a bracket nor a numeral: it is
		// turned away on its first rune, as the steps below would.
		return HeadingNumber{}, text, false
	}
	open, afterOpen := cutOpenParen(s)
	if open != "" {
		num, n, after, ok := cutNumber(afterOpen)
		if !ok {
			return HeadingNumber{}, text, false
		}
		closing, after2 := cutCloseParen(after)
		if closing == "" {
			return HeadingNumber{}, text, false
		}
		style := HeadingArabicParen
		if num == chineseNumber {
			style = HeadingChineseParen
		}
		written := s[:len(s)-len(after2)]
		return makeHeading(written, style, n), trimLeftSpace(after2), true
	}
	num, n, after, ok := cutNumber(s)
	if !ok {
		return HeadingNumber{}, text, false
	}
	var style string
	switch {
	case strings.HasPrefix(after, "、"):
		after = after[len("、"):]
		style = HeadingArabicDun
		if num == chineseNumber {
			style = HeadingChineseDun
		}
	case num == arabicNumber && (strings.HasPrefix(after, ".") || strings.HasPrefix(after, "．")):
		_, size := firstRune(after)
		next, _ := firstRune(after[size:])
		if cjk.FoldRune(next) >= '0' && cjk.FoldRune(next) <= '9' {
			return HeadingNumber{}, text, false
		}
		after = after[size:]
		style = HeadingArabicDot
	default:
		return HeadingNumber{}, text, false
	}
	written := s[:len(s)-len(after)]
	return makeHeading(written, style, n), trimLeftSpace(after), true
}

func makeHeading(written, style string, n int) HeadingNumber {
	return HeadingNumber{Text: written, Style: style, Ordinal: n, Level: headingLevels[style]}
}

type numberKind int

const (
	arabicNumber numberKind = iota + 1
	chineseNumber
)

// cutNumber reads an Arabic number of up to three digits or a Chinese
// numeral from 一 to 九十九 at the start of s.
func cutNumber(s string) (kind numberKind, n int, rest string, ok bool) {
	i, digits := 0, 0
	for i < len(s) && digits < 4 {
		r, size := firstRune(s[i:])
		d := cjk.FoldRune(r)
		if d < '0' || d > '9' {
			break
		}
		n = n*10 + int(d-'0')
		i += size
		digits++
	}
	if digits > 0 {
		if digits > 3 || n == 0 {
			return 0, 0, s, false
		}
		return arabicNumber, n, s[i:], true
	}
	n, rest, ok = cutChineseNumeral(s)
	return chineseNumber, n, rest, ok
}

// chineseDigit is the value of 一 … 九, 0 for any other rune. Every
// paragraph's first runes are looked up: a switch, not a map.
func chineseDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// cutChineseNumeral reads 一…九, 十, 十一…十九, 二十…九十九.
func cutChineseNumeral(s string) (int, string, bool) {
	var rs [3]rune
	var sizes [3]int
	k, off := 0, 0
	for k < 3 && off < len(s) {
		r, size := firstRune(s[off:])
		if r != '十' && chineseDigit(r) == 0 {
			break
		}
		rs[k], sizes[k] = r, size
		off += size
		k++
	}
	// Try the longest reading first, then shorter prefixes.
	for ; k > 0; k-- {
		if n, ok := chineseValue(rs[:k]); ok {
			used := 0
			for _, z := range sizes[:k] {
				used += z
			}
			return n, s[used:], true
		}
	}
	return 0, s, false
}

func chineseValue(rs []rune) (int, bool) {
	switch len(rs) {
	case 1:
		if rs[0] == '十' {
			return 10, true
		}
		return chineseDigit(rs[0]), chineseDigit(rs[0]) > 0
	case 2:
		if rs[0] == '十' && chineseDigit(rs[1]) > 0 {
			return 10 + chineseDigit(rs[1]), true
		}
		if chineseDigit(rs[0]) > 1 && rs[1] == '十' {
			return chineseDigit(rs[0]) * 10, true
		}
	case 3:
		if chineseDigit(rs[0]) > 1 && rs[1] == '十' && chineseDigit(rs[2]) > 0 {
			return chineseDigit(rs[0])*10 + chineseDigit(rs[2]), true
		}
	}
	return 0, false
}

func cutOpenParen(s string) (string, string) {
	for _, p := range []string{"（", "("} {
		if strings.HasPrefix(s, p) {
			return p, trimLeftSpace(s[len(p):])
		}
	}
	return "", s
}

func cutCloseParen(s string) (string, string) {
	s2 := trimLeftSpace(s)
	for _, p := range []string{"）", ")"} {
		if strings.HasPrefix(s2, p) {
			return p, s2[len(p):]
		}
	}
	return "", s
}

func trimLeftSpace(s string) string {
	if len(s) == 0 || s[0] != ' ' && s[0] != '\t' && s[0] != 0xE3 && s[0] != 0xC2 {
		return s // U+3000 starts with 0xE3 and U+00A0 with 0xC2: nothing to trim
	}
	return strings.TrimLeft(s, " \t\u3000\u00a0")
}

// isDigitRune reports an ASCII or full-width digit.
func isDigitRune(r rune) bool {
	d := cjk.FoldRune(r)
	return d >= '0' && d <= '9'
}

// firstRune decodes the first rune of s; (RuneError, 0) for an empty string.
func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
