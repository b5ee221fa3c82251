package xlsx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/notation"
	"jixiao/render/xlsx"
)

// TestTallGroupMergedPerPage: a 一级 group taller than a page gets row
// breaks at its 二级 boundaries, and its cell is merged on each page with
// the label in each, so that no printed page shows an unlabelled part of
// a merge; the 绩效指标 label stays off the print-title row, which would
// print it again above the page's own.
func TestTallGroupMergedPerPage(t *testing.T) {
	ev := &jixiao.Evaluation{Kind: jixiao.KindProject, Project: "长组换页", Year: 2024,
		Budget: jixiao.Budget{FullYear: notation.ParseFigure("100"), Executed: notation.ParseFigure("100")}}
	for k := 0; k < 60; k++ {
		ev.Indicators = append(ev.Indicators, jixiao.Indicator{Level1: "产出指标", Level2: fmt.Sprintf("二级%d", k/6), Name: fmt.Sprintf("指标%d", k),
			Target: notation.ParseValue("≥1次"), Actual: notation.ParseValue("1次"), Weight: notation.ParseFigure("1"), Score: notation.ParseFigure("1")})
	}
	data := write(t, ev)
	breaks := rowBreaks(t, data)
	if len(breaks) == 0 {
		t.Fatal("60 indicator rows and no row break")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	merges, err := f.GetMergeCells(xlsx.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	level1 := 0
	for _, m := range merges {
		_, top, _ := excelize.SplitCellName(m.GetStartAxis())
		_, bottom, _ := excelize.SplitCellName(m.GetEndAxis())
		for _, b := range breaks {
			// brk id b: row b is the last of its page
			if top <= b && b < bottom {
				t.Errorf("merge %s:%s runs over the page break after row %d", m.GetStartAxis(), m.GetEndAxis(), b)
			}
		}
		col, _, _ := excelize.SplitCellName(m.GetStartAxis())
		switch col {
		case "B":
			if m.GetCellValue() == "产出指标" {
				level1++
			}
		case "A":
			v, _ := f.GetCellValue(xlsx.Sheet, m.GetStartAxis())
			if v == "绩效指标" {
				above, _ := excelize.JoinCellName("B", top)
				if h, _ := f.GetCellValue(xlsx.Sheet, above); h == "一级指标" {
					t.Errorf("the 绩效指标 merge %s:%s starts on the print-title row", m.GetStartAxis(), m.GetEndAxis())
				}
			}
		}
	}
	if level1 != len(breaks)+1 {
		t.Errorf("产出指标 merged %d times on %d pages", level1, len(breaks)+1)
	}
	for _, b := range breaks {
		// 二级 groups are six rows: a page starts with 指标 0, 6, 12 …
		next, _ := excelize.JoinCellName("D", b+1)
		v, _ := f.GetCellValue(xlsx.Sheet, next)
		var k int
		if _, err := fmt.Sscanf(v, "指标%d", &k); err != nil || k%6 != 0 {
			t.Errorf("the page after row %d starts with %q, inside a 二级 group", b, v)
		}
	}
}

var brk = regexp.MustCompile(`<brk id="(\d+)"`)

// rowBreaks reads the sheet's manual row breaks.
func rowBreaks(t *testing.T, data []byte) []int {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		var out []int
		for _, m := range brk.FindAllSubmatch(b, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			out = append(out, n)
		}
		return out
	}
	t.Fatal("no sheet1.xml")
	return nil
}
