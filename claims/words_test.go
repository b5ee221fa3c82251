package claims

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRune holds decodeRune and endsWithAny's inline decoding to
// package utf8 on every three-byte sequence with a lead from E0 to EF,
// alone and cut short.
func TestDecodeRune(t *testing.T) {
	var all runeSet
	for r := rune(0); r < 1<<16; r++ {
		if r%3 == 0 {
			all.add(r) // a set that tells most runes apart
		}
	}
	var b [3]byte
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := range 256 {
			for c2 := range 256 {
				b = [3]byte{byte(c), byte(c1), byte(c2)}
				for _, s := range []string{string(b[:]), string(b[:2])} {
					r, n := decodeRune(s, 0)
					if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
						t.Fatalf("decodeRune(%q) = %U, %d; utf8 gives %U, %d", s, r, n, wr, wn)
					}
					wr, _ := utf8.DecodeLastRuneInString(s)
					if got, want := endsWithAny(s, &all), all.has(wr); got != want {
						t.Fatalf("endsWithAny(%q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}
