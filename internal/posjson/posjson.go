// Package posjson writes an evaluation's provenance, a map of figure keys
// to positions, as JSON without reflection: the bytes encoding/json
// writes for it, with or without its HTML escapes. A provenance holds a
// position for every figure read; encoding/json's map encoder, which
// sorts the keys through reflect values, was half the CPU of encoding a
// revision in a save, and a save encodes a provenance twice (the stored
// revision, the API's answer).
package posjson

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"jixiao"
)

// Append appends prov as json.Marshal writes it (escapeHTML true) or as a
// json.Encoder with SetEscapeHTML(false) does (escapeHTML false, without
// the encoder's final newline). A nil map is written as null, as
// encoding/json writes it.
func Append(b []byte, prov map[string]jixiao.Position, escapeHTML bool) []byte {
	if prov == nil {
		return append(b, "null"...)
	}
	keys := make([]string, 0, len(prov))
	for k := range prov {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return appendSorted(b, keys, prov, escapeHTML)
}

// appendSorted writes prov in the order of keys, its keys sorted.
func appendSorted(b []byte, keys []string, prov map[string]jixiao.Position, escapeHTML bool) []byte {
	// size is the braces and, for each position, its key and what
	// {"line":1234,"col":1} takes (the most a file's position takes),
	// without escapes: the answer in one allocation, most of the time
	size := 2
	for _, k := range keys {
		size += len(k) + 28
	}
	b = slices.Grow(b, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, k, escapeHTML)
		b = append(b, ':')
		b = appendPosition(b, prov[k], escapeHTML)
	}
	return append(b, '}')
}

// appendPosition writes p's fields in their declared order, each left out
// when zero (jixiao.Position's omitempty tags).
func appendPosition(b []byte, p jixiao.Position, escapeHTML bool) []byte {
	b = append(b, '{')
	n := 0
	field := func(name string) {
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	num := func(name string, v int) {
		if v != 0 {
			field(name)
			b = strconv.AppendInt(b, int64(v), 10)
		}
	}
	num("line", p.Line)
	num("col", p.Col)
	num("page", p.Page)
	if p.Sheet != "" {
		field("sheet")
		b = AppendString(b, p.Sheet, escapeHTML)
	}
	num("table", p.Table)
	num("row", p.Row)
	num("cell", p.Cell)
	return append(b, '}')
}

// AppendString appends s quoted as encoding/json quotes it: U+2028 and
// U+2029 escaped, invalid UTF-8 replaced, and HTML's <, > and & escaped
// when escapeHTML. Runs of characters written as they are, most of an
// evaluation's text, are copied at once.
func AppendString(b []byte, s string, escapeHTML bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] is yet to be copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!escapeHTML || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
