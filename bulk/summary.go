package bulk

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/present"
)

// Summary writes the reviewer's workbook: a sheet 文档 with one row per
// document and a sheet 问题 with every finding, both with filters and a
// frozen header, streamed row by row so that ten thousand documents cost
// no more memory than ten.
type Summary struct {
	f          *excelize.File
	docs, fnds *excelize.StreamWriter
	docRow     int
	fndRow     int
}

var docHeader = []string{"文件", "单位", "年度", "类型", "规则集", "表列总分", "计算总分", "等级", "执行率", "错误", "警告", "提示", "主要问题", "无法读取的原因"}
var fndHeader = []string{"文件", "单位", "代码", "级别", "说明", "表列", "应为", "位置", "依据"}

// NewSummary starts a workbook.
func NewSummary() (*Summary, error) {
	f := excelize.NewFile()
	s := &Summary{f: f, docRow: 1, fndRow: 1}
	if err := f.SetSheetName("Sheet1", "文档"); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	if _, err := f.NewSheet("问题"); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	var err error
	if s.docs, err = s.start("文档", docHeader, []float64{40, 24, 8, 10, 14, 10, 10, 6, 10, 6, 6, 6, 60, 40}); err != nil {
		return nil, err
	}
	if s.fnds, err = s.start("问题", fndHeader, []float64{40, 24, 22, 6, 70, 16, 24, 36, 60}); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Summary) start(sheet string, header []string, widths []float64) (*excelize.StreamWriter, error) {
	sw, err := s.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, fmt.Errorf("summary: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	style, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{Value: h, StyleID: style}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	return sw, nil
}

// Add writes one document and its findings.
func (s *Summary) Add(d *present.Doc) error {
	j := present.NewCheckJSON(d)
	s.docRow++
	row := []any{d.Path, j.Unit, yearCell(j.Year), j.Kind, j.Rules, "", "", "", "", j.Counts.Error, j.Counts.Warning, j.Counts.Info, topFindings(j, 3), j.Error}
	if j.Score != nil {
		row[5], row[6], row[7] = numberCell(deref(j.Score.StatedTotal)), numberCell(j.Score.ComputedTotal), j.Score.Grade
		if j.Score.ExecutionRate != nil {
			row[8] = numberCell(*j.Score.ExecutionRate)
		}
	}
	if err := s.docs.SetRow(cellName(1, s.docRow), row); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	for _, f := range j.Findings {
		s.fndRow++
		loc := strings.Join(nonEmpty(f.Location.Block, f.Location.Item, f.Location.Column), " › ")
		if f.Location.Source != nil && !f.Location.Source.IsZero() {
			loc += "（" + f.Location.Source.Describe() + "）"
		}
		r := []any{d.Path, j.Unit, f.Code, severityLabel(f.Severity), f.Message, f.Stated, f.Expected, loc, f.Evidence}
		if err := s.fnds.SetRow(cellName(1, s.fndRow), r); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	return nil
}

// Write finishes the workbook and writes it to w.
func (s *Summary) Write(w io.Writer) error {
	for _, x := range []struct {
		sw    *excelize.StreamWriter
		sheet string
		cols  int
		rows  int
	}{{s.docs, "文档", len(docHeader), s.docRow}, {s.fnds, "问题", len(fndHeader), s.fndRow}} {
		if err := x.sw.Flush(); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
		if err := s.f.AutoFilter(x.sheet, "A1:"+cellName(x.cols, max(x.rows, 2)), nil); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	if _, err := s.f.WriteTo(w); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return s.f.Close()
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
