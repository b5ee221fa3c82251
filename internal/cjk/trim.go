package cjk

import "unicode/utf8"

// TrimSpace is strings.TrimSpace for the cells the table checks read many
// times per row. Those nearly always begin and end with a CJK ideograph or
// a printable ASCII byte, which no space is; telling that from the first
// and last bytes spares strings.TrimSpace's rune decoding at the end.
func TrimSpace(s string) string {
	if s == "" {
		return s
	}
	n := len(s)
	first, last := s[0], s[n-1]
	startOK := first > ' ' && first < 0x80 || first >= 0xE4 && first <= 0xE9
	endOK := last > ' ' && last < 0x80 || n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && last >= 0x80
	if startOK && endOK {
		return s
	}
	// strings.TrimSpace takes its generic TrimFunc path for text that
	// starts or ends with a non-ASCII rune; this loop is the same trim
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !IsSpace(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}
