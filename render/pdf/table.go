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

// grid draws a table: its title, then its rows, on the pages
// report.Paginate plans for them, as the docx and xlsx tables are: rows
// tied by vertical merges stay on one page when they fit on one, a taller
// block breaks between indicator groups where it can, a merged cell cut
// by a break is drawn on each page as a box over its rows there, with its
// text again, and the heading row of the rows below the break is repeated
// at the top of the new page (report.Grid.Headings), as printed tables
// repeat their 标题行: a continued page reads on its own, by eye and by an
// importer. A table that would start low on a page with less than half a
// page (or less than all of it) below its title starts on a new page.
func (d *doc) grid(g *report.Grid) error {
	t := d.measure(g)
	full := pageH - marginTop - marginBottom
	if d.y > marginTop+eps && pageH-marginBottom-d.y-titleHeight(g) < min(t.height(0, len(g.Rows)), full/2) {
		d.newPage()
	}
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
	for k, rows := range g.Chunks(report.Paginate(g, t.layout(pageH-marginBottom-d.y, full))) {
		if k > 0 {
			d.newPage()
		}
		if err := d.chunk(t, rows); err != nil {
			return err
		}
	}
	d.y += 8
	return nil
}

// titleHeight is about the height of a table's title, subtitle and note.
func titleHeight(g *report.Grid) float64 {
	h := 0.0
	if g.Title != "" {
		h += sizeCaption * 4
	}
	if g.Subtitle != "" {
		h += sizeBody * 1.6
	}
	if g.Note != "" {
		h += sizeTable * 1.6
	}
	return h
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

// layout is the table's rows for report.Paginate, first points left on
// the page the table starts on and full on every other.
func (t *table) layout(first, full float64) report.Layout {
	l := report.Layout{Heights: t.heights, Need: map[[2]int]float64{}, First: first, Full: full}
	for o := range t.lines {
		l.Need[o] = t.need(o)
	}
	return l
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
