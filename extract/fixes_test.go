package extract

import (
	"testing"

	"jixiao"
)

// indicatorRows is a minimal national indicator block for the tests below.
var indicatorRows = [][]string{
	{"绩效指标|r2", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
	{"产出指标", "数量指标", "改造工程数", "≥12处", "12处", "90", "86.12", ""},
}

// TestTotalRow reads 总分 under 得分 when the row is laid out like the
// header, and the last number otherwise: the national layout writes Σ分值
// under 分值 before the total.
func TestTotalRow(t *testing.T) {
	tests := []struct {
		name        string
		total       []string
		want, grade string
	}{
		{"national layout", []string{"总分|c6", "100", "96.12", ""}, "96.12", ""},
		{"score only", []string{"总分|c7", "96.12", ""}, "96.12", ""},
		{"flattened", []string{"总分", "96.12"}, "96.12", ""},
		{"weight and score, unaligned", []string{"总分", "100", "96.12"}, "96.12", ""},
		{"with grade", []string{"总分", "100", "96.12", "等级", "优"}, "96.12", "优"},
		{"text only", []string{"总分", "未评分"}, "未评分", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append(append([][]string{}, indicatorRows...), tt.total)
			ev, _ := Extract(docOf(tableBlock(tbl(rows...))))
			if ev.StatedTotal.Text != tt.want || ev.StatedGrade != tt.grade {
				t.Errorf("total = %q grade %q, want %q %q", ev.StatedTotal.Text, ev.StatedGrade, tt.want, tt.grade)
			}
		})
	}
}

// TestYearRow takes the year from a subtitle row inside the table, as a
// spreadsheet holds it, and from a title row that states it; the 规则集
// line jixiao writes under the year is read as well and leaves the year
// line alone.
func TestYearRow(t *testing.T) {
	tests := []struct {
		name  string
		first [][]string
		want  int
		rules string
	}{
		{"subtitle row", [][]string{{"项目支出绩效自评表|c9"}, {"（2024年度）|c9"}}, 2024, ""},
		{"title with year", [][]string{{"2023年度项目支出绩效自评表|c9"}}, 2023, ""},
		{"no year", [][]string{{"项目支出绩效自评表|c9"}}, 0, ""},
		{"subtitle and rule set rows", [][]string{{"项目支出绩效自评表|c9"}, {"（2024年度）|c9"}, {"规则集：hunan（湖南省）|c9"}}, 2024, "hunan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append(append([][]string{}, tt.first...), []string{"项目名称|c2", "某项目|c7"})
			rows = append(rows, indicatorRows...)
			ev, _ := Extract(docOf(tableBlock(tbl(rows...))))
			if ev.Year != tt.want {
				t.Errorf("year = %d, want %d", ev.Year, tt.want)
			}
			if ev.Rules != tt.rules {
				t.Errorf("rules = %q, want %q", ev.Rules, tt.rules)
			}
			if ev.Project != "某项目" {
				t.Errorf("project = %q", ev.Project)
			}
		})
	}
}

// TestGoalLabelInColumn: a column headed 年度目标 (a report's summary
// table) is not the 年度总体目标 row.
func TestGoalLabelInColumn(t *testing.T) {
	doc := docOf(
		tableBlock(tbl(
			[]string{"指标类别", "指标名称", "年度目标", "完成情况", "满分", "评分"},
			[]string{"产出指标", "改造工程数", "≥12处", "12处", "90", "86.12"},
		)),
		tableBlock(tbl(
			[]string{"年度总体目标|r2", "预期目标|c4", "实际完成情况|c4"},
			[]string{"完成改造。|c4", "已完成。|c4"},
		)),
	)
	ev, notes := Extract(doc)
	if ev.Goal != (jixiao.Goal{Expected: "完成改造。", Actual: "已完成。"}) {
		t.Errorf("goal = %+v", ev.Goal)
	}
	for _, n := range notes {
		if n.Field == "goal" {
			t.Errorf("unexpected goal note %+v", n)
		}
	}
}

// TestChartLegendIsNoTable: a report's chart printed to PDF leaves its
// legend as a row of budget column labels above the 自评表 the report
// attaches; heading no budget rows, it is no table, and the attached
// table is the one read.
func TestChartLegendIsNoTable(t *testing.T) {
	doc := docOf(
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "预算与执行情况"},
		tableBlock(tbl([]string{"年初预算数", "全年预算数", "执行数（决算数）"})),
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "共设置绩效指标5个，自评总分96.12分。"},
		tableBlock(tbl(append([][]string{{"某项目支出绩效自评表|c9"}, {"项目名称|c2", "某项目|c7"}}, append(indicatorRows, []string{"总分|c6", "90", "86.12", ""})...)...)),
	)
	all := ExtractAllTables(doc)
	if len(all) != 1 {
		t.Fatalf("%d tables read, want 1", len(all))
	}
	if ev := all[0].Eval; ev.Project != "某项目" || ev.StatedTotal.Text != "86.12" || len(ev.Indicators) != 1 {
		t.Errorf("read project %q total %q with %d indicators, want 某项目 86.12 with 1", ev.Project, ev.StatedTotal.Text, len(ev.Indicators))
	}
}
