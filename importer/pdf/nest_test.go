package pdf

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
)

// readWordPages reads pages of words as the pure-Go reader would, and
// returns their tables as cellGrid slots.
func readWordPages(pages ...[]word) [][][]string {
	texts := make([]string, len(pages))
	for i, ws := range pages {
		texts[i] = layoutText(ws, nil)
	}
	var got [][][]string
	for _, b := range layoutBlocks(texts, pages) {
		if b.Kind == jixiao.BlockTable {
			got = append(got, cellGrid(b.Table))
		}
	}
	return got
}

// TestContinuedGroupNests reads a page that goes on with an indicator
// table without its header, where the copy ends inside a group: 效益指标,
// merged over the page's five rows and centred on them on two lines,
// sits on the middle row; 社会效益指标, wrapped over two lines between
// its two rows, and the rows of one cell below the last row of figures (a
// placeholder …… and the cut 生态) end the page. The cut rows stay in the
// table, under the labels merged over them.
func TestContinuedGroupNests(t *testing.T) {
	header := []word{at(40, 100, "一级指标"), at(120, 100, "二级指标"), at(200, 100, "三级指标"), at(300, 100, "分值"), at(340, 100, "得分")}
	page1 := append(header,
		at(200, 125, "造林面积"), at(302, 125, "10"), at(342, 125, "10"),
		at(200, 150, "森林经营面积"), at(302, 150, "10"), at(342, 150, "10"),
		at(40, 137.5, "产出指标"), at(120, 137.5, "数量指标"),
	)
	page2 := []word{
		at(200, 100, "木材销售收入"), at(302, 100, "6"), at(342, 100, "5"),
		at(200, 125, "林产品收入"), at(302, 125, "6"), at(342, 125, "5"),
		at(40, 143.75, "效益指标"), at(40, 156.25, "(30分)"), at(200, 150, "提高就业率"), at(302, 150, "6"), at(342, 150, "6"),
		at(200, 175, "……"),
		at(120, 200, "生态"),
		at(120, 112.5, "经济效益指标"),
		at(120, 156.25, "社会效"), at(120, 168.75, "益指标"),
	}
	want := [][][]string{{
		{"一级指标", "二级指标", "三级指标", "分值", "得分"},
		{"产出指标", "数量指标", "造林面积", "10", "10"},
		{"^", "^", "森林经营面积", "10", "10"},
	}, {
		{"效益指标(30分)", "经济效益指标", "木材销售收入", "6", "5"},
		{"^", "^", "林产品收入", "6", "5"},
		{"^", "社会效益指标", "提高就业率", "6", "6"},
		{"^", "^", "……", "", ""},
		{"^", "生态", "", "", ""},
	}}
	if d := cmp.Diff(want, readWordPages(page1, page2)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
}

// TestGroupsNest: a label centred on the middle of five rows is as
// centred on that row alone, and a little more so when the rows' padding
// differs; a 一级 label covers whole 二级 groups, so where the 二级 groups
// run over rows 0-1, 2-3 and 4, it covers all five, and alone (no 二级
// to nest in) the middle row.
func TestGroupsNest(t *testing.T) {
	reg := &region{pad: -1}
	for _, y := range []float64{100, 125, 150, 175, 199} { // the last row a point higher
		reg.rows = append(reg.rows, &brow{y0: y, y1: y + 12.5, cy: y + 6.25})
	}
	for _, tc := range []struct {
		name     string
		inside   []bool
		row, spn int
	}{
		{"InGroups", runsInside([]*bcell{{row: 0, span: 2}, {row: 2, span: 2}, {row: 4, span: 1}}, 5), 0, 5},
		{"Alone", nil, 2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &bcell{x0: 40, x1: 76, y0: 150, y1: 162.5, h: 12.5, lines: []string{"效益指标"}, row: -1}
			reg.partition([]*bcell{c}, 0, 5, true, tc.inside)
			if c.row != tc.row || c.span != tc.spn {
				t.Errorf("rows %d+%d, want %d+%d", c.row, c.span, tc.row, tc.spn)
			}
		})
	}
}

// TestHeaderlessMergedLabels reads a page that starts, with no header, at
// a table's first indicator row, as LibreOffice pads the cells: 产出指标,
// merged over three rows, is drawn on the middle one's line, and 数量指标,
// merged over the first two, on a line of its own between them, clear of
// both. Neither is a row of its own, and each covers its rows: the first
// row has both labels, as the table does.
func TestHeaderlessMergedLabels(t *testing.T) {
	ws := []word{
		at(200, 100, "足额保障率"), at(300, 100, "="), at(330, 100, "100"), at(380, 100, "%"), at(420, 100, "22.5"),
		at(120, 114.5, "数量指标"),
		at(40, 129, "产出指标"), at(200, 129, "科目调整次数"), at(300, 129, "≤"), at(330, 129, "10"), at(380, 129, "次"), at(420, 129, "22.5"),
		at(120, 158, "时效指标"), at(200, 158, "按时发放率"), at(300, 158, "="), at(330, 158, "100"), at(380, 158, "%"), at(420, 158, "22.5"),
		at(40, 187, "效益指标"), at(120, 187, "经济效益指标"), at(200, 187, "结余率"), at(300, 187, "≤"), at(330, 187, "5"), at(380, 187, "%"), at(420, 187, "22.5"),
		at(40, 216, "合计"), at(420, 216, "100"),
		at(40, 245, "评价结论"), at(120, 245, "及时、足额缴纳。"),
	}
	want := strings.Join([]string{
		"table 1",
		"产出指标|r3 ; 数量指标|r2 ; 足额保障率 ; = ; 100 ; % ; 22.5",
		"科目调整次数 ; ≤ ; 10 ; 次 ; 22.5",
		"时效指标 ; 按时发放率 ; = ; 100 ; % ; 22.5",
		"效益指标 ; 经济效益指标 ; 结余率 ; ≤ ; 5 ; % ; 22.5",
		"合计 ; 100",
		"评价结论 ; 及时、足额缴纳。",
		"",
	}, "\n")
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}
