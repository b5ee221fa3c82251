package xlsx

import (
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"strings"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// span is a merged range by 0-based grid coordinates.
type span struct{ row, col, rows, cols int }

// readSheet reads one sheet into a table, adding the cells it reads to
// *cells, which the caller bounds across the workbook.
func readSheet(f *excelize.File, sheet string, cells *int, lim limit.Limits) (*jixiao.Table, error) {
	grid, err := values(f, sheet, cells, lim)
	if err != nil {
		return nil, err
	}
	if err := computeFormulas(f, sheet, grid); err != nil {
		return nil, err
	}
	merges, err := mergeSpans(f, sheet)
	if err != nil {
		return nil, err
	}
	nrows, ncols := extent(grid, merges)
	if nrows*ncols > lim.MaxCells {
		return nil, &limit.LimitError{Limit: limit.Cells, Value: int64(nrows) * int64(ncols), Max: int64(lim.MaxCells)}
	}
	covered := make([]bool, nrows*ncols)
	spans := map[int]span{}
	for _, m := range merges {
		if m.row >= nrows || m.col >= ncols {
			continue
		}
		m.rows, m.cols = min(m.rows, nrows-m.row), min(m.cols, ncols-m.col)
		if covered[m.row*ncols+m.col] {
			continue // overlapping ranges: the first one read wins
		}
		spans[m.row*ncols+m.col] = m
		for r := m.row; r < m.row+m.rows; r++ {
			for c := m.col; c < m.col+m.cols; c++ {
				if r != m.row || c != m.col {
					covered[r*ncols+c] = true
				}
			}
		}
	}
	t := &jixiao.Table{Rows: make([]jixiao.Row, nrows)}
	for r := range nrows {
		row := jixiao.Row{Pos: jixiao.Position{Sheet: sheet, Row: r + 1}}
		for c := range ncols {
			if covered[r*ncols+c] {
				continue
			}
			cell := jixiao.Cell{Text: at(grid, r, c), ColSpan: 1, RowSpan: 1, Pos: jixiao.Position{Sheet: sheet, Row: r + 1, Cell: c + 1}}
			if m, ok := spans[r*ncols+c]; ok {
				cell.ColSpan, cell.RowSpan = m.cols, m.rows
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows[r] = row
	}
	return t, nil
}

// values reads the sheet's displayed values row by row.
func values(f *excelize.File, sheet string, cells *int, lim limit.Limits) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var grid [][]string
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		// Blank rows (styled, or gaps) are not counted: a sheet can hold at
		// most 1,048,576 of them, and the trimmed extent is bounded below.
		*cells += len(cols)
		if *cells > lim.MaxCells {
			return nil, &limit.LimitError{Limit: limit.Cells, Value: int64(*cells), Max: int64(lim.MaxCells)}
		}
		grid = append(grid, cols)
	}
	return grid, rows.Error()
}

func mergeSpans(f *excelize.File, sheet string) ([]span, error) {
	mcs, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	out := make([]span, 0, len(mcs))
	for _, m := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		if c2 < c1 {
			c1, c2 = c2, c1
		}
		if r2 < r1 {
			r1, r2 = r2, r1
		}
		out = append(out, span{row: r1 - 1, col: c1 - 1, rows: r2 - r1 + 1, cols: c2 - c1 + 1})
	}
	return out, nil
}

// extent is the sheet's size with trailing empty rows and columns trimmed,
// keeping merged ranges whose first cell holds text whole.
func extent(grid [][]string, merges []span) (nrows, ncols int) {
	for r, row := range grid {
		for c, v := range row {
			if v != "" {
				nrows, ncols = max(nrows, r+1), max(ncols, c+1)
			}
		}
	}
	for _, m := range merges {
		if at(grid, m.row, m.col) != "" {
			nrows, ncols = max(nrows, m.row+m.rows), max(ncols, m.col+m.cols)
		}
	}
	return nrows, ncols
}

func at(grid [][]string, r, c int) string {
	if r < len(grid) && c < len(grid[r]) {
		return grid[r][c]
	}
	return ""
}

// computeFormulas fills in formula cells that were saved without a cached
// value (excelize and some generators write none).
func computeFormulas(f *excelize.File, sheet string, grid [][]string) error {
	for r, row := range grid {
		for c, v := range row {
			if v == nameError {
				row[c] = typedText(f, sheet, c, r, v)
				continue
			}
			if v != "" {
				if isPlainNumber(v) {
					row[c] = percentFormula(f, sheet, c, r, v)
				}
				continue
			}
			name, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if fm, err := f.GetCellFormula(sheet, name); err != nil || fm == "" {
				continue
			}
			v, err := f.CalcCellValue(sheet, name)
			if err != nil || v == "" {
				continue // an error value (#DIV/0!) or unsupported function: leave it empty
			}
			row[c] = v
		}
	}
	return nil
}

// nameError is the value a spreadsheet gives a formula naming what it
// does not know: text typed after an '=' ("=8个", a target written with
// its sign), which the spreadsheet took for a formula.
const nameError = "#NAME?"

// typedText is what was typed into a cell whose formula could not be read
// as one: '=' and the formula's text ("=8个"), not the error it gave.
func typedText(f *excelize.File, sheet string, c, r int, v string) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return v
	}
	if fm, err := f.GetCellFormula(sheet, name); err == nil && fm != "" {
		return "=" + strings.TrimPrefix(fm, "=")
	}
	return v
}

// percentFormula shows a formula's cached result through the cell's
// percent format. excelize saves a formula's cached value as a string
// ("0.93"), so the value comes back unformatted; a plain number in a cell
// formatted 0.00% is shown as "93.00%", as Excel shows it.
func percentFormula(f *excelize.File, sheet string, c, r int, v string) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return v
	}
	if fm, err := f.GetCellFormula(sheet, name); err != nil || fm == "" {
		return v
	}
	id, err := f.GetCellStyle(sheet, name)
	if err != nil {
		return v
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return v
	}
	places := -1
	switch {
	case st.NumFmt == 9:
		places = 0
	case st.NumFmt == 10:
		places = 2
	case st.CustomNumFmt != nil && strings.HasSuffix(*st.CustomNumFmt, "%"):
		format := *st.CustomNumFmt
		if i := strings.IndexByte(format, '.'); i >= 0 {
			places = strings.Count(format[i:], "0")
		} else {
			places = 0
		}
	}
	if places < 0 {
		return v
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return v
	}
	return d.Shift(2).Round(int32(places)).StringFixed(int32(places)) + "%"
}

func isPlainNumber(s string) bool {
	if s == "" {
		return false
	}
	for i, ch := range s {
		if !(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' && i == 0) {
			return false
		}
	}
	return true
}
