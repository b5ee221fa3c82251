package pdf

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"jixiao"
)

// segment is a run of a region's rows read against one set of columns (a
// block: from its header row, or from the page before when a page goes on
// with a block without repeating its header), or without (plain rows, read
// left to right).
type segment struct {
	from, to int      // rows [from, to)
	hdr      *brow    // the header row, rows[from]; nil when there is none
	cols     *columns // nil for plain rows
	floating []*bcell
	// open: the rows continue a table from the page before, so the first
	// of them may lie under cells merged down from that page.
	open bool
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
// rows, by a row of figures. A label may state its column's points in
// brackets (预算执行情况(万元)(20分), 得分(20分*执行率)): a header's, not a
// figure.
func isHeader(rows []*brow, i int) bool {
	if len(rows[i].cells) < 3 {
		return false
	}
	for _, c := range rows[i].cells {
		if !isLabel(withoutPoints(c.text())) {
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
// without a figure (the next block's labels), unless all that row's cells
// lie left of the block's figures, between rows of figures: labels merged
// over rows, whose centres happen to meet (dropLabelRows).
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
		figX := math.Inf(1) // the left edge of the block's figures so far
		for k < len(rows) && !isHeader(rows, k) {
			if len(rows[k].cells) >= 2 && !figures(rows[k]) && !(leftOf(rows[k], figX) && k+1 < len(rows) && figures(rows[k+1])) {
				break
			}
			for _, c := range rows[k].cells {
				if t := c.text(); hasDigit(t) || isDash(t) {
					figX = math.Min(figX, c.x0)
				}
			}
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

// table rebuilds the region as a jixiao.Table. carry, when not nil, are
// the columns of a block that the page before ended with: the region is
// the first on its page, and rows at its top without a header are read
// against them when they fit. It returns the columns of the block the
// region ends with, for the page after.
func (reg *region) table(page, ntab int, carry *columns) (*jixiao.Table, *columns) {
	minX, edgeCx := math.Inf(1), 0.0
	for _, r := range reg.rows {
		for _, c := range r.cells {
			if c.x0 < minX {
				minX, edgeCx = c.x0, c.cx()
			}
		}
	}
	for _, c := range reg.floating {
		if c.x0 < minX {
			minX, edgeCx = c.x0, c.cx()
		}
	}
	reg.joinHeaders()
	reg.number()
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
	for _, s := range segs {
		if s.hdr != nil {
			s.cols = reg.columnsOf(s, minX, edgeCx)
		}
	}
	if carry != nil {
		s := segs[0]
		s.open = true
		if s.hdr == nil && reg.continues(s, carry) {
			s.cols = carry
		}
	}
	reg.dropLabelRows(segs)
	t := &jixiao.Table{}
	for _, s := range segs {
		if s.cols != nil {
			reg.block(s, t, page, ntab)
		} else {
			reg.plain(s, minX, edgeCx, t, page, ntab)
		}
	}
	return t, segs[len(segs)-1].cols
}

// leftOf reports a row whose cells all end left of x.
func leftOf(r *brow, x float64) bool {
	for _, c := range r.cells {
		if c.x1 > x {
			return false
		}
	}
	return true
}

// number sets each cell's row to the one it was found in.
func (reg *region) number() {
	for i, r := range reg.rows {
		for _, c := range r.cells {
			c.row, c.span = i, 1
		}
	}
	for _, c := range reg.floating {
		c.row, c.span = -1, 1
	}
}

// dropLabelRows takes out of the blocks the rows that hold only labels of
// label columns and no figure: labels merged over different rows whose
// centres happen to meet (a 一级 and a 二级 name merged over the same two
// rows), which are no row of their own. Their cells float, to be placed
// on the rows they span.
func (reg *region) dropLabelRows(segs []*segment) {
	var rows []*brow
	for _, s := range segs {
		from := len(rows)
		for i := s.from; i < s.to; i++ {
			r := reg.rows[i]
			if s.cols != nil && r != s.hdr && labelsOnly(r, s.cols) {
				s.floating = append(s.floating, r.cells...)
				continue
			}
			rows = append(rows, r)
		}
		s.from, s.to = from, len(rows)
	}
	reg.rows, reg.pad = rows, -1
	reg.number()
	for _, s := range segs {
		for _, c := range s.floating {
			c.row = -1
		}
	}
}

// labelsOnly reports a row of two or more cells, all in label columns, and
// no figure but a group's weight (its 一级 label's, centred where the
// group's 二级 label is too).
func labelsOnly(r *brow, cs *columns) bool {
	if len(r.cells) < 2 {
		return false
	}
	for _, c := range r.cells {
		i := cs.slotOf(c)
		if i < 0 || !cs.slots[i].label {
			return false
		}
		if t := c.text(); (hasDigit(t) || isDash(t)) && !cs.slots[i].weight {
			return false
		}
	}
	return true
}

// block lays out a block's rows on its columns.
func (reg *region) block(s *segment, t *jixiao.Table, page, ntab int) {
	cs := s.cols
	bySlot := make([][]*bcell, len(cs.slots))
	for _, c := range reg.segmentCells(s) {
		if i := cs.slotOf(c); i >= 0 {
			bySlot[i] = append(bySlot[i], c)
		}
	}
	// Label columns are fitted right to left: a group merged over rows
	// covers whole runs of the column to its right (a 一级 whole 二级
	// groups), so its runs may not start inside one of them (inside).
	var inside []bool
	for i := len(bySlot) - 1; i >= 0; i-- {
		cells := bySlot[i]
		from := s.from
		if s.hdr != nil && cs.slots[i].left != 1 {
			from++ // a block label starts beside the header, others below it
		}
		var mine []*bcell
		for _, c := range cells {
			if c.row < 0 || c.row >= from || !cs.slots[i].label {
				mine = append(mine, c)
			}
		}
		if from >= s.to {
			continue
		}
		if cs.slots[i].label {
			reg.partitionBelow(mine, from, s.to, s.open, inside)
			if len(mine) > 0 {
				inside = runsInside(mine, len(reg.rows))
			}
		} else {
			reg.nearest(mine, s.from, s.to)
		}
	}
	type key struct{ slot, row int }
	at := map[key][]*bcell{}
	for si, cells := range bySlot {
		for _, c := range cells {
			at[key{si, c.row}] = append(at[key{si, c.row}], c)
		}
	}
	covered := make([]int, len(cs.slots))
	for ri := s.from; ri < s.to; ri++ {
		row := jixiao.Row{Pos: jixiao.Position{Page: page, Table: ntab, Row: len(t.Rows) + 1}}
		for si := range cs.slots {
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

// partitionBelow fits a label column's cells on its rows (partition),
// from the row of its first cell when that cell cannot be a label merged
// down from the block's first row: it lies more than a row below the
// middle of the longest run of rows it could head (up to the next cell's
// row). The rows above it hold no label in this column: an 二级 column
// left blank above its first label, or a column whose only text is
// 总分's, merged across the columns from 一级 and centred where their
// middle falls (in 二级, when 一级 is wide). Stretched up to the block's
// first row, such a cell would be read as the label of every row above
// it. A continued page (open) leaves rows above free already.
func (reg *region) partitionBelow(cells []*bcell, from, to int, open bool, inside []bool) {
	if !open && len(cells) > 0 {
		byY := slices.Clone(cells)
		slices.SortFunc(byY, func(a, b *bcell) int { return cmpFloat(a.cy(), b.cy()) })
		r, end := reg.rowAt(byY[0].cy(), from, to), to
		if len(byY) > 1 {
			end = reg.rowAt(byY[1].cy(), from, to)
		}
		// the middle by height, not by count: a merged cell cut at a page's
		// foot is centred on rows as tall as their longest text
		if mid := reg.rowAt((reg.top(from)+reg.bottom(end-1))/2, from, to); r > mid+1 {
			from = r
		}
	}
	reg.partition(cells, from, to, open, inside)
}

// runsInside marks the rows that lie inside a run of cells, below its
// first: no run of the column to their left may start there.
func runsInside(cells []*bcell, n int) []bool {
	in := make([]bool, n+1)
	for _, c := range cells {
		for r := c.row + 1; r < c.row+c.span && r < n; r++ {
			if r >= 0 {
				in[r] = true
			}
		}
	}
	return in
}

// plain lays out rows without a header, left to right; a cell at the
// table's left edge merged over rows comes first, with its span.
func (reg *region) plain(s *segment, minX, edgeCx float64, t *jixiao.Table, page, ntab int) {
	placed := reg.fitLabelColumns(s, minX, edgeCx)
	var edgeCells, others []*bcell
	for _, c := range s.floating {
		if placed[c] {
			continue
		}
		if atEdge(c, minX, edgeCx) {
			edgeCells = append(edgeCells, c)
		} else {
			others = append(others, c)
		}
	}
	// rows at a region's top with no header above them may go on with a
	// table begun before (a page cut out of a longer document): its first
	// edge cell, centred on its own rows, leaves those above it free
	from, to := reg.edgeBounds(s, edgeCells, minX, edgeCx)
	reg.partition(edgeCells, from, to, s.open || s.from == 0, nil)
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

// withoutPoints is a label without the bracketed parts that state points
// ("(20分)", "（20分*执行率）"), so that their digits are not taken for a
// figure.
func withoutPoints(s string) string {
	if !strings.Contains(s, "分") {
		return s
	}
	return pointsRe.ReplaceAllString(s, "")
}

var pointsRe = regexp.MustCompile(`[(（][^()（）]*分[^()（）]*[)）]`)

// fitLabelColumns fits on the rows of a plain segment the label columns
// left of its figures whose cells are merged over rows: a column with a
// cell floating between rows, or with a row of figures, above its last
// cell, that has no cell of it (on a page that starts with no header,
// 产出指标 merged over three rows and drawn on the middle one, 数量指标
// over the first two and drawn between them). The columns are those of the
// cells' left edges (or centres); each is fitted as a block's label column
// is, right to left so that groups nest, over the rows from the first to
// the last holding a figure, and its cells move out of the rows they were
// found in. The table's left edge column, when it has floating cells, is
// left to the edge fit (edgeBounds). It returns the cells placed.
func (reg *region) fitLabelColumns(s *segment, minX, edgeCx float64) map[*bcell]bool {
	f0, f1, figX := -1, -1, math.Inf(1)
	for ri := s.from; ri < s.to; ri++ {
		for _, c := range reg.rows[ri].cells {
			if figureCell(c.text()) {
				figX = math.Min(figX, c.x0)
				if f0 < 0 {
					f0 = ri
				}
				f1 = ri
			}
		}
	}
	if f0 < 0 || f1 == f0 {
		return nil
	}
	type column struct {
		cells    []*bcell
		floating bool
	}
	var cols []*column
	add := func(c *bcell, floating bool) {
		if c.x1 > figX || !isLabel(c.text()) {
			return
		}
		if r := reg.rowAt(c.cy(), s.from, s.to); r < f0 || r > f1 {
			return
		}
		for _, col := range cols {
			if slices.ContainsFunc(col.cells, func(o *bcell) bool {
				return math.Abs(o.x0-c.x0) < 0.5 || math.Abs(o.cx()-c.cx()) < 0.5*c.h
			}) {
				col.cells, col.floating = append(col.cells, c), col.floating || floating
				return
			}
		}
		cols = append(cols, &column{cells: []*bcell{c}, floating: floating})
	}
	for ri := f0; ri <= f1; ri++ {
		for _, c := range reg.rows[ri].cells {
			add(c, false)
		}
	}
	for _, c := range s.floating {
		add(c, true)
	}
	slices.SortFunc(cols, func(a, b *column) int { return cmpFloat(b.cells[0].x0, a.cells[0].x0) })
	placed := map[*bcell]bool{}
	var inside []bool
	for _, col := range cols {
		edge := atEdge(col.cells[0], minX, edgeCx)
		open := (s.open || s.from == 0) && f0 == s.from
		if edge && col.floating || !col.floating && !reg.gapAbove(col.cells, f0, open) {
			continue
		}
		for _, c := range col.cells {
			if c.row >= 0 {
				r := reg.rows[c.row]
				r.cells = slices.DeleteFunc(r.cells, func(o *bcell) bool { return o == c })
			}
			if !slices.Contains(s.floating, c) {
				s.floating = append(s.floating, c)
			}
			c.row = -1
			placed[c] = true
		}
		reg.partition(col.cells, f0, f1+1, open, inside)
		inside = runsInside(col.cells, len(reg.rows))
	}
	return placed
}

// gapAbove reports a row of figures between the first and the last of
// cells' rows that holds none of cells; on rows that may go on with a
// table begun before (open), from f0.
func (reg *region) gapAbove(cells []*bcell, f0 int, open bool) bool {
	first, last := len(reg.rows), -1
	has := map[int]bool{}
	for _, c := range cells {
		has[c.row] = true
		first, last = min(first, c.row), max(last, c.row)
	}
	if open {
		first = f0
	}
	for ri := first; ri < last; ri++ {
		if !has[ri] && slices.ContainsFunc(reg.rows[ri].cells, func(c *bcell) bool { return figureCell(c.text()) }) {
			return true
		}
	}
	return false
}

// figureCell reports a cell holding a figure: digits with at most a unit
// in words (1100万元, ≥266米, 2.45亿元), or a dash; not a label or a line
// of text that holds a number (填报日期:2022年7月5日, 预算执行率(B/A×100%)).
func figureCell(t string) bool {
	if isDash(t) {
		return true
	}
	n := 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return hasDigit(t) && n <= 3 && !weighted(t)
}

// edgeBounds are the rows of a plain segment that its floating edge cells
// may cover: none drawn with an edge cell of its own (合计 below a merged
// 效益指标), above the first floating one or below the last.
func (reg *region) edgeBounds(s *segment, edgeCells []*bcell, minX, edgeCx float64) (from, to int) {
	from, to = s.from, s.to
	if len(edgeCells) == 0 {
		return from, to
	}
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, c := range edgeCells {
		top, bottom = math.Min(top, c.cy()), math.Max(bottom, c.cy())
	}
	for ri := s.from; ri < s.to; ri++ {
		r := reg.rows[ri]
		if !slices.ContainsFunc(r.cells, func(c *bcell) bool { return atEdge(c, minX, edgeCx) }) {
			continue
		}
		if r.cy < top {
			from = ri + 1
		} else if r.cy > bottom {
			to = ri
			break
		}
	}
	if from >= to { // a label squeezed between two rows with edge cells
		return s.from, s.to
	}
	return from, to
}
