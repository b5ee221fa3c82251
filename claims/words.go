package claims

import (
	"unicode/utf8"
)

// runeSet is a set of runes of the Basic Multilingual Plane, tested with a
// load and a mask. The word lists below use one of the runes their words
// start or end with, so that a label none of them can match is passed
// over without trying each word: labels are short, but there are several
// lists and every claim meets most of them.
type runeSet [1 << 16 / 64]uint64

func (rs *runeSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		rs[r/64] |= 1 << (r % 64)
	}
}

func (rs *runeSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && rs[r/64]&(1<<(r%64)) != 0
}

// firstRunes and lastRunes are the sets of the words' first and last runes.
func firstRunes(words ...[]string) *runeSet {
	rs := &runeSet{}
	for _, ws := range words {
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			rs.add(r)
		}
	}
	return rs
}

func lastRunes(words []string) *runeSet {
	rs := &runeSet{}
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		rs.add(r)
	}
	return rs
}

// mayContain reports whether s holds a rune of set, which any word that
// starts with one needs: when it does not, no strings.Contains of them can
// succeed.
func mayContain(s string, set *runeSet) bool {
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if set.has(r) {
			return true
		}
		i += n
	}
	return false
}

// startsWithAny and endsWithAny tell whether s can start or end with one
// of the words the set was made from.
func startsWithAny(s string, set *runeSet) bool {
	if len(s) == 0 {
		return set.has(utf8.RuneError)
	}
	r, _ := decodeRune(s, 0)
	return set.has(r)
}

func endsWithAny(s string, set *runeSet) bool {
	if k := len(s) - 3; k >= 0 && cjkLead(s[k]) && s[k+1]&0xC0 == 0x80 && s[k+2]&0xC0 == 0x80 {
		return set.has(rune(s[k]&0x0F)<<12 | rune(s[k+1]&0x3F)<<6 | rune(s[k+2]&0x3F))
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return set.has(r)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for i < len(s), with the
// three-byte runes of Chinese text decoded inline: the runtime's decoder,
// which range and DecodeRuneInString call for them, costs more than the
// tests labels are put through.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if cjkLead(c) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// cjkLead reports the lead bytes of three-byte sequences that are valid
// whatever continuation bytes follow: E0 and ED restrict their second byte.
func cjkLead(c byte) bool { return c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF }

// trimLeftSeparators is strings.TrimLeft(s, " \t：:，,、").
func trimLeftSeparators(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch r {
		case ' ', '\t', '：', ':', '，', ',', '、':
			s = s[n:]
			continue
		}
		break
	}
	return s
}

// atLeastRunes reports whether s holds n runes or more, counting no
// further than n.
func atLeastRunes(s string, n int) bool {
	if len(s) < n {
		return false // a rune takes at least one byte
	}
	for range s {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}
