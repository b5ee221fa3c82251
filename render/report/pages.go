package report

// Owners maps every slot to the top-left slot of the cell that holds it.
func Owners(g *Grid) [][][2]int {
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

// Bands groups rows into runs that vertical merges tie together; a page
// break falls between bands, and inside one only when it is taller than a
// page.
func Bands(g *Grid) [][2]int {
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

// Layout is what a format that cannot measure its own pages (docx, xlsx:
// the word processor or spreadsheet lays them out) estimates of a grid:
// each row's height, the height each cell's text needs (indexed by its
// anchor slot), the room left on the first page below what precedes the
// table, and the height of a whole page. Units are the format's own.
type Layout struct {
	Heights []float64
	Need    map[[2]int]float64
	First   float64
	Full    float64
}

// Paginate returns the rows that start a new page, ascending. A continued
// page begins with the heading row that labels its first row
// (Grid.HeadingOf), which the format writes again; a merged cell cut by a
// break is written on both pages as a cell of its own with its text
// again, so a break never leaves a part of a merge unlabelled.
//
// Rows tied by merges (a band) stay on one page when they fit on one. A
// band that does not fit breaks at a clean point where one exists: a
// break cutting fewer merged cells beats a lower one cutting more (the
// boundary of a 一级 group before that of a 二级 group before any row),
// as long as the page is at least half filled; a band that would fit on a
// fresh page moves there rather than cut a merged cell. Every cut cell
// keeps room for its text on both sides.
func Paginate(g *Grid, l Layout) []int {
	p := paginator{g: g, l: l, owner: Owners(g)}
	var breaks []int
	// the first page holds nothing of the table yet: a band too tall for
	// it breaks there rather than leave the page to the title
	capacity, used, empty := l.First, 0.0, true
	newPage := func(at int) {
		breaks = append(breaks, at)
		capacity, used, empty = l.Full, p.head(at), true
	}
	for _, band := range p.bands() {
		for from := band[0]; from < band[1]; {
			rest := p.height(from, band[1])
			if used+rest <= capacity+eps {
				used += rest
				empty = false
				break
			}
			avail := capacity - used
			fresh := rest+p.head(from) <= l.Full+eps
			to := p.pick(band, from, avail, avail/2, fresh && !empty)
			if to == from && empty {
				// rows too tall to fill half a page: any readable break
				to = p.pick(band, from, avail, 0, false)
			}
			if to == from {
				if !empty {
					newPage(from)
					continue
				}
				to = p.fitting(from, band[1], avail)
			}
			used += p.height(from, to)
			empty = false
			if from = to; from < band[1] {
				newPage(from)
			}
		}
	}
	return breaks
}

const eps = 1e-6

// bands are the grid's Bands with the row that closes a heading's block
// (总分) joined to the block: it goes to the next page with the last
// group, never alone.
func (p *paginator) bands() [][2]int {
	var out [][2]int
	for _, b := range Bands(p.g) {
		if n := len(out); n > 0 && b[1]-b[0] == 1 {
			for _, h := range p.g.Headings {
				if h.End == b[0] && out[n-1][1] == b[0] && out[n-1][0] <= h.Row {
					out[n-1][1] = b[1]
					b = [2]int{}
					break
				}
			}
		}
		if b != [2]int{} {
			out = append(out, b)
		}
	}
	return out
}

type paginator struct {
	g     *Grid
	l     Layout
	owner [][][2]int
}

func (p *paginator) height(from, to int) float64 {
	h := 0.0
	for i := from; i < to; i++ {
		h += p.l.Heights[i]
	}
	return h
}

// head is the height of the heading row repeated above row at on a new page.
func (p *paginator) head(at int) float64 {
	if h := p.g.HeadingOf(at); h >= 0 {
		return p.l.Heights[h]
	}
	return 0
}

// pick returns the best row, after from and before band's end, to end
// this page at, or from when there is none: the rows up to it fit in
// avail, every cell it cuts stays readable, and among the breaks filling
// at least minFill it cuts the fewest merged cells (the lowest of those). cleanOnly admits only breaks that cut no cell but those spanning
// the whole band: the band could move whole to the next page instead.
func (p *paginator) pick(band [2]int, from int, avail, minFill float64, cleanOnly bool) int {
	best, bestCost := from, -1
	h := 0.0
	for at := from + 1; at < band[1]; at++ {
		h += p.l.Heights[at-1]
		if h > avail+eps {
			break
		}
		if h+eps < minFill || p.heading(at-1) || p.closing(at) || !p.readable(from, at) {
			continue
		}
		cost := p.cuts(band, at)
		if cleanOnly && cost > 0 {
			continue
		}
		if bestCost < 0 || cost <= bestCost {
			best, bestCost = at, cost
		}
	}
	return best
}

// heading reports whether row r is a heading row, which a page never ends
// with.
func (p *paginator) heading(r int) bool {
	for _, h := range p.g.Headings {
		if h.Row == r {
			return true
		}
	}
	return false
}

// closing reports whether row r closes a heading's block (总分), which a
// page never starts with.
func (p *paginator) closing(r int) bool {
	for _, h := range p.g.Headings {
		if h.End == r {
			return true
		}
	}
	return false
}

// cuts counts the merged cells a break before row at cuts, leaving out
// those that span the whole band (the 绩效指标 label: every break in the
// block cuts it).
func (p *paginator) cuts(band [2]int, at int) int {
	n := 0
	for j := range p.g.Widths {
		o := p.owner[at][j]
		if o[1] != j || p.owner[at-1][j] != o {
			continue
		}
		if o[0] <= band[0] && o[0]+p.g.Rows[o[0]][j].RowSpan >= p.blockEnd(band) {
			continue
		}
		n++
	}
	return n
}

// blockEnd is the end of the heading's block in band (its closing row
// left out), or the band's end.
func (p *paginator) blockEnd(band [2]int) int {
	for _, h := range p.g.Headings {
		if band[0] <= h.Row && h.Row < band[1] && h.End < band[1] {
			return h.End
		}
	}
	return band[1]
}

// readable reports whether every merged cell a break before row at cuts
// has room for its text above the break, on this page's rows from from,
// and below it, on the next page under the repeated heading.
func (p *paginator) readable(from, at int) bool {
	capacity := p.l.Full - p.head(at)
	for j := range p.g.Widths {
		o := p.owner[at][j]
		if o[1] != j || p.owner[at-1][j] != o {
			continue
		}
		need := p.l.Need[o]
		if p.height(max(o[0], from), at)+eps < need {
			return false
		}
		end := o[0] + p.g.Rows[o[0]][j].RowSpan
		h := 0.0
		for i := at; i < end && h+p.l.Heights[i] <= capacity+eps; i++ {
			h += p.l.Heights[i]
		}
		if h+eps < need {
			return false
		}
	}
	return true
}

// fitting returns the end of the rows from from that fit in avail, at
// least one row: the break when none keeps its merged cells readable.
func (p *paginator) fitting(from, stop int, avail float64) int {
	to, h := from+1, p.l.Heights[from]
	for to < stop && h+p.l.Heights[to] <= avail+eps {
		h += p.l.Heights[to]
		to++
	}
	return to
}

// Chunks cuts rows [0, n) at breaks into the rows each page holds: a
// continued page starts with the heading row of its first row, when it
// has one.
func (g *Grid) Chunks(breaks []int) [][]int {
	var out [][]int
	start := 0
	for _, end := range append(append([]int(nil), breaks...), len(g.Rows)) {
		var rows []int
		if h := g.HeadingOf(start); start > 0 && h >= 0 {
			rows = append(rows, h)
		}
		for i := start; i < end; i++ {
			rows = append(rows, i)
		}
		out = append(out, rows)
		start = end
	}
	return out
}
