package extract

import (
	"testing"

	"jixiao"
)

// TestReportChartIsNoTable: a Chromium-printed 自评报告 draws its budget
// chart with the budget rows' labels and figures (年度资金总额 674.85,
// 基本支出 417.88 …) under a legend of budget columns, and the PDF reader
// gives it as a table ahead of the 自评表 the report attaches. Found
// without a title and holding nothing scored, it is no 自评表: the
// attached table is the document's, with its total.
func TestReportChartIsNoTable(t *testing.T) {
	para := func(s string) jixiao.Block { return jixiao.Block{Kind: jixiao.BlockParagraph, Text: s} }
	doc := &jixiao.Document{Format: "pdf", Blocks: []jixiao.Block{
		para("2024年度部门整体支出绩效自评报告"),
		tableBlock(tbl(
			// the chart as pdf reads it from the Chromium print of the sample's report
			[]string{"预算与执行情况", "年初预算数", "全年预算数", "执行数（决算数）"},
			[]string{"纳入专户管理的非税收入拨款", "", "", "495.6 6"},
			[]string{"年度资金总额", "", "674.85"},
			[]string{"一般公共预算", "", "641.20"},
			[]string{"政府性基金拨款 0", "", ""},
			[]string{"其他资金 33.65", "", ""},
			[]string{"基本支出", "", "417.88"},
			[]string{"项目支出", "256.96", ""},
			[]string{"", "0", "200 400单位：万元", "600 800"},
		)),
		para("附件"),
		para("雁峰区司法局部门整体支出绩效自评表"),
		para("（2024年度）"),
		tableBlock(tbl(
			[]string{"预算部门名称", "雁峰区司法局|c7"},
			[]string{"部门预算资金（万元）|r2", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			[]string{"年度资金总额", "495.66", "674.85", "", "10", "61.23%", "6.12"},
			[]string{"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
			[]string{"", "产出指标", "数量指标", "完成量", "100%", "100%", "90", "90.00"},
			[]string{"", "", "", "总分", "", "", "100", "96.12"},
		)),
	}}
	all := ExtractAllTables(doc)
	if len(all) != 1 {
		t.Fatalf("%d tables, want the attached one alone", len(all))
	}
	ev := all[0].Eval
	if ev.Unit != "雁峰区司法局" || ev.Budget.FullYear.Text != "674.85" || ev.Budget.Rate.Text != "61.23%" || ev.StatedTotal.Text != "96.12" {
		t.Errorf("read unit %q, 全年预算数 %q, 执行率 %q, 总分 %q; want the attached table's 雁峰区司法局, 674.85, 61.23%%, 96.12",
			ev.Unit, ev.Budget.FullYear.Text, ev.Budget.Rate.Text, ev.StatedTotal.Text)
	}
}
