package cjk

import (
	"testing"
	"unicode"
)

// TestIsSpace: no rune above U+3000 is a space, which IsSpace relies on.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("IsSpace(%U) = %v, unicode.IsSpace says %v", r, IsSpace(r), unicode.IsSpace(r))
		}
	}
}
