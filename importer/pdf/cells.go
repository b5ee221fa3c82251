package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table drawn in a PDF has no cells, only words at positions. The layout
// text loses what a table needs: a cell wrapped over two lines is centred
// on its row, so its lines fall above and below the row's other cells, and
// a cell merged over rows sits between them. From the words' boxes this
// file rebuilds the cells (words close on a line, lines stacked tight in
// one column), the rows (cells sharing a vertical centre), the columns (a
// header row's labels) and the merged cells (a label column's cells, each
// centred on the rows it spans).

// bcell is a cell rebuilt from words.
type bcell struct {
	x0, y0, x1, y1 float64
	h              float64  // line height
	lines          []string // its text, one entry per line
	row            int      // index of its row; -1 while floating
	span           int      // rows covered, from row
}

func (c *bcell) cx() float64 { return (c.x0 + c.x1) / 2 }
func (c *bcell) cy() float64 { return (c.y0 + c.y1) / 2 }

// text joins the cell's lines the way a paragraph's are joined: directly
// inside Chinese text, with a space between Latin words.
//
// A line that is a label and its colon alone, followed by a line of its
// own label and colon, is an item of a breakdown (纳入专户管理的非税收入拨款：
// stated empty, then 其他资金：2880万元): the two are kept apart by a line
// break, as a document's cell keeps its paragraphs, or the empty item
// would take the next one's label.
func (c *bcell) text() string {
	var b strings.Builder
	for i, s := range c.lines {
		if i > 0 && colonEnd(c.lines[i-1]) && strings.ContainsAny(s, ":：") {
			b.WriteByte('\n')
			b.WriteString(s)
			continue
		}
		appendJoined(&b, s)
	}
	return b.String()
}

func colonEnd(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

func appendJoined(b *strings.Builder, s string) {
	if b.Len() > 0 {
		prev, _ := utf8.DecodeLastRuneInString(b.String())
		next, _ := utf8.DecodeRuneInString(s)
		if prev < utf8.RuneSelf && next < utf8.RuneSelf && !unicode.IsSpace(prev) && prev != '-' {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s)
}

// vline is the words of one visual line, left to right.
type vline struct {
	y0, y1 float64
	words  []word
}

// visualLines groups words whose boxes sit at the same height.
func visualLines(ws []word) []vline {
	ws = slices.Clone(ws)
	slices.SortStableFunc(ws, func(a, b word) int {
		if c := cmpFloat(a.y0, b.y0); c != 0 {
			return c
		}
		return cmpFloat(a.x0, b.x0)
	})
	var out []vline
	for _, w := range ws {
		if n := len(out); n > 0 && math.Abs(w.y0-out[n-1].y0) < 0.3*w.h() && math.Abs(w.y1-out[n-1].y1) < 0.3*w.h() {
			out[n-1].words = append(out[n-1].words, w)
			continue
		}
		out = append(out, vline{y0: w.y0, y1: w.y1, words: []word{w}})
	}
	for i := range out {
		slices.SortStableFunc(out[i].words, func(a, b word) int { return cmpFloat(a.x0, b.x0) })
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// squeeze removes white space, for comparing layout text with words.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func (l vline) text() string {
	var b strings.Builder
	for _, w := range l.words {
		b.WriteString(w.text)
	}
	return b.String()
}

// hline is a line drawn on a page, in points from its top left: a
// table's border, horizontal (x0 < x1 at y) or vertical (vertical set, at
// x0 from y to y1).
type hline struct {
	x0, x1, y float64
	vertical  bool
	y1        float64
}

// buildCells cuts visual lines into segments at gaps wider than a cell's
// padding, and stacks each segment under the cell right above it when the
// two overlap horizontally: the lines of one wrapped cell.
func buildCells(lines []vline) []*bcell { return buildRuled(lines, nil) }

// ruled says whether a border is drawn between a cell ending at y0 and a
// line starting at y1, across the columns x0..x1 they share.
func ruled(rules []hline, x0, x1, y0, y1 float64) bool {
	for _, r := range rules {
		if !r.vertical && r.y > y0-0.5 && r.y < y1+0.5 && r.x0 < x0+1 && r.x1 > x1-1 {
			return true
		}
	}
	return false
}

// column says whether a vertical border stands between x0 and x1 at
// height y: two words on either side are in different cells.
func column(rules []hline, x0, x1, y float64) bool {
	for _, r := range rules {
		if r.vertical && r.x0 > x0 && r.x0 < x1 && r.y <= y && r.y1 >= y {
			return true
		}
	}
	return false
}

// boxed says whether borders are drawn above top and below bottom across
// x0..x1, within a tall merged cell's height: the lines lie in one column
// of a bordered table, where only a border separates rows.
func boxed(rules []hline, x0, x1, top, bottom, h float64) bool {
	above, below := false, false
	for _, r := range rules {
		if !r.vertical && r.x0 < x0+1 && r.x1 > x1-1 {
			above = above || r.y < top+0.5 && r.y > top-40*h
			below = below || r.y > bottom-0.5 && r.y < bottom+40*h
		}
	}
	return above && below
}

// buildRuled is buildCells on a page whose borders are known (rules, from
// the pure-Go reader): lines with a border between them are never one
// cell's, and inside a bordered column lines up to most of a line apart
// are, whatever the producer's line spacing. Elsewhere, and without
// borders, a cell's lines must touch (a gap under a quarter of their
// height), as pdftotext's taller boxes give for most producers.
func buildRuled(lines []vline, rules []hline) []*bcell {
	var cells, open []*bcell
	for _, l := range lines {
		var segs []*bcell
		var prev word
		apart := tabular(l)
		for _, w := range l.words {
			h := w.h()
			if n := len(segs); n > 0 && w.x0-segs[n-1].x1 < 0.45*h && !(apart && placedApart(prev, w)) && !column(rules, segs[n-1].x1-0.5, w.x0+0.5, (w.y0+w.y1)/2) {
				prev = w
				s := segs[n-1]
				var b strings.Builder
				b.WriteString(s.lines[0])
				appendJoined(&b, w.text)
				s.lines[0] = b.String()
				s.x1 = math.Max(s.x1, w.x1)
				s.y0, s.y1 = math.Min(s.y0, w.y0), math.Max(s.y1, w.y1)
				continue
			}
			segs = append(segs, &bcell{x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, h: h, lines: []string{w.text}, row: -1})
			prev = w
		}
		// Cells more than a line above this one can take no more lines.
		keep := open[:0]
		for _, c := range open {
			if c.y1 > l.y0-c.h {
				keep = append(keep, c)
			}
		}
		open = keep
		for _, s := range segs {
			var into *bcell
			for _, c := range open {
				if !(s.x0 < c.x1 && s.x1 > c.x0) {
					continue
				}
				gap := s.y0 - c.y1
				x0, x1 := math.Max(s.x0, c.x0), math.Min(s.x1, c.x1)
				if len(rules) > 0 && ruled(rules, x0, x1, c.y1, s.y0) {
					continue
				}
				if math.Abs(gap) < 0.25*s.h || gap > 0 && gap < 0.8*s.h && boxed(rules, x0, x1, c.y0, s.y1, s.h) {
					into = c
					break
				}
			}
			if into == nil {
				cells = append(cells, s)
				open = append(open, s)
				continue
			}
			into.lines = append(into.lines, s.lines[0])
			into.x0, into.x1 = math.Min(into.x0, s.x0), math.Max(into.x1, s.x1)
			into.y1 = math.Max(into.y1, s.y1)
		}
	}
	return cells
}

// placedApart reports two words of the pure-Go reader, side by side on
// a line, that the producer placed apart: no space ends the first, and a
// gap wider than the reader's own word gap lies between them. A cell's
// text is drawn as one run, so they are two cells' texts however close
// (LibreOffice leaves under half a line between the header labels
// 全年执行数 and 分值 of a table drawn without borders).
//
// Between a Chinese character and a Latin letter or digit, LibreOffice
// and Word add a gap of about a quarter of the size of their own
// (autospace), with no space character: inside a sentence (年初预算数为
// 495.66万元) that gap, about a fifth of a line's height, is no cell's
// edge; there it takes a gap wider than any autospace (群众生产生活 | 10 is
// two fifths).
func placedApart(a, b word) bool {
	gap := b.x0 - a.x1
	if !a.glyphs || !b.glyphs || a.space || gap <= 0.2*b.h() {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a.text)
	first, _ := utf8.DecodeRuneInString(b.text)
	return !latin(last) && !latin(first) || gap > 0.3*b.h()
}

func latin(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// tabular reports a line whose words may be cut apart (placedApart): not
// a justified paragraph's line, which spreads its characters one by one
// all along it. A table row has at most a few gaps beside a word of one
// character (a header set close, 一级指标 二级指标 三级指标, has none).
func tabular(l vline) bool {
	n := 0
	for i := 1; i < len(l.words); i++ {
		a, b := l.words[i-1], l.words[i]
		lone := utf8.RuneCountInString(a.text) == 1 || utf8.RuneCountInString(b.text) == 1
		if g := b.x0 - a.x1; lone && placedApart(a, b) && g < b.h() {
			n++
		}
	}
	return n <= 3
}

// brow is a row of a table: the cells centred on it.
type brow struct {
	cells  []*bcell
	y0, y1 float64 // the band its cells cover
	cy     float64
}

// region is one table on a page: its rows top to bottom, and the cells
// merged over several of them.
type region struct {
	rows     []*brow
	floating []*bcell
	y0, y1   float64
	pad      float64 // see padding; < 0 until known
	place    *placement
	// foot: the page's last region, below which stands only furniture
	// (a page number): the table may go on over the page break.
	foot bool
}

// findRegions groups cells into rows by their vertical centre and rows
// into tables: runs of rows with two or more cells, where a lone cell may
// stand between them (a split's heading), and cells that overlap a row
// without sharing its centre are merged ones. A table has two rows or
// more, but for the first on a page when lone accepts it: the last row of
// a table from the page before (lone is nil when there is none).
func findRegions(cells []*bcell, lone func(*region) bool) []*region {
	return findRuled(cells, lone, nil)
}

// spanned says whether a vertical border runs from y0 down to y1: the
// space between two rows lies inside one table (a tall cell whose text a
// spreadsheet centres leaves a gap no text crosses).
func spanned(rules []hline, y0, y1 float64) bool {
	for _, r := range rules {
		if r.vertical && r.y <= y0+1 && r.y1 >= y1-1 {
			return true
		}
	}
	return false
}

// findRuled is findRegions on a page whose borders are known: rows more
// than 2.5 lines apart still make one table when a column line runs
// between them.
func findRuled(cells []*bcell, lone func(*region) bool, rules []hline) []*region {
	sorted := slices.Clone(cells)
	slices.SortStableFunc(sorted, func(a, b *bcell) int { return cmpFloat(a.cy(), b.cy()) })
	var rows []*brow
	for _, c := range sorted {
		if n := len(rows); n > 0 && math.Abs(c.cy()-rows[n-1].cy) < 0.2*c.h {
			r := rows[n-1]
			r.cells = append(r.cells, c)
			r.y0, r.y1 = math.Min(r.y0, c.y0), math.Max(r.y1, c.y1)
			continue
		}
		rows = append(rows, &brow{cells: []*bcell{c}, y0: c.y0, y1: c.y1, cy: c.cy()})
	}
	var anchors []*brow
	var floating []*bcell
	for i, r := range rows {
		if len(r.cells) >= 2 || !overlapsMulti(rows, i) {
			anchors = append(anchors, r)
			continue
		}
		floating = append(floating, r.cells[0])
	}
	anchors, floating = squeezed(anchors, floating)
	var regions []*region
	for i := 0; i < len(anchors); {
		if len(anchors[i].cells) < 2 {
			i++
			continue
		}
		last := i // the last row with two or more cells
		for k := i + 1; k < len(anchors); k++ {
			if anchors[k].y0-anchors[k-1].y1 > 2.5*anchors[k].cells[0].h && !spanned(rules, anchors[k-1].y1, anchors[k].y0) {
				break
			}
			if len(anchors[k].cells) >= 2 {
				last = k
			}
		}
		if last > i && trailing(anchors[i:last+1], anchors[last+1:], floating) {
			last = len(anchors) - 1 // the table's last rows, a cell each, end the page
		}
		reg := &region{rows: anchors[i : last+1], pad: -1}
		if len(reg.rows) >= 2 || lone != nil && len(regions) == 0 {
			reg.y0, reg.y1 = reg.rows[0].y0, reg.rows[len(reg.rows)-1].y1
			regions = append(regions, reg)
		}
		i = last + 1
	}
	for _, c := range floating {
		for _, reg := range regions {
			if c.cy() >= reg.y0 && c.cy() <= reg.y1 {
				reg.floating = append(reg.floating, c)
				reg.y0, reg.y1 = math.Min(reg.y0, c.y0), math.Max(reg.y1, c.y1)
				break
			}
		}
	}
	if len(regions) > 0 && len(regions[0].rows) < 2 && !lone(regions[0]) {
		regions = regions[1:]
	}
	if n := len(regions); n > 0 {
		last := regions[n-1]
		last.foot = !slices.ContainsFunc(cells, func(c *bcell) bool {
			return c.y0 > last.y1 && utf8.RuneCountInString(c.text()) > maxFurniture
		})
	}
	return regions
}

// trailing reports that rest, the rows below a table's rows to the end of
// the page, each of one cell, are the table's last rows: a copy cut inside
// a group leaves an 二级 label whose indicators it lost (成本指标), or a
// few rows of one cell each (a placeholder …… under an indicator, the
// first characters of the next 二级, 生态). Each lies within a row's gap
// of the one above it, holds a label or a placeholder on one line, and
// starts where cells of the table start other than its left edge (its
// rows' or the merged ones' among floating); a paragraph after the table
// starts at the left margin and is not.
func trailing(rows, rest []*brow, floating []*bcell) bool {
	if len(rest) == 0 {
		return false
	}
	left := math.Inf(1)
	for _, o := range rows {
		for _, oc := range o.cells {
			left = math.Min(left, oc.x0)
		}
	}
	top, prev := rows[0], rows[len(rows)-1]
	var starts []float64
	for _, o := range rows {
		for _, oc := range o.cells {
			starts = append(starts, oc.x0)
		}
	}
	for _, c := range floating {
		if c.cy() > top.y0 && c.cy() < rest[len(rest)-1].y1 {
			starts = append(starts, c.x0)
		}
	}
	for _, r := range rest {
		if len(r.cells) != 1 {
			return false
		}
		c := r.cells[0]
		if r.y0-prev.y1 > 1.5*c.h || !(isLabel(c.text()) || placeholder(c.text())) || len(c.lines) > 1 || c.x0 < left+c.h || !slices.ContainsFunc(starts, func(x float64) bool { return math.Abs(x-c.x0) < 0.5 }) {
			return false
		}
		prev = r
	}
	return true
}

// placeholder reports a cell holding only dots, the …… a form leaves in a
// row for indicators not listed.
func placeholder(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "…⋯.·") == ""
}

// squeezed takes out of anchors, into floating, each row of one label
// between two rows of two cells or more that stand no further apart than
// half a line more than the rows next to them do: no room for a row of
// its own, which would need a row's gap on either side. It is a label
// merged over the two rows and centred between them, its text clear of
// theirs (as LibreOffice pads a table's cells).
func squeezed(anchors []*brow, floating []*bcell) ([]*brow, []*bcell) {
	multi := func(k int) bool { return k >= 0 && k < len(anchors) && len(anchors[k].cells) >= 2 }
	gap := func(k int) float64 { // between rows k and k+1, both of cells
		if multi(k) && multi(k+1) {
			return anchors[k+1].y0 - anchors[k].y1
		}
		return math.Inf(1)
	}
	out := anchors[:0:0]
	for k, r := range anchors {
		if len(r.cells) == 1 && isLabel(r.cells[0].text()) && multi(k-1) && multi(k+1) &&
			anchors[k+1].y0-anchors[k-1].y1 < math.Min(gap(k-2), gap(k+1))+0.5*r.cells[0].h {
			floating = append(floating, r.cells[0])
			continue
		}
		out = append(out, r)
	}
	return out, floating
}

// overlapsMulti reports whether a lone cell's row overlaps a row of two or
// more cells: then it is a cell merged over rows, not a row of its own.
// Rows are sorted by centre, so only near ones can overlap; the window
// bounds the work on a page of many rows.
//
// A cell merged over two rows whose own cells wrap to fill them sits
// exactly between them, its text touching theirs without overlapping:
// touching a row of two or more cells above and one below counts too (a
// split's heading, a row of its own, stands clear of both).
func overlapsMulti(rows []*brow, i int) bool {
	r := rows[i]
	eps := 0.1 * r.cells[0].h
	above, below := false, false
	for k := max(0, i-overlapWindow); k < len(rows) && k <= i+overlapWindow; k++ {
		o := rows[k]
		if k == i || len(o.cells) < 2 {
			continue
		}
		if r.y0 < o.y1-eps && r.y1 > o.y0+eps {
			return true
		}
		above = above || k < i && r.y0 < o.y1+eps && r.y0 > o.y1-eps
		below = below || k > i && r.y1 > o.y0-eps && r.y1 < o.y0+eps
	}
	return above && below
}

const overlapWindow = 64
