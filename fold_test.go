package jixiao

import (
	"testing"
	"unicode/utf8"

	"jixiao/internal/cjk"
)

// The domain folds figures with its own copy of internal/cjk's folding (it
// imports nothing of ours): the two must fold every rune, and so every
// text, alike.
func TestFoldAgreesWithCJK(t *testing.T) {
	var all []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := foldRune(r), cjk.FoldRune(r); got != want {
			t.Fatalf("foldRune(%U) = %U, internal/cjk says %U", r, got, want)
		}
		if r <= 0x10000 {
			all = append(all, r)
		}
	}
	if s := string(all); fold(s) != cjk.Fold(s) {
		t.Error("Fold and cjk.Fold differ on the Basic Multilingual Plane")
	}
}
