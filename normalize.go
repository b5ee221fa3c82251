package jixiao

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold maps the full-width and look-alike characters that Chinese documents
// use in figures (０-９, ％, ．, ＝, ＞, ＜, ≧, ≦, －, full-width space) to
// their ASCII or canonical forms, rune for rune, so that positions in the
// folded text match positions in the original. Narrative text is displayed
// as written; Fold is for matching only.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

// isFolded reports whether Fold would change nothing. Every rune FoldRune
// maps is encoded with one of four leading bytes (full-width forms and ﹣
// 0xEF, U+00A0 0xC2, U+3000 0xE3, ≦ ≧ − 0xE2), and a leading byte never
// occurs inside another rune's encoding, so only runes starting with one of
// them are decoded: in Chinese text that is the full-width punctuation
// (，：（）), not the ideographs around it.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xC2, 0xE2, 0xE3, 0xEF:
			if r, _ := utf8.DecodeRuneInString(s[i:]); FoldRune(r) != r {
				return false
			}
		}
	}
	return true
}

// IsSpace is unicode.IsSpace without its table search for the runes above
// U+3000, ideographs among them, of which none is a space (tested).
func IsSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }

// FoldRune folds one rune as Fold does.
func FoldRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'A'
	case r >= 'ａ' && r <= 'ｚ':
		return r - 'ａ' + 'a'
	}
	switch r {
	case '％':
		return '%'
	case '．':
		return '.'
	case '＝':
		return '='
	case '＞':
		return '>'
	case '＜':
		return '<'
	case '≧':
		return '≥'
	case '≦':
		return '≤'
	case '－', '−', '﹣':
		return '-'
	case '＋':
		return '+'
	case '\u3000', '\u00a0':
		return ' '
	}
	return r
}

// squeeze removes every space from a folded figure ("≥ 95 %" → "≥95%") and
// thousands separators between digits ("1,234.5" → "1234.5").
func squeeze(s string) string {
	if !hasSqueezable(s) && utf8.ValidString(s) {
		return s // nothing to remove, as in most figures
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == ' ' || r == '\t' || r == '\r' || r == '\n':
			continue
		case (r == ',' || r == '，') && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasSqueezable reports whether valid UTF-8 s holds a rune squeeze may
// drop: a space, a tab, a line end, ',' or '，' (EF BC 8C).
func hasSqueezable(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n', ',':
			return true
		case 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x8C {
				return true
			}
		}
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
