package notation

import (
	"strings"
	"unicode/utf8"
)

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
