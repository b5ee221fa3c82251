package pdf

import (
	"bytes"
	"encoding/hex"
	"io"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// toUnicode is a font's ToUnicode CMap: the text of each character code.
// ledongthuc/pdf reads these too, but uses them only for fonts without an
// Encoding (a Type 3 font, as Chromium writes for synthetic bold, comes out
// as its glyph names' bytes) and scans every entry for every code; this
// reads the three sections that matter into a map once.
type toUnicode struct {
	lens  []int // code lengths in bytes, from the codespace ranges
	codes map[string]string
}

// maxCMapEntries bounds a CMap's expanded size.
const maxCMapEntries = 1 << 17

// maxCMapBytes bounds the CMap stream read.
const maxCMapBytes = 8 << 20

// readToUnicode parses the font's ToUnicode stream, or returns nil.
func readToUnicode(v pdf.Value) *toUnicode {
	s := v.Key("ToUnicode")
	if s.Kind() != pdf.Stream {
		return nil
	}
	rc := s.Reader()
	b, err := io.ReadAll(io.LimitReader(rc, maxCMapBytes))
	rc.Close()
	if err != nil && len(b) == 0 {
		return nil
	}
	return parseToUnicode(b)
}

// parseToUnicode reads a CMap's codespace ranges, bfchar and bfrange
// sections; nil when it maps nothing.
func parseToUnicode(b []byte) *toUnicode {
	m := &toUnicode{codes: map[string]string{}}
	toks := cmapTokens(b)
	seen := map[int]bool{}
	for i := 0; i < len(toks); i++ {
		switch toks[i].op {
		case "begincodespacerange":
			for i++; i+1 < len(toks) && toks[i].op == ""; i += 2 {
				if n := len(toks[i].str); n > 0 && n <= 4 && !seen[n] {
					seen[n] = true
					m.lens = append(m.lens, n)
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i].op == ""; i += 2 {
				if len(m.codes) < maxCMapEntries && toks[i+1].isStr {
					m.codes[toks[i].str] = utf16Text(toks[i+1].str)
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i].op == ""; i += 3 {
				m.addRange(toks[i].str, toks[i+1].str, toks[i+2])
			}
		}
	}
	if len(m.codes) == 0 {
		return nil
	}
	return m
}

// addRange maps lo..hi, which differ in their last byte only: to dst and
// its successors (dst a string), or to dst's elements (an array).
func (m *toUnicode) addRange(lo, hi string, dst cmapToken) {
	if len(lo) == 0 || len(lo) != len(hi) || lo[:len(lo)-1] != hi[:len(hi)-1] {
		return
	}
	first, last := int(lo[len(lo)-1]), int(hi[len(hi)-1])
	for c, k := first, 0; c <= last && len(m.codes) < maxCMapEntries; c, k = c+1, k+1 {
		code := lo[:len(lo)-1] + string([]byte{byte(c)})
		switch {
		case dst.isStr:
			u := []byte(dst.str)
			if len(u) == 0 {
				return
			}
			u[len(u)-1] += byte(k) // the last byte counts on, as the CMap spec says
			m.codes[code] = utf16Text(string(u))
		case k < len(dst.arr):
			m.codes[code] = utf16Text(dst.arr[k])
		}
	}
}

// text returns the text of one code, if the map has it (a nil map has
// none).
func (m *toUnicode) text(code string) (string, bool) {
	if m == nil {
		return "", false
	}
	s, ok := m.codes[code]
	return s, ok
}

// split cuts raw into codes: the longest code length with an entry, else
// the shortest of the codespace (def when the CMap gives none).
func (m *toUnicode) split(raw string, def int) []string {
	lens := m.lens
	if len(lens) == 0 {
		lens = []int{def}
	}
	var out []string
	for i := 0; i < len(raw); {
		n := 0
		for _, l := range lens {
			if i+l <= len(raw) {
				if _, ok := m.codes[raw[i:i+l]]; ok && l > n {
					n = l
				}
			}
		}
		if n == 0 {
			n = lens[0]
			for _, l := range lens {
				n = min(n, l)
			}
			n = min(n, len(raw)-i)
		}
		out = append(out, raw[i:i+n])
		i += n
	}
	return out
}

func utf16Text(s string) string {
	if len(s)%2 == 1 {
		s += "\x00"
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// cmapToken is one token of a CMap: an operator, a string (hex or
// literal), or an array of strings.
type cmapToken struct {
	op    string
	str   string
	isStr bool
	arr   []string
}

// cmapTokens lexes the PostScript subset a ToUnicode CMap uses: hex and
// literal strings, arrays of strings, names, numbers, operators; the
// dictionaries and comments are skipped. Names and numbers come out as
// operators, which ends any section they appear in.
func cmapTokens(b []byte) []cmapToken {
	var out []cmapToken
	var arr []string
	inArr := false
	emit := func(t cmapToken) {
		if inArr && t.isStr {
			arr = append(arr, t.str)
			return
		}
		out = append(out, t)
	}
	for i := 0; i < len(b) && len(out) < 4*maxCMapEntries; {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return out
			}
			h := bytes.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
					return -1
				}
				return r
			}, b[i+1:i+j])
			if len(h)%2 == 1 {
				h = append(h, '0')
			}
			s, _ := hex.DecodeString(string(h))
			emit(cmapToken{str: string(s), isStr: true})
			i += j + 1
		case c == '(':
			var s []byte
			depth := 0
			for i++; i < len(b); i++ {
				if b[i] == '\\' && i+1 < len(b) {
					i++
					s = append(s, b[i])
					continue
				}
				if b[i] == '(' {
					depth++
				} else if b[i] == ')' {
					if depth == 0 {
						break
					}
					depth--
				}
				s = append(s, b[i])
			}
			i++
			emit(cmapToken{str: string(s), isStr: true})
		case c == '[':
			inArr, arr = true, nil
			i++
		case c == ']':
			if inArr {
				inArr = false
				out = append(out, cmapToken{arr: arr})
			}
			i++
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		default:
			j := i
			for j < len(b) && !bytes.ContainsRune([]byte(" \n\r\t\f\x00<>[]()/%"), rune(b[j])) {
				j++
			}
			if j == i {
				j++ // a lone '/' or other delimiter
			}
			if !inArr {
				out = append(out, cmapToken{op: string(b[i:j])})
			}
			i = j
		}
	}
	return out
}
