package extract

import (
	"slices"
	"strings"

	"jixiao"
)

// cellInfo is a cell of the table with what the extractor reads of it
// once, however many slots the cell covers. The cell's text and position
// are read from the cell itself: copying them costs more, with the
// garbage collector's write barriers, than the reading saves.
type cellInfo struct {
	*jixiao.Cell
	norm string // normLabel(Text)
}

// gcell is one grid slot of a table: the cell that covers it and whether
// this slot is where the cell starts. The cell is shared by its slots, not
// copied into each: rows are read many times over, and copying a cell's
// strings and position costs (with the write barriers) more than reading
// them.
type gcell struct {
	*cellInfo
	origin bool // the cell's own slot (first column, first row)
	vcarry bool // covered by a cell merged down from a row above
}

// noCell is the slot of a column a row does not have: empty text, no
// position. It is shared and never written.
var noCell = gcell{cellInfo: &cellInfo{Cell: &jixiao.Cell{}}}

// grow is a table row laid out on the table's column grid.
type grow struct {
	cells []gcell
	pos   jixiao.Position
}

// origin returns the slot at col when the cell starts there, else an empty
// slot: a figure read from a merged neighbour would be read twice.
func (r grow) origin(col int) (gcell, bool) {
	if col < 0 || col >= len(r.cells) || !r.cells[col].origin {
		return noCell, false
	}
	return r.cells[col], true
}

// at returns the slot at col, following vertical merges (一级 and 二级
// indicator names merged over several rows read on every row).
func (r grow) at(col int) (gcell, bool) {
	if col < 0 || col >= len(r.cells) {
		return noCell, false
	}
	c := r.cells[col]
	if !c.origin && !c.vcarry {
		return noCell, false
	}
	return c, true
}

// empty reports a row with no text at all.
func (r grow) empty() bool {
	for _, c := range r.cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// ellipsis reports a row whose only text of its own is an ellipsis
// ("……", "..."); cells merged down from the rows above do not count.
func (r grow) ellipsis() bool {
	seen := false
	for _, c := range r.cells {
		t := strings.TrimSpace(c.Text)
		if t == "" || !c.origin || emptyMark(t) {
			continue
		}
		if strings.Trim(t, "….。·") != "" {
			return false
		}
		seen = true
	}
	return seen
}

// layout places a table's cells on its column grid: a cell spanning
// columns fills them all, and a cell spanning rows fills the same columns
// of the rows below it (the source lists such cells once, and omits the
// covered ones).
func layout(t *jixiao.Table, g *grid) []grow {
	g.above, g.rows = g.above[:0], g.rows[:0]
	// The rows' slots are cut out of one slice, sized for the cells' own
	// slots; cells carried down from above make it grow. The cells are
	// read into one slice of exactly their number, so that the slots'
	// pointers into it stay valid.
	n, ncells := 0, 0
	for ri := range t.Rows {
		ncells += len(t.Rows[ri].Cells)
		for ci := range t.Rows[ri].Cells {
			n += min(max(t.Rows[ri].Cells[ci].ColSpan, 1), maxColSpan)
		}
	}
	slots := slices.Grow(g.slots[:0], n)
	infos := slices.Grow(g.infos[:0], ncells)[:ncells]
	k := 0
	for ri := range t.Rows {
		row := &t.Rows[ri]
		from := len(slots)
		col := 0
		fillCarried := func() {
			for col < len(g.above) && g.above[col].left > 0 {
				p := &g.above[col]
				slots = append(slots, gcell{cellInfo: p.cell, vcarry: true})
				p.left--
				col++
			}
		}
		for ci := range row.Cells {
			c := &row.Cells[ci]
			fillCarried()
			span := min(max(c.ColSpan, 1), maxColSpan)
			rows := max(c.RowSpan, 1)
			info := &infos[k]
			k++
			*info = cellInfo{Cell: c, norm: normLabel(c.Text)}
			for s := range span {
				slots = append(slots, gcell{cellInfo: info, origin: s == 0})
				for len(g.above) <= col {
					g.above = append(g.above, pending{})
				}
				g.above[col] = pending{cell: info, left: rows - 1}
				col++
			}
		}
		fillCarried()
		g.rows = append(g.rows, grow{cells: slots[from:len(slots):len(slots)], pos: row.Pos})
	}
	g.slots, g.infos = slots, infos
	g.used = max(g.used, len(slots))
	g.usedInfos = max(g.usedInfos, len(infos))
	return g.rows
}

// grid is the working space of layout. A table's grid is read row by row
// and dropped: the extractor keeps copies of what it reads, never a slot,
// so one grid serves every table of a document, and the next documents
// read by the same pooled extractor.
type grid struct {
	slots []gcell
	infos []cellInfo
	rows  []grow
	above []pending // by column: cells still spanning down

	// The most slots and cells the document's tables used: beyond them
	// the grid is still clear from its last release.
	used, usedInfos int
}

// pending is a cell that spans down into rows still to come.
type pending struct {
	cell *cellInfo
	left int
}

// reset clears the grid of the document's text, and reports false when a
// huge table made it too large to keep.
func (g *grid) reset() bool {
	if cap(g.slots) > 1<<12 || cap(g.infos) > 1<<12 {
		return false
	}
	clear(g.slots[:g.used])
	clear(g.infos[:g.usedInfos])
	g.used, g.usedInfos = 0, 0
	clear(g.rows[:cap(g.rows)])
	clear(g.above[:cap(g.above)])
	return true
}

// maxColSpan bounds the slots one cell may fill, so that a hostile span
// cannot blow up the grid; no real 自评表 is that wide.
const maxColSpan = 64
