package pdf

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/signintech/gopdf"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// indicatorRows is a 自评表's indicator block as a grid: "^" is a slot
// covered by the cell above (merged down), ">" one covered by the cell to
// its left; "\n" breaks a cell's text into lines.
var indicatorRows = [][]string{
	{"产出指标", "数量指标", "开展培训次数", "≥20次", "24次", "10", "10"},
	{"^", "^", "印发宣传资料份数", "≥1000份", "1200份", "10", "10"},
	{"^", "^", "受理案件数量", "≥600件", "650件", "10", "10"},
	{"^", "质量指标", "案件办结率", "≥90%", "92.3%", "10", "10"},
	{"^", "^", "档案资料规范率", "≥95%", "97.4%", "10", "9.5"},
	{"效益指标", "社会效\n益指标", "群众法治意识", "有效提升", "有效提升", "10", "10"},
	{"^", "^", "政策知晓率", "≥80%", "82.2%", "10", "10"},
	{"^", "可持续\n影响指\n标", "长效管护机制", "有效建立", "有效建立", "10", "10"},
	{"满意度\n指标", "服务对\n象满意\n度指标", "受益群众满意度", "≥90%", "94.6%", "10", "10"},
	{"总分", ">", ">", ">", ">", "90", "89.5"},
}

var indicatorHeader = []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"}

// drawContinued draws the header and the first brk rows of indicatorRows
// on page 1, and the other rows on page 2 without repeating the header, as
// producers that do not repeat a table's 标题行 do. A merged cell cut by
// the break has its text on page 1 only; top places a merged cell's text
// in its first row (Word's default) instead of centring it on its rows on
// that page.
func drawContinued(t *testing.T, brk int, top bool) []byte {
	t.Helper()
	return drawRows(t, indicatorRows, []float64{60, 46, 110, 62, 62, 40, 40}, brk, top)
}

// drawRows is drawContinued on any indicator rows and column widths (in
// points); brk at len(rows) draws one page.
func drawRows(t *testing.T, body [][]string, widths []float64, brk int, top bool) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFont("cjk", font(t)); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("cjk", "", 10); err != nil {
		t.Fatal(err)
	}
	const lineH, pad = 13.0, 4.0
	xs := []float64{80}
	for _, w := range widths {
		xs = append(xs, xs[len(xs)-1]+w)
	}
	rows := append([][]string{indicatorHeader}, body...)
	brk++ // the header is row 0
	span := func(i, j int) (rs, cs int) {
		for rs = 1; i+rs < len(rows) && rows[i+rs][j] == "^"; rs++ {
		}
		for cs = 1; j+cs < len(widths) && rows[i][j+cs] == ">"; cs++ {
		}
		return rs, cs
	}
	lines := func(s string) []string { return strings.Split(s, "\n") }
	heights := make([]float64, len(rows))
	for i := range rows {
		heights[i] = lineH + 2*pad
		for j, s := range rows[i] {
			if rs, _ := span(i, j); s != "^" && s != ">" && rs == 1 {
				heights[i] = max(heights[i], float64(len(lines(s)))*lineH+2*pad)
			}
		}
	}
	ys := make([]float64, len(rows)+1)
	ys[0] = 100
	for i := range rows {
		if ys[i+1] = ys[i] + heights[i]; i+1 == brk {
			ys[i+1] = 60 // page 2 starts at its top
		}
	}
	text := func(x, y float64, s string) {
		pdf.SetXY(x, y)
		if err := pdf.Cell(nil, s); err != nil {
			t.Fatal(err)
		}
	}
	page := func(n int) {
		pdf.AddPage()
		text(290, 800, fmt.Sprintf("— %d —", n))
	}
	page(1)
	text(230, 60, "项目支出绩效自评表")
	for i := range rows {
		if i == brk {
			page(2)
		}
		for j, s := range rows[i] {
			if s == "^" || s == ">" {
				continue
			}
			rs, cs := span(i, j)
			last := i + rs // the rows of the cell on this page
			if i < brk {
				last = min(last, brk)
			}
			y0, y1 := ys[i], ys[last-1]+heights[last-1]
			pdf.RectFromUpperLeftWithStyle(xs[j], y0, xs[j+cs]-xs[j], y1-y0, "D")
			if top {
				y1 = y0 + heights[i]
			}
			ls := lines(s)
			y := (y0+y1)/2 - float64(len(ls))*lineH/2
			for _, l := range ls {
				w, err := pdf.MeasureTextWidth(l)
				if err != nil {
					t.Fatal(err)
				}
				text((xs[j]+xs[j+cs]-w)/2, y+(lineH-10)/2, l)
				y += lineH
			}
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cellGrid writes a rebuilt table's rows as slots, "^" for a slot covered
// by a cell merged down, and line breaks dropped.
func cellGrid(tb *jixiao.Table) [][]string {
	var out [][]string
	var below []int // by column: rows still covered
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r.Cells {
			for len(row) < len(below) && below[len(row)] > 0 {
				below[len(row)]--
				row = append(row, "^")
			}
			for len(below) <= len(row) {
				below = append(below, 0)
			}
			below[len(row)] = c.RowSpan - 1
			row = append(row, c.Text)
		}
		for len(row) < len(below) && below[len(row)] > 0 {
			below[len(row)]--
			row = append(row, "^")
		}
		out = append(out, row)
	}
	return out
}

// want is what a table over two pages, broken before row brk of
// indicatorRows, reads back as: page 1 under its header, page 2 on the
// same columns with its first rows' merged labels left empty (the
// extractor carries them down from page 1), and 总分 in the column its
// text stands in. A label drawn in its first row gives no sign of where
// the last one ends: it runs to the block's end, over 总分.
func want(brk int, top bool) [][][]string {
	var rows [][]string
	for _, r := range indicatorRows {
		row := make([]string, len(r))
		for j, s := range r {
			row[j] = strings.ReplaceAll(s, "\n", "")
			if s == ">" {
				row[j] = ""
			}
		}
		rows = append(rows, row)
	}
	total := rows[len(rows)-1]
	total[2], total[0] = total[0], ""
	if top && brk < len(rows)-1 {
		total[0], total[1] = "^", "^"
	}
	p1 := append([][]string{indicatorHeader}, rows[:brk]...)
	p2 := rows[brk:]
	for j := range p2[0] {
		for i := 0; i < len(p2) && p2[i][j] == "^"; i++ {
			p2[i][j] = ""
		}
	}
	return [][][]string{p1, p2}
}

// TestContinuedTable reads an indicator table that runs over two pages
// and does not repeat its header on the second: the second page's rows
// are read on the first page's columns, not left to right.
func TestContinuedTable(t *testing.T) {
	_, err := exec.LookPath("pdftotext")
	need(t, "pdftotext (poppler-utils)", err == nil)
	for _, tc := range []struct {
		name string
		brk  int
		top  bool
	}{
		{"CentredLabels", 4, false},
		{"LabelsInFirstRow", 4, true},
		{"TotalAlone", 9, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := drawContinued(t, tc.brk, tc.top)
			got := readTables(t, data)
			if diff := cmp.Diff(want(tc.brk, tc.top), got); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTotalInLabelColumn reads a table whose 二级 column is blank and
// whose 一级 column is wide, so that 总分, merged from 一级 to 实际完成值,
// is centred in the 二级 column: it stays in its own row, and is not
// taken for an 二级 label merged over every row above it.
func TestTotalInLabelColumn(t *testing.T) {
	rows := [][]string{
		{"产出指标", "", "完成量", "100%", "100%", "20", "20"},
		{"^", "", "完成率", "100%", "100%", "20", "20"},
		{"^", "", "完成时间", "年度完成", "已完成", "20", "20"},
		{"满意度指标", "", "群众满意度", "100%", "100%", "20", "20"},
		{"成本指标", "", "节约率", "100%", "100%", "10", "10"},
		{"总分", ">", ">", ">", ">", "90", "90"},
	}
	// 总分's centre: (130+76+70+56+56)/2 = 194, inside 二级 (130 to 206)
	data := drawRows(t, rows, []float64{130, 76, 70, 56, 56, 40, 40}, len(rows), false)
	got := readTables(t, data)
	want := [][][]string{{
		indicatorHeader,
		{"产出指标", "", "完成量", "100%", "100%", "20", "20"},
		{"^", "", "完成率", "100%", "100%", "20", "20"},
		{"^", "", "完成时间", "年度完成", "已完成", "20", "20"},
		{"满意度指标", "", "群众满意度", "100%", "100%", "20", "20"},
		{"成本指标", "", "节约率", "100%", "100%", "10", "10"},
		{"", "总分", "", "", "", "90", "90"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}

// readTables reads a PDF and returns its tables as cellGrid slots.
func readTables(t *testing.T, data []byte) [][][]string {
	t.Helper()
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][][]string
	for _, b := range d.Blocks {
		if b.Kind == jixiao.BlockTable {
			got = append(got, cellGrid(b.Table))
		}
	}
	return got
}
