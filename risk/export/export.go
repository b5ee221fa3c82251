// Package export writes a risk ranking and a 抽查 list as CSV or as an
// .xlsx workbook (excelize): the adapter beside the pure risk engine.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/risk"
)

// Formats are the formats Write accepts.
var Formats = []string{"csv", "xlsx"}

// listColumns head the ranking and the sample.
var listColumns = []string{"排名", "标识", "单位", "年度", "风险分", "抽取方式", "原因代码", "原因"}

// reasonColumns head the reasons sheet.
var reasonColumns = []string{"标识", "单位", "年度", "代码", "说明", "依据", "分值", "相关自评"}

func listRow(a risk.Assessment, how string) []string {
	codes := make([]string, len(a.Reasons))
	msgs := make([]string, len(a.Reasons))
	for i, r := range a.Reasons {
		codes[i], msgs[i] = r.Code, r.Message
	}
	return []string{strconv.Itoa(a.Rank), a.ID, a.Unit, strconv.Itoa(a.Year), a.Score.StringFixed(2), how,
		strings.Join(codes, " "), strings.Join(msgs, "；")}
}

func how(p risk.Pick) string {
	if p.Random {
		return "随机抽取"
	}
	return "风险最高"
}

// Write writes picks when given (the 抽查 list), else the ranking, as CSV
// (UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8);
// as xlsx it writes the list, the whole ranking and every reason with its
// evidence, one sheet each.
func Write(w io.Writer, format string, ranked []risk.Assessment, picks []risk.Pick) error {
	switch format {
	case "csv":
		return writeCSV(w, ranked, picks)
	case "xlsx":
		return writeXLSX(w, ranked, picks)
	}
	return fmt.Errorf("export: 不支持的格式 %q（可用 csv、xlsx）", format)
}

func writeCSV(w io.Writer, ranked []risk.Assessment, picks []risk.Pick) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	cw := csv.NewWriter(w)
	rows := [][]string{listColumns}
	if picks != nil {
		for _, p := range picks {
			rows = append(rows, listRow(p.Assessment, how(p)))
		}
	} else {
		for _, a := range ranked {
			rows = append(rows, listRow(a, ""))
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func writeXLSX(w io.Writer, ranked []risk.Assessment, picks []risk.Pick) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("export: %w", cerr)
		}
	}()
	var sheets []string
	if picks != nil {
		rows := [][]string{listColumns}
		for _, p := range picks {
			rows = append(rows, listRow(p.Assessment, how(p)))
		}
		if err := sheet(f, "抽查名单", rows, &sheets); err != nil {
			return err
		}
	}
	rows := [][]string{listColumns}
	reasons := [][]string{reasonColumns}
	for _, a := range ranked {
		rows = append(rows, listRow(a, ""))
		for _, r := range a.Reasons {
			reasons = append(reasons, []string{a.ID, a.Unit, strconv.Itoa(a.Year), r.Code, r.Message, r.Evidence, r.Points.StringFixed(2), r.Related})
		}
	}
	if err := sheet(f, "风险排序", rows, &sheets); err != nil {
		return err
	}
	if err := sheet(f, "风险原因", reasons, &sheets); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// sheet writes rows into a new sheet with a frozen header; numeric columns
// (rank, year, score) are written as numbers so that they sort.
func sheet(f *excelize.File, name string, rows [][]string, names *[]string) error {
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	*names = append(*names, name)
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	numeric := map[string]bool{"排名": true, "年度": true, "风险分": true, "分值": true}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = v
			if i > 0 && numeric[rows[0][j]] {
				// as render/xlsx does: a number so that the column sorts; the
				// figures have at most 2 decimals, which a float64 shows exactly
				if d, err := decimal.NewFromString(v); err == nil {
					cells[j], _ = d.Float64()
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
