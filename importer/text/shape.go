package text

import "unicode/utf8"

// shape is what one byte scan of the text tells before it is parsed.
type shape struct {
	lines    int // lines, the last one counted even when empty
	tabs     int // TAB characters
	controls int // characters that do not occur in text (isBinaryControl)
	blank    int // empty lines (a lone CR counts as empty)
	text     int // lines that start with neither a TAB nor a line end
}

// scan measures s and checks that it is valid UTF-8, in one pass instead
// of utf8.ValidString's and then a count's: the input is read twice at
// most (here and by the parser) whatever its encoding. It stops at the
// first invalid byte, so the shape is whole only when ok.
//
// Control characters are single bytes below 0x20, which never occur
// inside a multi-byte UTF-8 sequence, so they are counted as bytes. The
// three-byte sequences of the ideographs (and of the full-width
// punctuation) are checked inline; the rest are left to utf8.
func scan(s string) (sh shape, ok bool) {
	sh.lines = 1
	sh.lineStart(s, 0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 0x20:
			case c == '\n':
				sh.lines++
				sh.lineStart(s, i)
			case c == '\t':
				sh.tabs++
			case isBinaryControl(rune(c)):
				sh.controls++
			}
			continue
		}
		// Lead bytes E1–EC and EE–EF take any two continuation bytes;
		// E0 and ED restrict the second byte, so utf8 checks them.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return sh, false
		}
		i += size
	}
	return sh, true
}

// lineStart counts the line starting at byte i of s.
func (sh *shape) lineStart(s string, i int) {
	switch {
	case i >= len(s) || s[i] == '\n' || s[i] == '\r':
		sh.blank++
	case s[i] != '\t':
		sh.text++
	}
}
