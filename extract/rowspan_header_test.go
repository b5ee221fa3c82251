package extract

import (
	"strings"
	"testing"

	"jixiao"
)

// TestRowspanHeaderFirst reads a table whose first row is its indicator
// header, with no title row above it, its labels merged down over a second
// header row (年度指标值 over 指标性质 | 指标值), as an html page or a docx
// lays it out: the header is read once, and the row under it is an
// indicator of the header's columns.
func TestRowspanHeaderFirst(t *testing.T) {
	cell := func(s string, cols, rows int) jixiao.Cell { return jixiao.Cell{Text: s, ColSpan: cols, RowSpan: rows} }
	row := func(cs ...jixiao.Cell) jixiao.Row { return jixiao.Row{Cells: cs} }
	one := func(ss ...string) jixiao.Row {
		var r jixiao.Row
		for _, s := range ss {
			r.Cells = append(r.Cells, cell(s, 1, 1))
		}
		return r
	}
	for _, tc := range []struct {
		name  string
		title bool
	}{{"NoTitle", false}, {"Title", true}} {
		t.Run(tc.name, func(t *testing.T) {
			tb := &jixiao.Table{}
			if tc.title {
				tb.Rows = append(tb.Rows, row(cell("项目支出绩效自评表", 7, 1)))
			}
			tb.Rows = append(tb.Rows,
				row(cell("一级指标", 1, 2), cell("二级指标", 1, 2), cell("三级指标", 1, 2), cell("年度指标值", 2, 1), cell("分值", 1, 2), cell("得分", 1, 2)),
				one("指标性质", "指标值"),
				one("产出指标", "数量指标", "培训次数", "≥", "20次", "10", "9"),
			)
			ev, notes := Extract(&jixiao.Document{Blocks: []jixiao.Block{{Kind: jixiao.BlockTable, Table: tb}}})
			if len(ev.Indicators) != 1 {
				t.Fatalf("indicators %+v, want one", ev.Indicators)
			}
			in := ev.Indicators[0]
			if in.Level1 != "产出指标" || in.Name != "培训次数" || in.Target.Raw != "≥20次" || in.Weight.Text != "10" || in.Score.Text != "9" {
				t.Errorf("indicator %s/%s target %q weight %q score %q, want 产出指标/培训次数 ≥20次 10 9",
					in.Level1, in.Name, in.Target.Raw, in.Weight.Text, in.Score.Text)
			}
			for _, n := range notes {
				if strings.Contains(n.Message, "表头有") {
					t.Errorf("note %q: the header was read as wider than it is", n.Message)
				}
			}
		})
	}
}
