package cjk

import "unicode"

// IsSpace is unicode.IsSpace without its table search for the runes above
// U+3000, ideographs among them, of which none is a space (tested).
func IsSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }
