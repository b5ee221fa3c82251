package bulk

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/pipeline"
	"jixiao/present"
)

// Summary writes the reviewer's workbook: a sheet 文档 with one row per
// document and a sheet 问题 with every finding, both with filters and a
// frozen header. Rows go to temporary files as they come (see spill) and
// are streamed into the .xlsx by Write, so that ten thousand documents
// cost no more memory than ten. Close removes the temporary files; Write
// closes the summary itself.
type Summary struct {
	docs, fnds *spill
}

var docHeader = []string{"文件", "单位", "年度", "类型", "规则集", "表列总分", "计算总分", "等级", "执行率", "错误", "警告", "提示", "主要问题", "无法读取的原因"}
var fndHeader = []string{"文件", "单位", "代码", "级别", "说明", "表列", "应为", "位置", "依据"}

var docWidths = []float64{40, 24, 8, 10, 14, 10, 10, 6, 10, 6, 6, 6, 60, 40}
var fndWidths = []float64{40, 24, 22, 6, 70, 16, 24, 36, 60}

// NewSummary starts a workbook.
func NewSummary() (*Summary, error) {
	docs, err := newSpill()
	if err != nil {
		return nil, err
	}
	fnds, err := newSpill()
	if err != nil {
		_ = docs.close()
		return nil, err
	}
	return &Summary{docs: docs, fnds: fnds}, nil
}

// Add writes one document and its findings.
func (s *Summary) Add(d *pipeline.Result) error {
	j := present.NewCheckJSON(d)
	if err := s.docs.add(docRow(j)); err != nil {
		return err
	}
	for i := range j.Findings {
		if err := s.fnds.add(findingRow(j, i)); err != nil {
			return err
		}
	}
	return nil
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

// Write finishes the workbook, writes it to w and closes the summary.
// excelize writes everything but the rows (styles, column widths, frozen
// panes, header rows, filters) into a small workbook; the rows are spliced
// into its two sheets on the way to w.
func (s *Summary) Write(w io.Writer) error {
	defer s.Close()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "文档"); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if _, err := f.NewSheet("问题"); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	rows := map[string]*spill{}
	for _, x := range []struct {
		sheet  string
		header []string
		widths []float64
		rows   *spill
	}{{"文档", docHeader, docWidths, s.docs}, {"问题", fndHeader, fndWidths, s.fnds}} {
		path, err := startSheet(f, x.sheet, x.header, x.widths, max(x.rows.rows, 2))
		if err != nil {
			return err
		}
		rows[path] = x.rows
	}
	skeleton, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return splice(w, skeleton.Bytes(), rows)
}

// Close removes the temporary files. It may be called more than once.
func (s *Summary) Close() error {
	return errors.Join(s.docs.close(), s.fnds.close())
}

// startSheet writes a sheet's layout, header row and a filter over rows
// 1 to rows, and returns the path of its XML in the package.
func startSheet(f *excelize.File, sheet string, header []string, widths []float64, rows int) (string, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return "", fmt.Errorf("summary: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{Value: h, StyleID: style}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	// before Flush: once a stream is flushed, excelize drops its
	// worksheet, and a filter set then reaches only workbook.xml (a hidden
	// _FilterDatabase name) and not the sheet's <autoFilter>, without
	// which a spreadsheet shows no filter buttons
	if err := f.AutoFilter(sheet, "A1:"+cellName(len(header), rows), nil); err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return "", fmt.Errorf("summary: %w", err)
	}
	// excelize names a sheet's part by its sheet ID (NewSheet, templates)
	return "xl/worksheets/sheet" + strconv.Itoa(sw.SheetID) + ".xml", nil
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
