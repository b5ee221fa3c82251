package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// layoutText writes a page's words as pdftotext -layout would: one line of
// text per visual line, words placed on a grid of half the body size's
// columns (a CJK character takes two, as in a terminal), so that a gap of
// two columns or more between words (a table's cell boundary) becomes two
// spaces or more, and a first-line indent becomes leading spaces; a
// vertical gap wider than a line becomes a blank line. layoutBlocks reads
// it exactly as it reads pdftotext's.
func layoutText(ws []word) string {
	vls := visualLines(ws)
	if len(vls) == 0 {
		return ""
	}
	col := bodySize(ws) / 2
	left := math.Inf(1)
	for _, w := range ws {
		left = math.Min(left, w.x0)
	}
	var b strings.Builder
	for i, l := range vls {
		if i > 0 {
			prev := vls[i-1]
			if l.y0-prev.y1 > 0.9*(prev.y1-prev.y0) {
				b.WriteByte('\n')
			}
		}
		pos := 0 // columns written on this line
		for k, w := range l.words {
			at := int(math.Round((w.x0 - left) / col))
			switch {
			case k == 0:
				b.WriteString(strings.Repeat(" ", max(at, 0)))
				pos = max(at, 0)
			case w.x0-l.words[k-1].x1 >= 1.5*col:
				n := max(at-pos, 2)
				b.WriteString(strings.Repeat(" ", n))
				pos += n
			case !l.words[k-1].space && w.x0-l.words[k-1].x1 < col && wideEdge(l.words[k-1].text, w.text):
				// Chinese text broken into words by spacing (justified or
				// positioned glyph by glyph): no space was there.
			default:
				b.WriteByte(' ')
				pos++
			}
			b.WriteString(w.text)
			pos += gridWidth(w.text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// wideEdge reports whether a ends or b starts with a wide character.
func wideEdge(a, b string) bool {
	l, _ := utf8.DecodeLastRuneInString(a)
	f, _ := utf8.DecodeRuneInString(b)
	return wide(l) || wide(f)
}

func wide(r rune) bool { return r >= 0x1100 && utf8.RuneLen(r) >= 3 }

// gridWidth is the width of s on the layout grid: two for a wide character,
// one for the rest.
func gridWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// bodySize is the most common word height on the page, the size of its
// body text.
func bodySize(ws []word) float64 {
	hs := make([]float64, 0, len(ws))
	for _, w := range ws {
		hs = append(hs, math.Round(w.h()*2)/2)
	}
	slices.Sort(hs)
	best, bestN := 10.0, 0
	for i := 0; i < len(hs); {
		k := i
		for k < len(hs) && hs[k] == hs[i] {
			k++
		}
		if k-i > bestN && hs[i] > 0 {
			best, bestN = hs[i], k-i
		}
		i = k
	}
	return best
}
