package pdf

import (
	"strings"

	"jixiao"
)

// A cell cut by a page break leaves the rest of its text at the top of
// the next page, a line alone above the table's continuation: read as a
// paragraph, the row it belongs to loses it, and the extractor takes the
// line for an indicator row of one cell. It is put back only where that is
// certain: one cell of labels alone in the band above the continued
// rows, in a column of the block the page before ended with, whose last
// row's cell there holds labels too.

// cutLine marks, in placeLines' result, a line put back into the cell it
// was cut from.
const cutLine = -2

// cutRest returns the one cell standing alone within a few lines above
// reg that fits a column of cs and holds labels only; nil when there is
// none, or more than one.
func cutRest(cells []*bcell, reg *region, cs *columns) *bcell {
	var found *bcell
	for _, c := range cells {
		if c.y1 > reg.y0+0.5 || c.y0 < reg.y0-2.5*c.h {
			continue
		}
		if found != nil || !isLabel(c.text()) || !cs.fits(c) || cs.slotOf(c) < 0 {
			return nil
		}
		found = c
	}
	return found
}

// appendCut appends c's text to the last row of the last table in blocks,
// in c's column of cs, when that cell holds labels. A row whose cells
// merged from above are left out counts its cells from the right.
func appendCut(blocks []jixiao.Block, cs *columns, c *bcell) bool {
	for k := len(blocks) - 1; k >= 0; k-- {
		t := blocks[k].Table
		if blocks[k].Kind != jixiao.BlockTable || t == nil {
			continue
		}
		if len(t.Rows) == 0 {
			return false
		}
		row := t.Rows[len(t.Rows)-1]
		i := cs.slotOf(c) - (len(cs.slots) - len(row.Cells))
		if i < 0 || i >= len(row.Cells) || !isLabel(row.Cells[i].Text) {
			return false
		}
		var b strings.Builder
		b.WriteString(row.Cells[i].Text)
		appendJoined(&b, c.text())
		row.Cells[i].Text = b.String()
		return true
	}
	return false
}

// skipLines marks the layout lines holding c's text, outside any table.
func skipLines(parsed []line, inRegion []int, c *bcell) {
	want := squeeze(strings.Join(c.lines, ""))
	for i, l := range parsed {
		if inRegion[i] == -1 && squeeze(strings.Join(l.cells, "")) == want {
			inRegion[i] = cutLine
			return
		}
	}
}
