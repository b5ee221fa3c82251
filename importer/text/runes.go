package text

import (
	"math/bits"
	"unicode/utf8"

	"jixiao/internal/cjk"
)

// runeCount is utf8.RuneCountInString for valid UTF-8, which all text the
// parser sees is (decode): every byte but a continuation byte (10xxxxxx)
// starts a rune, so the continuation bytes are counted, eight at a time,
// instead of decoding the runes.
func runeCount(s string) int {
	const high = 0x8080808080808080
	cont, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// a byte's bit 7 set and bit 6 (shifted to bit 7) clear
		cont += bits.OnesCount64(x &^ (x << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// leadingSpace counts the spaces s starts with, in runes and in bytes.
// Only ASCII spaces and runes led by C2, E1, E2 or E3 can be spaces, so
// most text is told from its first byte without decoding it.
func leadingSpace(s string) (runes, size int) {
	for size < len(s) {
		c := s[size]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			size++
			runes++
			continue
		}
		if c != 0xC2 && (c < 0xE1 || c > 0xE3) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[size:])
		if !cjk.IsSpace(r) {
			break
		}
		size += n
		runes++
	}
	return runes, size
}
