package pdf

import (
	"math"
	"slices"
	"strings"
)

// columns are the columns of a block, read from its header row. A table
// that runs over pages keeps them: a page that does not repeat the header
// is read against the columns of the page before (continues).
type columns struct {
	slots        []slot
	firstX, minX float64 // the first header column's left edge; the table's
	maxX         float64 // left and right edges
	edgeCx       float64 // the centre of the table's leftmost cell
}

// slot is one column of a block: a header cell's, or one of the label
// columns left of the header (a block label merged down the table's left
// edge, and the rows' own labels).
type slot struct {
	cx     float64
	x0, x1 float64 // a header column's label, which its cells do not reach past
	left   int     // 1: the table's left edge; 2: row labels; 0: a header column
	label  bool    // a column of labels, whose cells may be merged over rows
	weight bool    // a column of groups' weights merged over their rows (mergedWeights)
}

// edge reports a cell at the table's left edge: a block label merged down.
func (cs *columns) edge(c *bcell) bool { return atEdge(c, cs.minX, cs.edgeCx) }

// atEdge reports a cell in the table's leftmost column, whose leftmost
// cell starts at minX and is centred at edgeCx: one that starts there, or
// one centred as it is. A renderer that centres the block labels
// (部门预算资金（万元）, 年度总体目标) in a column wider than some of them
// starts a shorter one further in than a longer one; taken for a row label,
// it would be joined to the row's own label beside it.
func atEdge(c *bcell, minX, edgeCx float64) bool {
	return c.x0 < minX+0.5*c.h || math.Abs(c.cx()-edgeCx) < 0.5*c.h
}

// columnsOf reads a block's columns from its header row: one per header
// cell, and label columns for the cells left of the header. Header
// columns left of the first one holding a figure are label columns too.
func (reg *region) columnsOf(s *segment, minX, edgeCx float64) *columns {
	hdr := slices.Clone(s.hdr.cells)
	slices.SortFunc(hdr, func(a, b *bcell) int { return cmpFloat(a.x0, b.x0) })
	cs := &columns{firstX: hdr[0].x0, minX: minX, edgeCx: edgeCx, maxX: math.Inf(-1)}
	hasEdge, hasLabels := false, false
	for _, c := range reg.segmentCells(s) {
		cs.maxX = math.Max(cs.maxX, c.x1)
		if c.cx() < cs.firstX {
			if cs.edge(c) {
				hasEdge = true
			} else {
				hasLabels = true
			}
		}
	}
	if hasEdge {
		cs.slots = append(cs.slots, slot{left: 1, label: true})
	}
	if hasLabels {
		cs.slots = append(cs.slots, slot{left: 2, label: true})
	}
	for _, h := range hdr {
		cs.slots = append(cs.slots, slot{cx: h.cx(), x0: h.x0, x1: h.x1})
	}
	figureCol := len(cs.slots)
	merged := reg.mergedWeights(s, cs)
	for _, r := range reg.rows[s.from+1 : s.to] {
		for _, c := range r.cells {
			if t := c.text(); figureCell(t) && !weighted(t) {
				if i := cs.slotOf(c); !merged[i] {
					figureCol = min(figureCol, i)
				}
			}
		}
	}
	n := 0
	for i := range merged {
		cs.slots[i].weight = i < figureCol
	}
	for i := range cs.slots {
		if cs.slots[i].left == 0 && i < figureCol {
			cs.slots[i].label = true
			n++
		}
	}
	// Of a hierarchy of header label columns (一级 二级 三级), the last
	// names each row's own indicator: it is never merged over rows, and
	// fitted as if it were, a wrapped name whose row has a label-only row
	// above it (an 二级 with no indicator, 经济效益指标) would be stretched
	// up over it, leaving its own figures without a name.
	if n >= 3 {
		cs.slots[figureCol-1].label = false
	}
	return cs
}

// mergedWeights finds the header columns whose figures are a group's
// own weight merged over its rows (江西's 自评权重 beside its 一级): each
// stands in a row with no other figure (centred on the group, between its
// rows' figures), and they are fewer than half the rows of figures. Such a
// column is no row's figure column, and the label columns right of it
// (二级) are still merged over rows.
func (reg *region) mergedWeights(s *segment, cs *columns) map[int]bool {
	alone := map[int]int{}
	other := map[int]bool{}
	figRows := 0
	for _, r := range reg.rows[s.from+1 : s.to] {
		var slots []int
		for _, c := range r.cells {
			if t := c.text(); (hasDigit(t) || isDash(t)) && !weighted(t) {
				slots = append(slots, cs.slotOf(c))
			}
		}
		if len(slots) > 0 {
			figRows++
		}
		for _, i := range slots {
			if len(slots) == 1 {
				alone[i]++
			} else {
				other[i] = true
			}
		}
	}
	out := map[int]bool{}
	for i, n := range alone {
		if i >= 0 && !other[i] && cs.slots[i].left == 0 && 2*n < figRows {
			out[i] = true
		}
	}
	return out
}

// weighted reports a label carrying its weight, 产出指标(70分): a 一级
// label merged over rows, not a figure, so its column stays a label column
// (read as figures, its rows would lose it but for the one it is centred
// on, and the weights of the rows above would go to no 一级).
func weighted(t string) bool {
	t = strings.TrimSpace(t)
	i := strings.LastIndexAny(t, "(（")
	if i <= 0 || !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") {
		return false
	}
	inner := strings.TrimRight(t[i:], ")）")
	return isLabel(t[:i]) && strings.HasSuffix(inner, "分")
}

// segmentCells lists the cells of a segment's rows and its floating ones.
func (reg *region) segmentCells(s *segment) []*bcell {
	var cells []*bcell
	for _, r := range reg.rows[s.from:s.to] {
		cells = append(cells, r.cells...)
	}
	return append(cells, s.floating...)
}

// slotOf returns the column of a cell: a label column left of the header,
// the header column whose label starts where the cell does (a producer
// that aligns cells left: a short figure under a long label is nearer the
// centre of the column before), or the header column nearest its centre.
func (cs *columns) slotOf(c *bcell) int {
	if c.cx() < cs.firstX {
		for i, sl := range cs.slots {
			if cs.edge(c) && sl.left == 1 || !cs.edge(c) && sl.left == 2 {
				return i
			}
		}
	}
	for i, sl := range cs.slots {
		if sl.left == 0 && math.Abs(c.x0-sl.x0) < 0.5 && c.x1 <= sl.x1+0.5 {
			return i
		}
	}
	best, dist := -1, math.Inf(1)
	for i, sl := range cs.slots {
		if sl.left == 0 && math.Abs(c.cx()-sl.cx) < dist {
			best, dist = i, math.Abs(c.cx()-sl.cx)
		}
	}
	return best
}

// fits reports whether a cell lies in its column: within the table, and
// not reaching the labels of the header columns beside its own.
func (cs *columns) fits(c *bcell) bool {
	if c.x1 < cs.minX-c.h || c.x0 > cs.maxX+c.h {
		return false
	}
	i := cs.slotOf(c)
	if i < 0 || cs.slots[i].left != 0 {
		return true
	}
	if i > 0 && cs.slots[i-1].left == 0 && c.x0 < cs.slots[i-1].x1 {
		return false
	}
	if i+1 < len(cs.slots) && c.x1 > cs.slots[i+1].x0 {
		return false
	}
	return true
}

// continues reports whether rows without a header, at the top of a page,
// continue a block on the page before: they hold figures, lie within its
// edges, and two cells in three fit its columns (a cell merged over
// columns, such as 总分, may not).
func (reg *region) continues(s *segment, cs *columns) bool {
	hasFigures := false
	for _, r := range reg.rows[s.from:s.to] {
		hasFigures = hasFigures || figures(r)
	}
	if !hasFigures {
		return false
	}
	n, fit := 0, 0
	for _, c := range reg.segmentCells(s) {
		if c.x1 < cs.minX-c.h || c.x0 > cs.maxX+c.h {
			return false
		}
		n++
		if cs.fits(c) {
			fit++
		}
	}
	return 3*fit >= 2*n
}

// continuesAlone reports whether a region of one row continues a block
// from the page before: a table's last row (总分) carried over alone, or
// a row of labels alone in the block's label columns (a copy cut as the
// next row's group labels begin: 绩效指标 | 效益).
func (reg *region) continuesAlone(cs *columns) bool {
	reg.number()
	return reg.continues(&segment{from: 0, to: len(reg.rows), floating: reg.floating}, cs) || reg.labelsAlone(cs)
}

// labelsAlone reports a region of one row of two or more labels, each in
// a label column of cs.
func (reg *region) labelsAlone(cs *columns) bool {
	if len(reg.rows) != 1 || len(reg.floating) > 0 || len(reg.rows[0].cells) < 2 {
		return false
	}
	for _, c := range reg.rows[0].cells {
		i := cs.slotOf(c)
		if !isLabel(c.text()) || i < 0 || !cs.slots[i].label || !cs.fits(c) {
			return false
		}
	}
	return true
}
