// Package cjk holds the text helpers for Chinese documents that the
// importers, the extractor and the checks share: folding the full-width and
// look-alike characters of figures to ASCII, and space tests and trims made
// for text that is mostly ideographs.
//
// The domain package holds no text helpers (it imports only the standard
// library and the decimal type); parsing figures, values and heading numbers,
// which needs folding, is jixiao/notation's.
package cjk

import (
	"strings"
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
	case '＝', '﹦': // (full-width, and the small form a 繁體 conversion leaves)
		return '='
	case '＞', '﹥':
		return '>'
	case '＜', '﹤':
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
