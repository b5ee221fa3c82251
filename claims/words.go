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
	for _, r := range s {
		if set.has(r) {
			return true
		}
	}
	return false
}

// startsWithAny and endsWithAny tell whether s can start or end with one
// of the words the set was made from.
func startsWithAny(s string, set *runeSet) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return set.has(r)
}

func endsWithAny(s string, set *runeSet) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return set.has(r)
}

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
