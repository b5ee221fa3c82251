// Package xlsx writes dashboard tables as an .xlsx workbook (excelize's
// StreamWriter, so a sheet of thousands of units is not held as cells):
// the adapter beside the pure dashboard package. One sheet per table,
// header bold and frozen, a filter over the rows; counts and means are
// numbers, shares text.
package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jixiao/dashboard"
)

// Write writes one sheet per table to w.
func Write(w io.Writer, tables []dashboard.Table) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("xlsx: %w", cerr)
		}
	}()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Title); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(t.Title); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		if err := writeSheet(f, t, bold); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", t.Title, err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

func writeSheet(f *excelize.File, t dashboard.Table, bold int) error {
	sw, err := f.NewStreamWriter(t.Title)
	if err != nil {
		return err
	}
	for c, h := range t.Header {
		wide := utf8.RuneCountInString(h)*2 + 2
		for _, r := range t.Rows {
			if c < len(r) {
				wide = max(wide, utf8.RuneCountInString(r[c].Text)*2+2)
			}
		}
		if err := sw.SetColWidth(c+1, c+1, float64(min(wide, 60))); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(t.Header))
	for i, h := range t.Header {
		head[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range t.Rows {
		row := make([]any, len(r))
		for j, c := range r {
			row[j] = value(c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Header), max(len(t.Rows)+1, 2))
	if err := f.AutoFilter(t.Title, "A1:"+last, nil); err != nil {
		return err
	}
	return sw.Flush()
}

// value is a number cell for a figure, else the text. The number is the
// double nearest the decimal text, which a spreadsheet shows as that text
// again (the decimals have at most 4 places).
func value(c dashboard.Cell) any {
	if c.Num {
		if n, err := strconv.ParseInt(c.Text, 10, 64); err == nil {
			return n
		}
		if x, err := strconv.ParseFloat(c.Text, 64); err == nil {
			return x
		}
	}
	return c.Text
}
