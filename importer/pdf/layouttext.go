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
// vertical gap wider than a line becomes a blank line, and so does the
// end of a line that stops short of the page's text edge (a paragraph's
// last line: PDFs from word processors mark paragraphs no other way), and
// a change of text size (a heading and the text under it), and a
// numbered heading (一、 （一） 1、 （1）). Words on either
// side of a vertical border (rules) are always two spaces apart: they are
// in different cells. layoutBlocks reads it exactly as it reads
// pdftotext's.
func layoutText(ws []word, rules []hline) string {
	vls := visualLines(ws)
	if len(vls) == 0 {
		return ""
	}
	col := bodySize(ws) / 2
	left := math.Inf(1)
	for _, w := range ws {
		left = math.Min(left, w.x0)
	}
	right, justified := rightEdge(vls)
	var b strings.Builder
	for i, l := range vls {
		if i > 0 {
			prev := vls[i-1]
			last := prev.words[len(prev.words)-1]
			// Short: the line stops before the edge with room left for
			// what starts the next line (ragged text breaks a line only
			// where the next word would not fit: 674.85万元 moved down
			// whole leaves a gap that ends no paragraph).
			room := right - last.x1
			short := justified && room > 3*col && room > firstToken(l.words[0], col)+col && last.x1 > right-40*col
			h0, h1 := prev.y1-prev.y0, l.y1-l.y0
			resized := math.Abs(h0-h1) > 0.1*math.Max(h0, h1) // a heading and its text
			// A numbered heading starts a paragraph, and ends one when it
			// is shorter than the line under it.
			numbered := startsNumbered(l.words[0].text) ||
				startsNumbered(prev.words[0].text) && last.x1 < l.words[len(l.words)-1].x1-3*col
			if l.y0-prev.y1 > 0.9*h0 || short || resized || numbered {
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
			case w.x0-l.words[k-1].x1 >= 1.5*col || column(rules, l.words[k-1].x1-0.5, w.x0+0.5, (w.y0+w.y1)/2):
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

// startsNumbered reports text that opens with a heading number: 一、
// （一） (一) 1、 1. （1）.
func startsNumbered(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 {
		return false
	}
	i := 0
	open := rs[0] == '（' || rs[0] == '('
	if open {
		i = 1
	}
	k := i
	for k < len(rs) && (strings.ContainsRune("一二三四五六七八九十", rs[k]) || rs[k] >= '0' && rs[k] <= '9') && k-i < 3 {
		k++
	}
	if k == i || k >= len(rs) {
		return false
	}
	if open {
		return rs[k] == '）' || rs[k] == ')'
	}
	return rs[k] == '、' || rs[k] == '．' || (rs[k] == '.' && rs[i] >= '0' && rs[i] <= '9' && k+1 < len(rs) && !(rs[k+1] >= '0' && rs[k+1] <= '9'))
}

// firstToken is the width of what opens w's text and cannot be broken:
// one wide character, or a run of narrow ones (a number, a Latin word).
func firstToken(w word, col float64) float64 {
	n := 0
	for _, r := range w.text {
		if wide(r) {
			if n == 0 {
				return 2 * col
			}
			break
		}
		n++
	}
	return float64(n) * col
}

// rightEdge is where most lines of the page end: the right margin of its
// body text, when at least three lines end there.
func rightEdge(vls []vline) (float64, bool) {
	n := map[float64]int{}
	best, bestN := 0.0, 0
	for _, l := range vls {
		x := math.Round(l.words[len(l.words)-1].x1 / 2)
		n[x]++
		if n[x] > bestN || n[x] == bestN && x > best {
			best, bestN = x, n[x]
		}
	}
	return best * 2, bestN >= 3
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
