// Package summary writes the reviewer's workbook of a bulk check: a sheet
// 文档 with one row per document (unit, year, kind, rule set, stated and
// computed totals, grade, execution rate, finding counts, the main
// findings, why a file could not be read) and a sheet 问题 with every
// finding, both with a frozen, filterable header.
//
// Rows go to excelize's StreamWriter as the documents come, so they are not
// kept as cells in memory; excelize holds up to 16 MiB of each sheet's XML
// before it spills to a temporary file, and builds the .xlsx in memory when
// it is written (a few MiB for ten thousand documents).
package summary

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/pipeline"
	"jixiao/present"
)

// Summary is a workbook being written. Add documents, then Write it once;
// Close releases it without writing (a run that stopped early).
type Summary struct {
	f          *excelize.File
	docs, fnds sheet
	closed     bool
}

// sheet is one streamed worksheet and the rows written to it so far,
// header included.
type sheet struct {
	name string
	cols int
	sw   *excelize.StreamWriter
	rows int
}

var docHeader = []string{"文件", "单位", "年度", "类型", "规则集", "表列总分", "计算总分", "等级", "执行率", "错误", "警告", "提示", "主要问题", "无法读取的原因"}
var fndHeader = []string{"文件", "单位", "代码", "级别", "说明", "表列", "应为", "位置", "依据"}

var docWidths = []float64{40, 24, 8, 10, 14, 10, 10, 6, 10, 6, 6, 6, 60, 40}
var fndWidths = []float64{40, 24, 22, 6, 70, 16, 24, 36, 60}

// New starts a workbook with the two sheets' layout and header rows.
func New() (*Summary, error) {
	f := excelize.NewFile()
	s := &Summary{f: f}
	err := f.SetSheetName("Sheet1", "文档")
	if err == nil {
		_, err = f.NewSheet("问题")
	}
	if err == nil {
		s.docs, err = startSheet(f, "文档", docHeader, docWidths)
	}
	if err == nil {
		s.fnds, err = startSheet(f, "问题", fndHeader, fndWidths)
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("summary: %w", err)
	}
	return s, nil
}

// startSheet streams a sheet's column widths, frozen header pane and bold,
// shaded header row.
func startSheet(f *excelize.File, name string, header []string, widths []float64) (sheet, error) {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return sheet{}, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return sheet{}, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return sheet{}, err
	}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return sheet{}, err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{Value: h, StyleID: style}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return sheet{}, err
	}
	return sheet{name: name, cols: len(header), sw: sw, rows: 1}, nil
}

// add streams the next row.
func (sh *sheet) add(row []any) error {
	sh.rows++
	return sh.sw.SetRow(cellName(1, sh.rows), row)
}

// finish sets the filter over the sheet's rows and flushes it. The filter
// goes first: once a stream is flushed, excelize drops its worksheet, and
// a filter set then reaches only workbook.xml (a hidden _FilterDatabase
// name), not the sheet's <autoFilter>, without which a spreadsheet shows no
// filter buttons.
func (sh *sheet) finish(f *excelize.File) error {
	if err := f.AutoFilter(sh.name, "A1:"+cellName(sh.cols, max(sh.rows, 2)), nil); err != nil {
		return err
	}
	return sh.sw.Flush()
}

// Add writes one document and its findings.
func (s *Summary) Add(d *pipeline.Result) error {
	j := present.NewCheckJSON(d)
	if err := s.docs.add(docRow(j)); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	for i := range j.Findings {
		if err := s.fnds.add(findingRow(j, i)); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	return nil
}

// Write finishes the workbook, writes it to w and closes the summary.
func (s *Summary) Write(w io.Writer) error {
	defer s.Close()
	if s.closed {
		return errors.New("summary: already written or closed")
	}
	for _, sh := range []*sheet{&s.docs, &s.fnds} {
		if err := sh.finish(s.f); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	if err := s.f.Write(w); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}

// Close releases the workbook and the temporary files excelize spilled
// rows to. It may be called more than once.
func (s *Summary) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.f.Close()
}

// docRow is a document's row in 文档.
func docRow(j present.CheckJSON) []any {
	row := []any{j.Path, j.Unit, yearCell(j.Year), j.Kind, j.Rules, "", "", "", "", j.Counts.Error, j.Counts.Warning, j.Counts.Info, topFindings(j, 3), j.Error}
	if j.Score != nil {
		row[5], row[6], row[7] = numberCell(deref(j.Score.StatedTotal)), numberCell(j.Score.ComputedTotal), j.Score.Grade
		if j.Score.ExecutionRate != nil {
			row[8] = numberCell(*j.Score.ExecutionRate)
		}
	}
	return row
}

// findingRow is the row in 问题 of the document's i-th finding.
func findingRow(j present.CheckJSON, i int) []any {
	f := j.Findings[i]
	loc := strings.Join(nonEmpty(f.Location.Block, f.Location.Item, f.Location.Column), " › ")
	if f.Location.Source != nil && !f.Location.Source.IsZero() {
		loc += "（" + f.Location.Source.Describe() + "）"
	}
	return []any{j.Path, j.Unit, f.Code, severityLabel(f.Severity), f.Message, f.Stated, f.Expected, loc, f.Evidence}
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// numberCell writes an exact decimal string as a number Excel can sort,
// keeping the text when it is not a plain number.
func numberCell(s string) any {
	if s == "" {
		return ""
	}
	var f float64
	if _, err := fmt.Sscan(s, &f); err == nil {
		// a display value for sorting and filtering in a spreadsheet;
		// the exact figure is the string in the JSON output
		return f
	}
	return s
}

func yearCell(y int) any {
	if y == 0 {
		return ""
	}
	return y
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// topFindings is the first n findings above the info level, one a line.
func topFindings(j present.CheckJSON, n int) string {
	var parts []string
	for _, f := range j.Findings {
		if len(parts) == n || f.Severity == "info" {
			break
		}
		parts = append(parts, f.Code+" "+f.Message)
	}
	return strings.Join(parts, "\n")
}

// severityLabel is a severity as the workbook shows it.
func severityLabel(s string) string {
	switch s {
	case "error":
		return "错误"
	case "warning":
		return "警告"
	}
	return "提示"
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
