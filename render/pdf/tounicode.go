package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// gopdf writes each ToUnicode entry as <glyph><glyph><%04X of the rune>:
// for a character beyond U+FFFF (𠀋, from a fallback font) that is five or
// six hex digits, which is no UTF-16 and which readers drop, so the
// character prints but does not extract. fixToUnicode rewrites such
// entries as the surrogate pair the CMap format wants, and, since that
// lengthens the stream, the stream's /Length and the cross-reference
// offsets of the objects after it. The streams are uncompressed (gopdf
// writes them so) and the PDF has one classic xref table (gopdf's own
// output, never a user's file); anything else is returned unchanged.
var wideEntry = regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})><([0-9A-F]{5,6})>`)

var lengthKey = regexp.MustCompile(`/Length (\d+)`)

func fixToUnicode(b []byte) []byte {
	if !wideEntry.Match(b) {
		return b
	}
	xref := bytes.LastIndex(b, []byte("\nxref\n"))
	if xref < 0 {
		return b
	}
	xref++
	offs, n, ok := readXref(b[xref:])
	if !ok {
		return b
	}
	order := make([]int, 0, len(offs))
	for i, off := range offs {
		if off > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, c int) int { return offs[a] - offs[c] })
	if len(order) == 0 || offs[order[len(order)-1]] >= xref {
		return b
	}
	var out bytes.Buffer
	out.Write(b[:offs[order[0]]])
	newOffs := make([]int, len(offs))
	for k, obj := range order {
		end := xref
		if k+1 < len(order) {
			end = offs[order[k+1]]
		}
		newOffs[obj] = out.Len()
		out.Write(fixObject(b[offs[obj]:end]))
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", n)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", newOffs[i])
	}
	trailer := bytes.Index(b[xref:], []byte("trailer"))
	sx := bytes.LastIndex(b, []byte("startxref"))
	if trailer < 0 || sx < 0 || xref+trailer > sx {
		return b
	}
	out.Write(b[xref+trailer : sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes()
}

// readXref reads a one-section table "xref\n0 N\n" and its N entries,
// giving each object's offset (0 for a free one).
func readXref(b []byte) (offs []int, n int, ok bool) {
	lines := bytes.SplitN(b, []byte("\n"), 3)
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, 0, false
	}
	var first int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &n); err != nil || first != 0 || n <= 0 {
		return nil, 0, false
	}
	rest := lines[2]
	offs = make([]int, n)
	for i := 0; i < n; i++ {
		if len(rest) < 20*(i+1) {
			return nil, 0, false
		}
		e := rest[20*i : 20*(i+1)]
		if e[17] == 'n' {
			v, err := strconv.Atoi(string(e[:10]))
			if err != nil {
				return nil, 0, false
			}
			offs[i] = v
		}
	}
	return offs, n, true
}

// fixObject rewrites the wide entries of one object and its /Length.
func fixObject(obj []byte) []byte {
	if !bytes.Contains(obj, []byte("beginbfrange")) || !wideEntry.Match(obj) {
		return obj
	}
	grown := 0
	fixed := wideEntry.ReplaceAllFunc(obj, func(m []byte) []byte {
		sub := wideEntry.FindSubmatch(m)
		r, err := strconv.ParseUint(string(sub[3]), 16, 32)
		if err != nil || r > 0x10FFFF {
			return m
		}
		hi, lo := utf16.EncodeRune(rune(r))
		s := fmt.Sprintf("<%s><%s><%04X%04X>", sub[1], sub[2], hi, lo)
		grown += len(s) - len(m)
		return []byte(s)
	})
	loc := lengthKey.FindSubmatchIndex(fixed)
	if loc == nil {
		return obj
	}
	old, err := strconv.Atoi(string(fixed[loc[2]:loc[3]]))
	if err != nil {
		return obj
	}
	return slices.Concat(fixed[:loc[2]], []byte(strconv.Itoa(old+grown)), fixed[loc[3]:])
}
