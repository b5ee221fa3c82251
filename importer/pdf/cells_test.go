package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"jixiao"
)

// at places a word with its top left corner at (x, y), 9pt wide per Han
// character and 5pt per other one, 12.5pt high, as pdftotext reports it.
func at(x, y float64, s string) word {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 5
		} else {
			w += 9
		}
	}
	return word{x0: x, y0: y, x1: x + w, y1: y + 12.5, text: s}
}

// dumpTable writes a rebuilt table one row a line, spans marked.
func dumpTable(ws []word) string {
	regs := findRegions(buildCells(visualLines(ws)), nil)
	var b strings.Builder
	for i, reg := range regs {
		fmt.Fprintf(&b, "table %d\n", i+1)
		tb, _ := reg.table(1, i+1, nil)
		for _, r := range tb.Rows {
			var cs []string
			for _, c := range r.Cells {
				s := c.Text
				if c.RowSpan > 1 {
					s += fmt.Sprintf("|r%d", c.RowSpan)
				}
				cs = append(cs, s)
			}
			b.WriteString(strings.Join(cs, " ; ") + "\n")
		}
	}
	return b.String()
}

// TestRebuildTable rebuilds a table as the renderer draws it: a block
// label merged down the left edge, a 一级 label merged over two rows and
// centred between them, a name wrapped over two lines centred on its row
// (so that its lines fall above and below the row's figures), a lone
// heading row between rows of figures, and a title above that is no row.
func TestRebuildTable(t *testing.T) {
	ws := []word{
		at(150, 40, "自评表"),
		at(60, 70, "名称"), at(150, 70, "某项目"),
		// header
		at(80, 100, "一级指标"), at(160, 100, "三级指标"), at(260, 100, "分值"), at(320, 100, "得分"),
		// row 1: a two-line name centred on the row's figures
		at(160, 118.75, "办理法律援助"), at(160, 131.25, "案件数"), at(262, 125, "20"), at(322, 125, "20"),
		// row 2
		at(160, 155, "案件办结率"), at(262, 155, "20"), at(320, 155, "18.5"),
		// a 一级 label centred on rows 1-2, a block label centred on the
		// header to row 2 (the covered slots are left out of the rows below)
		at(80, 136.875, "产出指标"), at(40, 121, "绩效指"), at(40, 133.5, "标"),
		// a lone row, then one more row of figures
		at(160, 180, "小计"),
		at(160, 200, "满意度"), at(262, 200, "10"), at(322, 200, "10"),
	}
	want := strings.Join([]string{
		"table 1",
		"名称 ; 某项目",
		"绩效指标|r3 ; 一级指标 ; 三级指标 ; 分值 ; 得分",
		"产出指标|r2 ; 办理法律援助案件数 ; 20 ; 20",
		"案件办结率 ; 20 ; 18.5",
		" ;  ; 小计 ;  ; ",
		" ;  ; 满意度 ; 10 ; 10",
		"",
	}, "\n")
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}

// TestRebuildMeetingLabels: a 一级 and a 二级 label merged over the same
// two rows are centred on the same line between them, where they look
// like a row of their own; they are no row, and each spans both rows.
func TestRebuildMeetingLabels(t *testing.T) {
	ws := []word{
		at(80, 100, "一级指标"), at(160, 100, "二级指标"), at(240, 100, "三级指标"), at(340, 100, "分值"), at(400, 100, "得分"),
		at(240, 125, "案件办结率"), at(342, 125, "20"), at(402, 125, "18"),
		at(80, 137.5, "满意度指标"), at(160, 137.5, "服务对象"),
		at(240, 150, "群众满意度"), at(342, 150, "10"), at(402, 150, "10"),
	}
	want := strings.Join([]string{
		"table 1",
		"一级指标 ; 二级指标 ; 三级指标 ; 分值 ; 得分",
		"满意度指标|r2 ; 服务对象|r2 ; 案件办结率 ; 20 ; 18",
		"群众满意度 ; 10 ; 10",
		"",
	}, "\n")
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}

// TestRebuildPlain: rows without a header are read left to right, and
// words too far apart to be one text are two cells.
func TestRebuildPlain(t *testing.T) {
	ws := []word{
		at(60, 100, "项目名称"), at(150, 100, "法律援助"), at(200, 100, "专项经费"),
		at(60, 120, "主管部门"), at(150, 120, "司法局"), at(300, 120, "实施单位"), at(380, 120, "司法局"),
		at(60, 200, "正文段落，不是表格。"),
	}
	want := "table 1\n项目名称 ; 法律援助 ; 专项经费\n主管部门 ; 司法局 ; 实施单位 ; 司法局\n"
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}

// FuzzRebuild feeds arbitrary word boxes to the table rebuilder.
func FuzzRebuild(f *testing.F) {
	f.Add([]byte{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120})
	f.Add([]byte{0, 0, 0, 0, 255, 255, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		var ws []word
		for i := 0; i+2 < len(data) && len(ws) < 200; i += 3 {
			texts := []string{"分值", "12", "—", "指标名称", "产出指标", "年度"}
			ws = append(ws, at(float64(data[i])*2, float64(data[i+1])*3, texts[int(data[i+2])%len(texts)]))
		}
		// the same words twice, as two pages: the second goes on with
		// the table the first ends with
		var carry *columns
		for range 2 {
			from := carry
			var lone func(*region) bool
			if from != nil {
				lone = func(reg *region) bool { return reg.continuesAlone(from) }
			}
			for i, reg := range findRegions(buildCells(visualLines(ws)), lone) {
				if i > 0 {
					from = nil
				}
				var tb *jixiao.Table
				tb, carry = reg.table(1, i+1, from)
				n := 0
				for _, r := range tb.Rows {
					n += len(r.Cells)
				}
				if n > 2*len(ws)*len(ws)+len(ws) {
					t.Fatalf("%d cells from %d words", n, len(ws))
				}
			}
		}
	})
}

// TestRebuildLarge bounds the time of a page as full of words as allowed.
func TestRebuildLarge(t *testing.T) {
	var ws []word
	for i := 0; len(ws) < maxWordsPerPage; i++ {
		for j := range 8 {
			s := "指标"
			if j%2 == 1 {
				s = fmt.Sprint(i)
			}
			ws = append(ws, at(40+float64(j)*60, 40+float64(i)*15, s))
		}
	}
	start := time.Now()
	regs := findRegions(buildCells(visualLines(ws)), nil)
	for i, r := range regs {
		r.table(1, i+1, nil)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("rebuilding %d words took %v", len(ws), d)
	}
}

// TestRebuildCentredBlockLabels: the renderer centres the block labels in
// the table's first column, so a short one (项目资金（万元）) starts further
// in than a long one (年度总体目标); it is still the left edge's, and the
// row label beside it stays a cell of its own.
func TestRebuildCentredBlockLabels(t *testing.T) {
	ws := []word{
		at(180, 100, "全年预算数"), at(260, 100, "全年执行数"), at(340, 100, "分值"),
		at(110, 120, "年度资金总额"), at(190, 120, "968.97"), at(270, 120, "878.85"), at(345, 120, "10"),
		at(110, 140, "当年财政拨款"), at(190, 140, "940.86"), at(345, 140, "—"),
		at(52, 134, "项目资金"), at(52, 146.5, "（万元）"),
		at(110, 160, "其他资金"), at(192, 160, "28.11"), at(345, 160, "—"),
		at(43, 180, "年度总体目标"), at(190, 180, "预期目标"), at(270, 180, "实际完成"),
	}
	want := strings.Join([]string{
		"table 1",
		"项目资金（万元）|r4 ;  ; 全年预算数 ; 全年执行数 ; 分值",
		"年度资金总额 ; 968.97 ; 878.85 ; 10",
		"当年财政拨款 ; 940.86 ;  ; —",
		"其他资金 ; 28.11 ;  ; —",
		"年度总体目标 ; 预期目标 ; 实际完成",
		"",
	}, "\n")
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}

// tallRow is a 一级 label merged over six rows, one of them as tall as its
// eight-line name: centred by height, in that tall fifth row, more than a
// row below the middle of the rows by count (as our renderer draws a
// merged cell cut at a page's foot).
func tallRow() []word {
	ws := []word{
		at(80, 100, "一级指标"), at(160, 100, "三级指标"), at(260, 100, "分值"), at(320, 100, "得分"),
		at(160, 125, "甲"), at(262, 125, "1"), at(322, 125, "1"),
		at(160, 150, "乙"), at(262, 150, "2"), at(322, 150, "2"),
		at(160, 175, "丙"), at(262, 175, "3"), at(322, 175, "3"),
		at(160, 200, "丁"), at(262, 200, "4"), at(322, 200, "4"),
	}
	for i, s := range strings.Split("戊戊戊戊戊戊戊戊", "") {
		ws = append(ws, at(160, 225+12.5*float64(i), s))
	}
	return append(ws, at(262, 268.75, "5"), at(322, 268.75, "5"),
		at(160, 340, "己"), at(262, 340, "6"), at(322, 340, "6"),
		at(80, 232.5, "产出指标")) // the middle of 125 to 352.5, by height
}

// TestRebuildLabelRuns: the rows a label merged over them heads. Over a
// tall row, it heads all its rows, not only those from its own down. On a
// page that starts inside an indicator block, with no header, the cut
// group's rows are at its top: the first label at the left edge, centred
// on its own two rows below them, heads those two only, not every row up
// to the page's first, nor 合计's, which has its own.
func TestRebuildLabelRuns(t *testing.T) {
	for _, tc := range []struct {
		name string
		ws   []word
		want []string
	}{
		{"OverTallRow", tallRow(), []string{
			"一级指标 ; 三级指标 ; 分值 ; 得分",
			"产出指标|r6 ; 甲 ; 1 ; 1",
			"乙 ; 2 ; 2",
			"丙 ; 3 ; 3",
			"丁 ; 4 ; 4",
			"戊戊戊戊戊戊戊戊 ; 5 ; 5",
			"己 ; 6 ; 6",
		}},
		{"HeaderlessContinued", []word{
			at(160, 100, "安全隐患排查成本预算"), at(300, 100, "6"), at(340, 100, "5"),
			at(160, 125, "清理垃圾成本预算"), at(300, 125, "4"), at(340, 125, "5"),
			at(160, 150, "环境治理亮化美化率"), at(300, 150, "93"), at(340, 150, "10"),
			at(160, 175, "安全隐患排查有效处置率"), at(300, 175, "91"), at(340, 175, "10"),
			at(60, 162.5, "效益指标"),
			at(60, 200, "合计"), at(340, 200, "100"),
		}, []string{
			"安全隐患排查成本预算 ; 6 ; 5",
			"清理垃圾成本预算 ; 4 ; 5",
			"效益指标|r2 ; 环境治理亮化美化率 ; 93 ; 10",
			"安全隐患排查有效处置率 ; 91 ; 10",
			"合计 ; 100",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := "table 1\n" + strings.Join(tc.want, "\n") + "\n"
			if d := cmp.Diff(want, dumpTable(tc.ws)); d != "" {
				t.Errorf("table (-want +got):\n%s", d)
			}
		})
	}
}

// TestRebuildMergedWeights: 江西's table has a 自评权重 column beside the
// 一级, one weight merged over the group's rows and centred on them, the
// 二级 merged over their rows too, and names numbered "任务1:". Neither the
// weights (alone in their rows) nor the numbers in the names make a figure
// column: the 二级 column left of the first figures is still a column of
// labels merged over rows, and the line where the weight and an 二级 meet
// is no row of its own.
func TestRebuildMergedWeights(t *testing.T) {
	ws := []word{
		at(40, 100, "分解目标"), at(100, 100, "自评权重"), at(160, 100, "二级指标"), at(240, 100, "三级指标"),
		at(340, 100, "年度指标值"), at(420, 100, "分值"), at(470, 100, "得分"),
		at(240, 125, "任务1:门诊人次"), at(340, 125, "增加"), at(422, 125, "5"), at(472, 125, "5"),
		at(240, 150, "任务2:管理率"), at(340, 150, "100%"), at(422, 150, "5"), at(472, 150, "5"),
		at(240, 175, "任务1:准确率"), at(340, 175, "95%"), at(422, 175, "5"), at(472, 175, "5"),
		at(240, 200, "任务2:档案率"), at(340, 200, "100%"), at(422, 200, "3"), at(472, 200, "3"),
		at(240, 225, "任务1:及时率"), at(340, 225, "按时"), at(422, 225, "4"), at(472, 225, "3"),
		at(240, 250, "任务2:更新率"), at(340, 250, "按时"), at(422, 250, "3"), at(472, 250, "2"),
		// each 二级 centred on its two rows; the 一级 and its weight centred
		// on all six, on the line where 质量指标 is too
		at(160, 137.5, "数量指标"),
		at(40, 187.5, "产出指标"), at(102, 187.5, "25"), at(160, 187.5, "质量指标"),
		at(160, 237.5, "时效指标"),
	}
	want := strings.Join([]string{
		"table 1",
		"分解目标 ; 自评权重 ; 二级指标 ; 三级指标 ; 年度指标值 ; 分值 ; 得分",
		"产出指标|r6 ; 25|r6 ; 数量指标|r2 ; 任务1:门诊人次 ; 增加 ; 5 ; 5",
		"任务2:管理率 ; 100% ; 5 ; 5",
		"质量指标|r2 ; 任务1:准确率 ; 95% ; 5 ; 5",
		"任务2:档案率 ; 100% ; 3 ; 3",
		"时效指标|r2 ; 任务1:及时率 ; 按时 ; 4 ; 3",
		"任务2:更新率 ; 按时 ; 3 ; 2",
		"",
	}, "\n")
	if d := cmp.Diff(want, dumpTable(ws)); d != "" {
		t.Errorf("table (-want +got):\n%s", d)
	}
}
