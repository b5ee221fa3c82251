package pdf

import (
	"jixiao/render/report"
)

const (
	cellPadX = 3.0
	cellPadY = 3.0
	lineH    = sizeTable * 1.35
	// eps absorbs rounding in sums of heights: a cell of n lines must fit
	// a row made n lines tall.
	eps = 1e-6
)

// table is a Grid measured for drawing.
type table struct {
	g       *report.Grid
	xs      []float64 // column edges
	heights []float64
	lines   map[[2]int][]string // each cell's text broken into lines
	owner   [][][2]int
	adv     func(rune) float64
}

// grid draws a table: its title, then its rows. Rows tied together by
// vertical merges (a band) stay on one page when they fit on one. A band
// taller than a page breaks between rows, at the lowest break that leaves
// every merged cell it cuts room for its text on both pages; such a cell
// is drawn on each page as a box over its rows there, with its text again,
// and the heading row of the rows below the break is repeated at the top
// of the new page (report.Grid.Headings), as printed tables repeat their
// 标题行: a continued page reads on its own, by eye and by an importer.
func (d *doc) grid(g *report.Grid) error {
	if g.Title != "" {
		size := sizeCaption
		if g.Subtitle != "" {
			size = 16 // a standalone 自评表 title
		}
		d.ensure(size * 4)
		if err := d.text(g.Title, size, size*1.8, 0, "center"); err != nil {
			return err
		}
	}
	if g.Subtitle != "" {
		if err := d.text(g.Subtitle, sizeBody-1, sizeBody*1.6, 0, "center"); err != nil {
			return err
		}
	}
	if g.Note != "" {
		if err := d.text(g.Note, sizeTable, sizeTable*1.6, 0, "right"); err != nil {
			return err
		}
	}
	t := d.measure(g)
	for _, band := range report.Bands(g) {
		h := t.height(band[0], band[1])
		switch {
		case d.y+h <= pageH-marginBottom+eps:
		case h <= pageH-marginTop-marginBottom+eps:
			d.newPage()
		default:
			if err := d.split(t, band); err != nil {
				return err
			}
			continue
		}
		if err := d.chunk(t, t.withHeading(band[0], band[1], d.y == marginTop)); err != nil {
			return err
		}
	}
	d.y += 8
	return nil
}

// measure breaks every cell's text into lines and sizes the rows: each
// row fits its single-row cells, and the last row of a merged cell grows
// until the cell fits.
func (d *doc) measure(g *report.Grid) *table {
	scale := d.textWidth() / g.Width()
	t := &table{g: g, xs: make([]float64, len(g.Widths)+1), heights: make([]float64, len(g.Rows)),
		lines: map[[2]int][]string{}, owner: report.Owners(g), adv: d.adv(sizeTable)}
	t.xs[0] = d.marginX
	for j, w := range g.Widths {
		t.xs[j+1] = t.xs[j] + w*scale
	}
	for i := range t.heights {
		t.heights[i] = lineH + 2*cellPadY
	}
	for pass := 0; pass < 2; pass++ {
		for i, row := range g.Rows {
			for j, c := range row {
				if c.Covered || (pass == 0) != (c.RowSpan == 1) {
					continue
				}
				w := t.xs[j+c.ColSpan] - t.xs[j] - 2*cellPadX
				var ls []string
				text := shown(c)
				if c.Header && g.BreakLabels {
					// break labels where a reader would: 年度 / 总体目标, not 年度总体目 / 标
					text = report.LabelLines(text, int(w/t.adv('国')))
				}
				for _, para := range splitParas(text) {
					ls = append(ls, Break(para, w, t.adv)...)
				}
				t.lines[[2]int{i, j}] = ls
				need, have := t.need([2]int{i, j}), t.height(i, i+c.RowSpan)
				if need > have {
					t.heights[i+c.RowSpan-1] += need - have
				}
			}
		}
	}
	return t
}

// need is the height a cell's text takes.
func (t *table) need(o [2]int) float64 {
	return float64(len(t.lines[o]))*lineH + 2*cellPadY
}

// height is the height of rows [from, to).
func (t *table) height(from, to int) float64 {
	h := 0.0
	for i := from; i < to; i++ {
		h += t.heights[i]
	}
	return h
}

// withHeading lists rows [from, to) for a page, after the heading that
// labels them when they open a page and do not start with it.
func (t *table) withHeading(from, to int, top bool) []int {
	var rows []int
	if h := t.g.HeadingOf(from); top && h >= 0 {
		rows = append(rows, h)
	}
	for i := from; i < to; i++ {
		rows = append(rows, i)
	}
	return rows
}

// split draws a band taller than a page over several pages.
func (d *doc) split(t *table, band [2]int) error {
	for from := band[0]; from < band[1]; {
		top := d.y == marginTop
		head := 0.0
		if h := t.g.HeadingOf(from); top && h >= 0 {
			head = t.heights[h]
		}
		avail := pageH - marginBottom - d.y - head
		to := t.breakAt(from, band[1], avail, top)
		if to == from {
			if !top {
				d.newPage()
				continue
			}
			to = t.fitting(from, band[1], avail)
		}
		if err := d.chunk(t, t.withHeading(from, to, top)); err != nil {
			return err
		}
		if from = to; from < band[1] {
			d.newPage()
		}
	}
	return nil
}

// fitting returns the end of the rows from from that fit in avail, at
// least one row: the break when none keeps its merged cells readable.
func (t *table) fitting(from, stop int, avail float64) int {
	to, h := from+1, t.heights[from]
	for to < stop && h+t.heights[to] <= avail+eps {
		h += t.heights[to]
		to++
	}
	return to
}

// breakAt returns the last row end after from, up to stop, whose rows fit
// in avail and where the table may break; from when there is none.
func (t *table) breakAt(from, stop int, avail float64, top bool) int {
	best, h := from, 0.0
	for i := from; i < stop; i++ {
		h += t.heights[i]
		if h > avail+eps {
			break
		}
		if i+1 == stop || t.canBreak(from, i+1, top) {
			best = i + 1
		}
	}
	return best
}

// canBreak reports whether the rows from from (on a page that repeats
// their heading when top) may end before row at: every merged cell the
// break cuts must keep room for its text above the break, and below it on
// the next page under the repeated heading.
func (t *table) canBreak(from, at int, top bool) bool {
	capacity := pageH - marginTop - marginBottom
	next := t.g.HeadingOf(at)
	if next >= 0 {
		capacity -= t.heights[next]
	}
	above := -1
	if top {
		above = t.g.HeadingOf(from)
	}
	for j := range t.g.Widths {
		o := t.owner[at][j]
		if o[1] != j || t.owner[at-1][j] != o {
			continue
		}
		need := t.need(o)
		h := t.height(max(o[0], from), at)
		if above >= 0 && o[0] < from && t.owner[above][j] == o {
			h += t.heights[above]
		}
		if h+eps < need {
			return false
		}
		end := o[0] + t.g.Rows[o[0]][o[1]].RowSpan
		h = 0
		if next >= 0 && t.owner[next][j] == o {
			h = t.heights[next]
		}
		for i := at; i < end && h+t.heights[i] <= capacity+eps; i++ {
			h += t.heights[i]
		}
		if h+eps < need {
			return false
		}
	}
	return true
}

// chunk draws rows (consecutive but for a repeated heading first) from the
// cursor down: a merged cell is one box over the rows it covers here, its
// text centred in the box.
func (d *doc) chunk(t *table, rows []int) error {
	ys := make([]float64, len(rows)+1)
	ys[0] = d.y
	for p, i := range rows {
		ys[p+1] = ys[p] + t.heights[i]
	}
	for p, i := range rows {
		for j := range t.g.Widths {
			o := t.owner[i][j]
			if o[1] != j || p > 0 && t.owner[rows[p-1]][j] == o {
				continue // drawn from its left column, or from a row above
			}
			q := p + 1
			for q < len(rows) && t.owner[rows[q]][j] == o {
				q++
			}
			c := t.g.Rows[o[0]][o[1]]
			h := ys[q] - ys[p]
			ls := t.lines[o]
			if n := int((h-2*cellPadY)/lineH + eps); len(ls) > n {
				ls = ls[:max(n, 0)] // only where no break kept room for it
			}
			if err := d.cell(c, ls, t.xs[j], ys[p], t.xs[j+c.ColSpan]-t.xs[j], h, t.adv); err != nil {
				return err
			}
		}
	}
	d.y = ys[len(rows)]
	return nil
}

func (d *doc) cell(c report.Cell, ls []string, x, y, w, h float64, adv func(rune) float64) error {
	d.gp.SetLineWidth(0.6)
	d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "D")
	ty := y + (h-float64(len(ls))*lineH)/2
	for _, l := range ls {
		lw := 0.0
		for _, r := range l {
			lw += adv(r)
		}
		tx := x + (w-lw)/2
		switch c.Align {
		case report.AlignLeft:
			tx = x + cellPadX
		case report.AlignRight:
			tx = x + w - cellPadX - lw
		}
		if err := d.put(tx, ty+(lineH-sizeTable)/2, l, sizeTable); err != nil {
			return err
		}
		ty += lineH
	}
	return nil
}

func splitParas(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
