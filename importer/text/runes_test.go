package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/cjk"
)

func FuzzRunes(f *testing.F) {
	for _, s := range []string{"", " ", "\t\u3000\u00a0\u0085\u1680\u2000\u205f一", "abcdefgh一二三四五六七八", "😀\u2028x", "\u3001 a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // decode lets no other text through
		}
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
		want := 0
		for _, r := range s {
			if !cjk.IsSpace(r) {
				break
			}
			want++
		}
		runes, size := leadingSpace(s)
		if runes != want || s[size:] != strings.TrimLeftFunc(s, cjk.IsSpace) {
			t.Errorf("leadingSpace(%q) = %d, %d, want %d runes", s, runes, size, want)
		}
	})
}

// TestSpaceLeads checks the lead bytes leadingSpace decodes are the
// only ones a space can start with.
func TestSpaceLeads(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !cjk.IsSpace(r) || r < utf8.RuneSelf {
			continue
		}
		if b := string(r)[0]; b != 0xC2 && (b < 0xE1 || b > 0xE3) {
			t.Errorf("space %U starts with %#x", r, b)
		}
	}
}
