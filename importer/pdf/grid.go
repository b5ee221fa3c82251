package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"jixiao"
)

// segment is a run of a region's rows read against one header row (a
// block), or without one (plain rows, read left to right).
type segment struct {
	from, to int    // rows [from, to)
	hdr      *brow  // nil for plain rows
	slots    []slot // a block's columns
	floating []*bcell
}

// slot is one column of a block: a header cell's, or one of the label
// columns left of the header (a block label merged down the table's left
// edge, and the rows' own labels).
type slot struct {
	cx    float64
	left  int // 1: the table's left edge; 2: row labels; 0: a header column
	label bool
}

func hasDigit(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit)
}

func isDash(s string) bool {
	switch strings.TrimSpace(s) {
	case "—", "-", "--", "——", "/":
		return true
	}
	return false
}

func isLabel(s string) bool {
	return !hasDigit(s) && !isDash(s) && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// figures reports a row holding a number or a dash: a row of a block.
func figures(r *brow) bool {
	for _, c := range r.cells {
		if t := c.text(); hasDigit(t) || isDash(t) {
			return true
		}
	}
	return false
}

// isHeader reports a row of three or more labels followed, within a few
// rows, by a row of figures.
func isHeader(rows []*brow, i int) bool {
	if len(rows[i].cells) < 3 {
		return false
	}
	for _, c := range rows[i].cells {
		if !isLabel(c.text()) {
			return false
		}
	}
	for k := i + 1; k < len(rows) && k <= i+3; k++ {
		if figures(rows[k]) {
			return true
		}
	}
	return false
}

// segments cuts a region's rows into blocks and plain runs. A block runs
// from its header to the row before the first row of two or more cells
// without a figure (the next block's labels).
func (reg *region) segments() []*segment {
	var segs []*segment
	rows := reg.rows
	start := 0
	for i := 0; i < len(rows); {
		if !isHeader(rows, i) {
			i++
			continue
		}
		if i > start {
			segs = append(segs, &segment{from: start, to: i})
		}
		k := i + 1
		for k < len(rows) && !isHeader(rows, k) && (len(rows[k].cells) < 2 || figures(rows[k])) {
			k++
		}
		segs = append(segs, &segment{from: i, to: k, hdr: rows[i]})
		start, i = k, k
	}
	if start < len(rows) {
		segs = append(segs, &segment{from: start, to: len(rows)})
	}
	return segs
}

// table rebuilds the region as a jixiao.Table.
func (reg *region) table(page, ntab int) *jixiao.Table {
	for i, r := range reg.rows {
		for _, c := range r.cells {
			c.row, c.span = i, 1
		}
	}
	minX := math.Inf(1)
	for _, r := range reg.rows {
		for _, c := range r.cells {
			minX = math.Min(minX, c.x0)
		}
	}
	for _, c := range reg.floating {
		minX = math.Min(minX, c.x0)
	}
	segs := reg.segments()
	for _, c := range reg.floating {
		best, dist := segs[0], math.Inf(1)
		for _, s := range segs {
			d := 0.0
			if top, bot := reg.rows[s.from].y0, reg.rows[s.to-1].y1; c.cy() < top {
				d = top - c.cy()
			} else if c.cy() > bot {
				d = c.cy() - bot
			}
			if d < dist {
				best, dist = s, d
			}
		}
		best.floating = append(best.floating, c)
	}
	t := &jixiao.Table{}
	for _, s := range segs {
		if s.hdr != nil {
			reg.block(s, minX, t, page, ntab)
		} else {
			reg.plain(s, minX, t, page, ntab)
		}
	}
	return t
}

// edge reports a cell at the table's left edge: a block label merged down.
func edge(c *bcell, minX float64) bool { return c.x0 < minX+0.5*c.h }

// block lays out a block's rows on the columns of its header.
func (reg *region) block(s *segment, minX float64, t *jixiao.Table, page, ntab int) {
	hdr := slices.Clone(s.hdr.cells)
	slices.SortFunc(hdr, func(a, b *bcell) int { return cmpFloat(a.x0, b.x0) })
	firstX := hdr[0].x0
	var cells []*bcell
	for _, r := range reg.rows[s.from:s.to] {
		cells = append(cells, r.cells...)
	}
	cells = append(cells, s.floating...)
	hasEdge, hasLabels := false, false
	for _, c := range cells {
		if c.cx() < firstX {
			if edge(c, minX) {
				hasEdge = true
			} else {
				hasLabels = true
			}
		}
	}
	if hasEdge {
		s.slots = append(s.slots, slot{left: 1, label: true})
	}
	if hasLabels {
		s.slots = append(s.slots, slot{left: 2, label: true})
	}
	for _, h := range hdr {
		s.slots = append(s.slots, slot{cx: h.cx()})
	}
	slotOf := func(c *bcell) int {
		if c.cx() < firstX {
			for i, sl := range s.slots {
				if edge(c, minX) && sl.left == 1 || !edge(c, minX) && sl.left == 2 {
					return i
				}
			}
		}
		best, dist := -1, math.Inf(1)
		for i, sl := range s.slots {
			if sl.left == 0 && math.Abs(c.cx()-sl.cx) < dist {
				best, dist = i, math.Abs(c.cx()-sl.cx)
			}
		}
		return best
	}
	// Header columns left of the first column holding a figure are label
	// columns, whose cells may be merged over rows.
	figureCol := len(s.slots)
	for _, r := range reg.rows[s.from+1 : s.to] {
		for _, c := range r.cells {
			if t := c.text(); hasDigit(t) || isDash(t) {
				figureCol = min(figureCol, slotOf(c))
			}
		}
	}
	for i := range s.slots {
		if s.slots[i].left == 0 && i < figureCol {
			s.slots[i].label = true
		}
	}
	bySlot := make([][]*bcell, len(s.slots))
	for _, c := range cells {
		if i := slotOf(c); i >= 0 {
			bySlot[i] = append(bySlot[i], c)
		}
	}
	for i, cs := range bySlot {
		from := s.from + 1
		if s.slots[i].left == 1 {
			from = s.from // a block label starts beside the header
		}
		var mine []*bcell
		for _, c := range cs {
			if c.row < 0 || c.row >= from || !s.slots[i].label {
				mine = append(mine, c)
			}
		}
		if s.slots[i].label {
			reg.partition(mine, from, s.to)
		} else {
			reg.nearest(mine, s.from, s.to)
		}
	}
	type key struct{ slot, row int }
	at := map[key][]*bcell{}
	for si, cs := range bySlot {
		for _, c := range cs {
			at[key{si, c.row}] = append(at[key{si, c.row}], c)
		}
	}
	covered := make([]int, len(s.slots))
	for ri := s.from; ri < s.to; ri++ {
		row := jixiao.Row{Pos: jixiao.Position{Page: page, Table: ntab, Row: len(t.Rows) + 1}}
		for si := range s.slots {
			if covered[si] > 0 {
				covered[si]--
				continue
			}
			here := at[key{si, ri}]
			cell := joinCells(here)
			if len(here) > 0 && here[0].span > 1 {
				covered[si] = here[0].span - 1
			}
			cell.Pos = jixiao.Position{Page: page, Table: ntab, Row: row.Pos.Row, Cell: len(row.Cells) + 1}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
}

// plain lays out rows without a header, left to right; a cell at the
// table's left edge merged over rows comes first, with its span.
func (reg *region) plain(s *segment, minX float64, t *jixiao.Table, page, ntab int) {
	var edgeCells, others []*bcell
	for _, c := range s.floating {
		if edge(c, minX) {
			edgeCells = append(edgeCells, c)
		} else {
			others = append(others, c)
		}
	}
	reg.partition(edgeCells, s.from, s.to)
	reg.nearest(others, s.from, s.to)
	byRow := map[int][]*bcell{}
	for _, c := range s.floating {
		byRow[c.row] = append(byRow[c.row], c)
	}
	for ri := s.from; ri < s.to; ri++ {
		here := append(slices.Clone(reg.rows[ri].cells), byRow[ri]...)
		slices.SortFunc(here, func(a, b *bcell) int { return cmpFloat(a.x0, b.x0) })
		row := jixiao.Row{Pos: jixiao.Position{Page: page, Table: ntab, Row: len(t.Rows) + 1}}
		for _, c := range here {
			cell := joinCells([]*bcell{c})
			cell.Pos = jixiao.Position{Page: page, Table: ntab, Row: row.Pos.Row, Cell: len(row.Cells) + 1}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
}

func joinCells(cs []*bcell) jixiao.Cell {
	slices.SortFunc(cs, func(a, b *bcell) int { return cmpFloat(a.x0, b.x0) })
	var b strings.Builder
	span := 1
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.text())
		if i == 0 {
			span = max(c.span, 1)
		}
	}
	return jixiao.Cell{Text: b.String(), ColSpan: 1, RowSpan: span}
}

// top and bottom are a row's edges: halfway to its neighbours.
func (reg *region) top(i int) float64 {
	if i == 0 {
		return reg.rows[0].y0
	}
	return (reg.rows[i-1].y1 + reg.rows[i].y0) / 2
}

func (reg *region) bottom(i int) float64 {
	if i == len(reg.rows)-1 {
		return reg.rows[i].y1
	}
	return (reg.rows[i].y1 + reg.rows[i+1].y0) / 2
}

// partition gives the cells of a label column, top to bottom, consecutive
// runs of the rows [from, to): each cell starts where the one above ended
// and spans the rows whose middle is nearest its centre, as a merged cell
// is drawn centred on the rows it covers.
func (reg *region) partition(cs []*bcell, from, to int) {
	slices.SortFunc(cs, func(a, b *bcell) int { return cmpFloat(a.cy(), b.cy()) })
	f := from
	for i, c := range cs {
		last := to - 1 - (len(cs) - 1 - i)
		if f > last || f >= to {
			reg.nearest(cs[i:], from, to)
			return
		}
		best, dist := f, math.Inf(1)
		for e := f; e <= last && e < f+maxSpan; e++ {
			if d := math.Abs((reg.top(f)+reg.bottom(e))/2 - c.cy()); d < dist {
				best, dist = e, d
			}
		}
		c.row, c.span = f, best-f+1
		f = best + 1
	}
}

// maxSpan bounds the rows one merged cell is tried over.
const maxSpan = 256

// nearest puts cells not yet in a row into the row of [from, to) whose
// centre is nearest theirs.
func (reg *region) nearest(cs []*bcell, from, to int) {
	for _, c := range cs {
		if c.row >= from && c.row < to {
			continue
		}
		best, dist := from, math.Inf(1)
		for i := from; i < to; i++ {
			if d := math.Abs(reg.rows[i].cy - c.cy()); d < dist {
				best, dist = i, d
			}
		}
		c.row, c.span = best, 1
	}
}
