package extract

import "slices"

// A header cell spanning several columns may be split by a second header
// row: 年度指标值 over 指标性质 | 指标值 | 度量单位, as a table made in a word
// processor or a spreadsheet lays it out. The second row names the
// columns under the span; without it every figure under 年度指标值 would be
// read from the span's first column (the 指标性质 sign alone).

// subHeader takes r, the row right after the indicator header, as its
// second row when every cell of its own is an indicator column's label
// under a header cell spanning several columns, and names those columns by
// it. It reports whether r was taken.
func (x *extractor) subHeader(r grow) bool {
	if !x.indFresh {
		return false
	}
	n := 0
	for i, c := range r.cells {
		if !c.origin || c.Text == "" {
			continue
		}
		if _, ok := headerKey(c.norm, indicatorLabels); !ok || !x.spannedHeaderCol(i) {
			return false
		}
		n++
	}
	if n == 0 {
		return false
	}
	for i, c := range r.cells {
		if !c.origin || c.Text == "" {
			continue
		}
		key, _ := headerKey(c.norm, indicatorLabels)
		h := x.indHdr[:0]
		for _, hc := range x.indHdr {
			if hc.key != key && hc.col != i {
				h = append(h, hc)
			}
		}
		x.indHdr = append(h, hcol{key, i})
	}
	slices.SortFunc(x.indHdr, func(a, b hcol) int { return a.col - b.col })
	x.indexIndicatorHeader()
	x.indFresh = false
	return true
}

// spannedHeaderCol reports a column the indicator header's cell there
// spans with others.
func (x *extractor) spannedHeaderCol(col int) bool {
	return col >= 0 && col < len(x.indSpan) && x.indSpan[col]
}
