package pdf

import "slices"

// joinHeaders makes one header row of two stacked rows of labels that
// are both headers and share no column: a header whose labels were
// centred on different lines (LibreOffice centres 一级指标 三级指标 and
// 实际完成值 分值 得分 on one line and 指标性质 指标值 度量单位, under their
// spanning 年度指标值, on the next). Read as two headers, the second's
// block would have only its columns, and the figures right of them would
// be joined into its last cell.
func (reg *region) joinHeaders() {
	for i := 0; i+1 < len(reg.rows); i++ {
		a, b := reg.rows[i], reg.rows[i+1]
		if !isHeader(reg.rows, i) || !isHeader(reg.rows, i+1) || b.y0-a.y1 > a.cells[0].h || sharesColumn(a, b) {
			continue
		}
		a.cells = append(a.cells, b.cells...)
		slices.SortFunc(a.cells, func(x, y *bcell) int { return cmpFloat(x.x0, y.x0) })
		a.y0, a.y1 = min(a.y0, b.y0), max(a.y1, b.y1)
		a.cy = (a.cy + b.cy) / 2
		reg.rows = slices.Delete(reg.rows, i+1, i+2)
	}
}

// sharesColumn reports a cell of a overlapping a cell of b horizontally.
func sharesColumn(a, b *brow) bool {
	for _, c := range a.cells {
		for _, d := range b.cells {
			if c.x0 < d.x1 && d.x0 < c.x1 {
				return true
			}
		}
	}
	return false
}
