package pdf

import (
	"math"
	"slices"
)

// Merged cells. A cell merged over rows is drawn once, and the PDF keeps
// no trace of its box: a label column's cells are fitted to the rows, each
// covering the rows from its own down to the next cell's. Where a cell's
// text sits in its rows depends on the producer: centred on all of them
// (Excel, Word when told, our renderer), or in the first of them (Word's
// default, and renderers that draw a merged cell row by row). One page
// may fit both (a label in the first of three rows reads as well as the
// middle of rows above it), so the choice is made for the whole document,
// on the evidence of every label column (placement).

// placement is what a document's label columns say of where its producer
// puts merged text: the summed cost of each fit, over the columns where the
// two fits differ.
type placement struct {
	centred, first float64
	h              float64 // the tallest text line seen, the scale of a costs' difference
	decided, top   bool
	// columns read each way before the decision, on their own evidence
	localCentred, localTop int
}

// seen reports whether any column told the fits apart.
func (p *placement) seen() bool { return p.h > 0 }

// better reports whether the first-row fit wins on these costs: by a
// quarter of a line, centring winning near ties.
func better(first, centred, h float64) bool { return first+0.25*h < centred }

// decide settles on the fit with the lower cost, and reports whether a
// column was read the other way before.
func (p *placement) decide() bool {
	p.decided, p.top = true, better(p.first, p.centred, p.h)
	if p.top {
		return p.localCentred > 0
	}
	return p.localTop > 0
}

// top and bottom are a row's edges: halfway to its neighbours, and as far
// out as a cell's padding at the table's top and bottom.
func (reg *region) top(i int) float64 {
	if i == 0 {
		return reg.rows[0].y0 - reg.padding()
	}
	return (reg.rows[i-1].y1 + reg.rows[i].y0) / 2
}

func (reg *region) bottom(i int) float64 {
	if i == len(reg.rows)-1 {
		return reg.rows[i].y1 + reg.padding()
	}
	return (reg.rows[i].y1 + reg.rows[i+1].y0) / 2
}

// padding is half the narrowest gap between rows: the room between a
// cell's text and its box.
func (reg *region) padding() float64 {
	if reg.pad < 0 {
		reg.pad = 0
		for i := 1; i < len(reg.rows); i++ {
			if g := (reg.rows[i].y0 - reg.rows[i-1].y1) / 2; g > 0 && (reg.pad == 0 || g < reg.pad) {
				reg.pad = g
			}
		}
	}
	return reg.pad
}

// maxSpan bounds the rows one merged cell is tried over.
const maxSpan = 256

// gapCost prices each row left above a column's first cell on a continued
// page, so that of two fits as good the one that leaves none wins.
const gapCost = 0.01

// partition gives the cells of a label column consecutive runs of the rows
// [from, to), top to bottom. On a page that continues a table (open), the
// rows above the first cell may lie under a cell merged down from the page
// before: they are left empty, and the extractor carries the label down.
//
// inside, when not nil, marks the rows no run may start at (runsInside).
func (reg *region) partition(cs []*bcell, from, to int, open bool, inside []bool) {
	if len(cs) == 0 {
		return
	}
	slices.SortFunc(cs, func(a, b *bcell) int { return cmpFloat(a.cy(), b.cy()) })
	own := make([]int, len(cs))
	for k, c := range cs {
		own[k] = reg.rowAt(c.cy(), from, to)
		if k > 0 && own[k] <= own[k-1] {
			// two cells in one row: no run of rows each; keep to the
			// rows they were found in
			reg.partitionGreedy(cs, from, to)
			return
		}
	}
	gap := func(k, s int) float64 {
		if k == 0 {
			return gapCost * float64(s-from)
		}
		return 0
	}
	centredAt := func(k, s, e int) float64 {
		return math.Abs(cs[k].cy()-(reg.top(s)+reg.bottom(e-1))/2) + gap(k, s)
	}
	firstAt := func(k, s, _ int) float64 {
		c, r := cs[k], reg.rows[s]
		return math.Min(math.Abs(c.cy()-r.cy), math.Abs(c.y0-r.y0)) + gap(k, s)
	}
	// The last cell of a column that runs to the foot of the page may be
	// a merged cell the page break cut: LibreOffice sets a cut cell's text
	// at the top of the part on the page whatever its alignment, our
	// renderer centres it on that part. It is placed as the fit has it
	// when that puts it within a quarter of a line, else as the other fit
	// has it, and tells nothing of the producer (evidence).
	cut := -1
	if reg.foot && to == len(reg.rows) {
		cut = len(cs) - 1
	}
	q := 0.25 * cs[0].h
	either := func(own, other func(k, s, e int) float64) func(k, s, e int) float64 {
		return func(k, s, e int) float64 {
			if c := own(k, s, e); k != cut || c <= q {
				return c
			}
			return q + other(k, s, e)
		}
	}
	centred, first := either(centredAt, firstAt), either(firstAt, centredAt)
	cc, cb := reg.fitRuns(own, from, to, open, true, centred, inside)
	fc, fb := reg.fitRuns(own, from, to, open, false, first, inside)
	if inside != nil && (math.IsInf(cc, 1) || math.IsInf(fc, 1)) {
		// groups that do not nest (two cells centred in one run of the
		// column to their right): the geometry alone decides
		cc, cb = reg.fitRuns(own, from, to, open, true, centred, nil)
		fc, fb = reg.fitRuns(own, from, to, open, false, first, nil)
	}
	p := reg.place
	if p == nil {
		p = &placement{}
	}
	top := better(fc, cc, cs[0].h)
	if p.decided {
		top = p.top
	} else if ec, ef, n := evidence(cb, fb, cut, centredAt, firstAt); n > 0 && fits(ec, ef, n, cs[0].h) {
		p.centred, p.first = p.centred+ec, p.first+ef
		for _, c := range cs {
			p.h = math.Max(p.h, c.h)
		}
		if top {
			p.localTop++
		} else {
			p.localCentred++
		}
	}
	b := cb
	if top {
		b = fb
	}
	for k, c := range cs {
		c.row, c.span = b[k], b[k+1]-b[k]
	}
}

// evidence is the cost of each fit over the cells but cut (-1: none)
// that either fit spreads over two rows or more, and their number: a
// cell on one row is centred on it and in its first row alike.
func evidence(cb, fb []int, cut int, centred, first func(k, s, e int) float64) (ec, ef float64, n int) {
	for k := range len(cb) - 1 {
		if k == cut || cb[k+1]-cb[k] == 1 && fb[k+1]-fb[k] == 1 {
			continue
		}
		ec += centred(k, cb[k], cb[k+1])
		ef += first(k, fb[k], fb[k+1])
		n++
	}
	return ec, ef, n
}

// fits reports a column whose cells one of the two fits places each
// within a quarter of a line, on average: evidence of where the producer
// puts merged text, whether or not the two fits give the same runs (a
// label centred on its two rows is also in the first of them, but drawn
// between them it is not). A column neither fit explains (a label merged
// over rows of two blocks, centred on rows of both) tells nothing.
func fits(centred, first float64, n int, h float64) bool {
	return min(centred, first) <= 0.25*h*float64(n)
}

// rowAt returns the row of [from, to) whose band, halfway to its
// neighbours, holds y; the nearest one when none does.
func (reg *region) rowAt(y float64, from, to int) int {
	best, dist := from, math.Inf(1)
	for i := from; i < to; i++ {
		d := 0.0
		if t, b := reg.top(i), reg.bottom(i); y < t {
			d = t - y
		} else if y > b {
			d = y - b
		}
		if d < dist {
			best, dist = i, d
		}
	}
	return best
}

// fitRuns finds the runs of rows, one per cell, that cost least: cell k
// covers rows [b[k], b[k+1]), which hold its own row own[k]; the runs
// follow each other from from (or, when open, from any row down to the
// first cell's) to to (or, when short, to any row below the last cell's:
// rows such as 总分 that no label covers). cost prices one cell on one
// run.
func (reg *region) fitRuns(own []int, from, to int, open, short bool, cost func(k, s, e int) float64, inside []bool) (float64, []int) {
	m := len(own)
	// cands[k] are the rows b[k] may take.
	cands := make([][2]int, m+1)
	cands[0] = [2]int{from, from}
	if open {
		cands[0] = [2]int{max(from, own[0]-maxSpan), own[0]}
	}
	for k := 1; k < m; k++ {
		cands[k] = [2]int{max(own[k-1]+1, own[k]-maxSpan), own[k]}
	}
	cands[m] = [2]int{to, to}
	if short {
		cands[m][0] = max(own[m-1]+1, to-maxSpan)
	}
	best := make([]float64, cands[0][1]-cands[0][0]+1)
	for s := cands[0][0]; s <= cands[0][1]; s++ {
		if s > from && inside != nil && s < len(inside) && inside[s] {
			best[s-cands[0][0]] = math.Inf(1)
		}
	}
	back := make([][]int, m+1)
	for k := 0; k < m; k++ {
		lo, hi := cands[k+1][0], cands[k+1][1]
		next := make([]float64, hi-lo+1)
		back[k+1] = make([]int, hi-lo+1)
		for e := lo; e <= hi; e++ {
			next[e-lo] = math.Inf(1)
			if e < to && inside != nil && e < len(inside) && inside[e] {
				continue
			}
			for s := cands[k][0]; s <= cands[k][1]; s++ {
				if e <= s || math.IsInf(best[s-cands[k][0]], 1) {
					continue
				}
				if c := best[s-cands[k][0]] + cost(k, s, e); c < next[e-lo] {
					next[e-lo], back[k+1][e-lo] = c, s
				}
			}
		}
		best = next
	}
	end := 0
	for e := range best {
		if best[e] < best[end] {
			end = e
		}
	}
	if math.IsInf(best[end], 1) {
		return best[end], nil // no runs nest (inside)
	}
	b := make([]int, m+1)
	b[m] = cands[m][0] + end
	for k := m; k > 0; k-- {
		b[k-1] = back[k][b[k]-cands[k][0]]
	}
	return best[end], b
}

// partitionGreedy gives the cells of a label column, top to bottom,
// consecutive runs of the rows [from, to): each cell starts where the one
// above ended and spans the rows whose middle is nearest its centre.
func (reg *region) partitionGreedy(cs []*bcell, from, to int) {
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
