package pdf

import (
	"jixiao/render/report"
)

const (
	cellPadX = 3.0
	cellPadY = 3.0
	lineH    = sizeTable * 1.35
)

// grid draws a table: its title, then rows in bands (rows tied together
// by vertical merges), starting a new page between bands when one does not
// fit.
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
	scale := d.textWidth() / g.Width()
	xs := make([]float64, len(g.Widths)+1)
	xs[0] = d.marginX
	for j, w := range g.Widths {
		xs[j+1] = xs[j] + w*scale
	}
	adv := d.adv(sizeTable)
	lines := map[[2]int][]string{}
	heights := make([]float64, len(g.Rows))
	for i := range heights {
		heights[i] = lineH + 2*cellPadY
	}
	// single-row cells first, then spans top up their last row
	for pass := 0; pass < 2; pass++ {
		for i, row := range g.Rows {
			for j, c := range row {
				if c.Covered || (pass == 0) != (c.RowSpan == 1) {
					continue
				}
				w := xs[j+c.ColSpan] - xs[j] - 2*cellPadX
				var ls []string
				for _, para := range splitParas(c.Text) {
					ls = append(ls, Break(para, w, adv)...)
				}
				lines[[2]int{i, j}] = ls
				need := float64(len(ls))*lineH + 2*cellPadY
				have := 0.0
				for k := i; k < i+c.RowSpan; k++ {
					have += heights[k]
				}
				if need > have {
					heights[i+c.RowSpan-1] += need - have
				}
			}
		}
	}
	owner := owners(g)
	for _, band := range bands(g) {
		h := 0.0
		for i := band[0]; i < band[1]; i++ {
			h += heights[i]
		}
		if h > pageH-marginTop-marginBottom {
			if err := d.rowByRow(g, band, heights, xs, lines, owner, adv); err != nil {
				return err
			}
			continue
		}
		d.ensure(h)
		ys := map[int]float64{}
		y := d.y
		for i := band[0]; i < band[1]; i++ {
			ys[i] = y
			y += heights[i]
		}
		for i := band[0]; i < band[1]; i++ {
			for j, c := range g.Rows[i] {
				if c.Covered {
					continue
				}
				ch := 0.0
				for k := i; k < i+c.RowSpan; k++ {
					ch += heights[k]
				}
				if err := d.cell(c, lines[[2]int{i, j}], xs[j], ys[i], xs[j+c.ColSpan]-xs[j], ch, adv); err != nil {
					return err
				}
			}
		}
		d.y = y
	}
	d.y += 8
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

// bands groups rows into runs that vertical merges tie together; a page
// break may fall only between bands.
func bands(g *report.Grid) [][2]int {
	var out [][2]int
	start, end := 0, 0
	for i, row := range g.Rows {
		if i >= end && i > start {
			out = append(out, [2]int{start, i})
			start = i
		}
		for _, c := range row {
			if !c.Covered && i+c.RowSpan > end {
				end = i + c.RowSpan
			}
		}
	}
	if start < len(g.Rows) {
		out = append(out, [2]int{start, len(g.Rows)})
	}
	return out
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

// rowByRow draws a band taller than a page one row at a time; a merged cell
// is drawn as one box per row it covers, its text in the first.
func (d *doc) rowByRow(g *report.Grid, band [2]int, heights, xs []float64, lines map[[2]int][]string, owner [][][2]int, adv func(rune) float64) error {
	for i := band[0]; i < band[1]; i++ {
		d.ensure(heights[i])
		for j := range g.Rows[i] {
			o := owner[i][j]
			if o[1] != j {
				continue
			}
			a := g.Rows[o[0]][o[1]]
			ls := lines[o]
			if o[0] != i {
				ls = nil
			}
			if max := int((heights[i] - 2*cellPadY) / lineH); len(ls) > max {
				ls = ls[:max]
			}
			if err := d.cell(a, ls, xs[j], d.y, xs[j+a.ColSpan]-xs[j], heights[i], adv); err != nil {
				return err
			}
		}
		d.y += heights[i]
	}
	return nil
}

// owners maps every slot to the top-left slot of the cell that holds it.
func owners(g *report.Grid) [][][2]int {
	o := make([][][2]int, len(g.Rows))
	for i := range o {
		o[i] = make([][2]int, len(g.Widths))
		for j := range o[i] {
			o[i][j] = [2]int{i, j}
		}
	}
	for i, row := range g.Rows {
		for j, c := range row {
			if c.Covered {
				continue
			}
			for di := 0; di < c.RowSpan && i+di < len(g.Rows); di++ {
				for dj := 0; dj < c.ColSpan && j+dj < len(row); dj++ {
					o[i+di][j+dj] = [2]int{i, j}
				}
			}
		}
	}
	return o
}
