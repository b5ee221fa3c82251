package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
)

// tbl builds a table from rows of cells; a cell written "text|c2" spans
// two columns, "text|r3" three rows.
func tbl(rows ...[]string) *jixiao.Table {
	t := &jixiao.Table{}
	for ri, r := range rows {
		row := jixiao.Row{Pos: jixiao.Position{Table: 1, Row: ri + 1}}
		for ci, s := range r {
			c := jixiao.Cell{Text: s, ColSpan: 1, RowSpan: 1, Pos: jixiao.Position{Table: 1, Row: ri + 1, Cell: ci + 1}}
			if text, span, ok := strings.Cut(s, "|"); ok && len(span) == 2 && span[1] >= '1' && span[1] <= '9' {
				c.Text = text
				n := int(span[1] - '0')
				if span[0] == 'c' {
					c.ColSpan = n
				} else {
					c.RowSpan = n
				}
			}
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func docOf(blocks ...jixiao.Block) *jixiao.Document {
	return &jixiao.Document{Format: "docx", Blocks: blocks}
}

func tableBlock(t *jixiao.Table) jixiao.Block { return jixiao.Block{Kind: jixiao.BlockTable, Table: t} }

type ind struct{ L1, L2, Name, Target, Actual, Weight, Score string }

func indicatorsOf(ev *jixiao.Evaluation) []ind {
	var out []ind
	for _, in := range ev.Indicators {
		out = append(out, ind{in.Level1, in.Level2, in.Name, in.Target.Text(), in.Actual.Text(), in.Weight.Text, in.Score.Text})
	}
	return out
}

// TestProjectMergedCells reads a project table laid out as a docx reader
// gives it: merged 一级/二级 cells appear once with a RowSpan.
func TestProjectMergedCells(t *testing.T) {
	doc := docOf(
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "项目支出绩效自评表"},
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "（2023年度）"},
		tableBlock(tbl(
			[]string{"项目名称", "农村饮水安全巩固提升工程|c3", "项目编码", "430000231000000012345|c2"},
			[]string{"主管部门", "某县水利局|c3", "实施单位", "某县农村供水站|c2"},
			[]string{"项目资金（万元）|r4", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			[]string{"年度资金总额", "300.00", "320.00", "304.00", "10", "95.00%", "9.50"},
			[]string{"其中：当年财政拨款", "300.00", "300.00", "288.00", "—", "96.00%", "—"},
			[]string{"上年结转资金", "0", "20.00", "16.00", "—", "80.00%", "—"},
			[]string{"年度总体目标", "预期目标|c3", "实际完成情况|c4"},
			[]string{"", "完成 12 处供水工程改造。|c3", "完成 11 处。|c4"},
			[]string{"绩效指标|r4", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
			[]string{"产出指标|r2", "数量指标|r2", "改造工程数", "≥12处", "11处", "20", "18.33", "一处因征地延期"},
			[]string{"受益人口", "≥3万人", "3.2万人", "20", "20", ""},
			[]string{"满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10", ""},
			[]string{"总分", "", "", "", "", "", "87.83|c3"},
		)),
	)
	ev, notes := Extract(doc)
	if ev.Kind != jixiao.KindProject || ev.Unit != "某县农村供水站" || ev.Department != "某县水利局" ||
		ev.Project != "农村饮水安全巩固提升工程" || ev.ProjectCode != "430000231000000012345" || ev.Year != 2023 {
		t.Errorf("header = %v %q %q %q %q %d", ev.Kind, ev.Unit, ev.Department, ev.Project, ev.ProjectCode, ev.Year)
	}
	b := ev.Budget
	if got := []string{b.Initial.Text, b.FullYear.Text, b.Executed.Text, b.Weight.Text, b.Rate.Text, b.Score.Text}; !cmp.Equal(got, []string{"300.00", "320.00", "304.00", "10", "95.00%", "9.50"}) {
		t.Errorf("budget = %q", got)
	}
	if len(b.Splits) != 1 || b.Splits[0].Name != "资金来源" || len(b.Splits[0].Rows) != 2 {
		t.Fatalf("splits = %+v", b.Splits)
	}
	r := b.Splits[0].Rows[1]
	if r.Name != "上年结转资金" || r.Initial.Text != "0" || r.FullYear.Text != "20.00" || r.Executed.Text != "16.00" || r.Rate.Text != "80.00%" {
		t.Errorf("split row = %+v", r)
	}
	if ev.Goal.Expected != "完成 12 处供水工程改造。" || ev.Goal.Actual != "完成 11 处。" {
		t.Errorf("goal = %+v", ev.Goal)
	}
	want := []ind{
		{"产出指标", "数量指标", "改造工程数", "≥12处", "11处", "20", "18.33"},
		{"产出指标", "数量指标", "受益人口", "≥3万人", "3.2万人", "20", "20"},
		{"满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10"},
	}
	if d := cmp.Diff(want, indicatorsOf(ev)); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
	if ev.Indicators[0].Deviation != "一处因征地延期" {
		t.Errorf("deviation = %q", ev.Indicators[0].Deviation)
	}
	if ev.StatedTotal.Text != "87.83" {
		t.Errorf("total = %q", ev.StatedTotal.Text)
	}
	if p := ev.Provenance["budget.splits[0].rows[1].全年执行数"]; p != (jixiao.Position{Table: 1, Row: 6, Cell: 4}) {
		t.Errorf("provenance = %+v", p)
	}
	for _, n := range notes {
		t.Errorf("unexpected note %+v", n)
	}
}

// TestSichuanColumns combines 指标性质 and 度量单位 into the values, and
// carries group names down when the covering cells are left empty.
func TestSichuanColumns(t *testing.T) {
	doc := docOf(tableBlock(tbl(
		[]string{"2025年度某县教育局部门整体支出绩效自评表"},
		[]string{"一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
		[]string{"产出指标", "数量指标", "培训教师人次", "≥", "500", "人次", "520", "20", "20", ""},
		[]string{"", "", "生均公用经费", "=", "800", "元", "800", "10", "10", ""},
		[]string{"", "时效指标", "资金拨付及时率", "≥", "95", "%", "≥96%", "10", "10", ""},
		[]string{"效益指标", "社会效益指标", "辍学率", "≤", "0.5", "%", "0.3", "20", "20", ""},
		[]string{"", "", "办学条件", "定性", "明显改善", "", "有所改善", "10", "7", "部分学校未完工"},
	)))
	ev, _ := Extract(doc)
	if ev.Kind != jixiao.KindDepartment || ev.Unit != "某县教育局" || ev.Year != 2025 {
		t.Errorf("header = %v %q %d", ev.Kind, ev.Unit, ev.Year)
	}
	want := []ind{
		{"产出指标", "数量指标", "培训教师人次", "≥500人次", "520人次", "20", "20"},
		{"产出指标", "数量指标", "生均公用经费", "=800元", "800元", "10", "10"},
		{"产出指标", "时效指标", "资金拨付及时率", "≥95%", "≥96%", "10", "10"},
		{"效益指标", "社会效益指标", "辍学率", "≤0.5%", "0.3%", "20", "20"},
		{"效益指标", "社会效益指标", "办学条件", "明显改善", "有所改善", "10", "7"},
	}
	if d := cmp.Diff(want, indicatorsOf(ev)); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
	if v := ev.Indicators[3].Target; v.Op != jixiao.OpLE || !v.Percent || v.Number.String() != "0.5" {
		t.Errorf("辍学率 target = %+v", v)
	}
}

// TestShortRowsGuessed reads flattened rows that lost cells and says so.
func TestShortRowsGuessed(t *testing.T) {
	doc := docOf(tableBlock(tbl(
		[]string{"某局整体绩效自评表"},
		[]string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
		[]string{"产出指标", "质量指标", "验收合格率", "100%", "98%", "20", "19.6"},
		[]string{"时效指标", "完成及时率", "100%", "100%", "20", "20"},
		[]string{"总分", "39.6"},
	)))
	ev, notes := Extract(doc)
	want := []ind{
		{"产出指标", "质量指标", "验收合格率", "100%", "98%", "20", "19.6"},
		{"产出指标", "时效指标", "完成及时率", "100%", "100%", "20", "20"},
	}
	if d := cmp.Diff(want, indicatorsOf(ev)); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
	found := false
	for _, n := range notes {
		if n.Field == "indicators[1]" && strings.Contains(n.Message, "推定") {
			found = true
		}
	}
	if !found {
		t.Errorf("no note on the guessed row: %+v", notes)
	}
	if ev.StatedTotal.Text != "39.6" {
		t.Errorf("total = %q", ev.StatedTotal.Text)
	}
}

func TestNoTable(t *testing.T) {
	doc := docOf(
		jixiao.Block{Kind: jixiao.BlockHeading, Text: "2022年度某局部门整体支出绩效自评报告"},
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "一、基本情况"},
	)
	ev, notes := Extract(doc)
	if ev.Year != 2022 || len(ev.Indicators) != 0 || ev.Budget.FullYear.Stated() {
		t.Errorf("got %+v", ev)
	}
	if len(notes) == 0 || !strings.Contains(notes[0].Message, "未在文档中找到自评表") {
		t.Errorf("notes = %+v", notes)
	}
}

// TestSampleFacts states what the sample must give, independently of the
// golden file (which would accept whatever was there at -update).
func TestSampleFacts(t *testing.T) {
	ev, _ := extractFile(t, docsDir+"/yanfeng-sfj-2024.txt")
	b := ev.Budget
	if ev.Kind != jixiao.KindDepartment || ev.Unit != "雁峰区司法局" || ev.Year != 2024 {
		t.Errorf("header = %v %q %d", ev.Kind, ev.Unit, ev.Year)
	}
	got := []string{b.Request.Text, b.Initial.Text, b.FullYear.Text, b.Executed.Text, b.Weight.Text, b.Rate.Text, b.Score.Text}
	if !cmp.Equal(got, []string{"", "495.66", "674.85", "", "10", "61.23%", "6.12"}) {
		t.Errorf("budget = %q", got)
	}
	var splits []string
	for _, s := range b.Splits {
		for _, r := range s.Rows {
			splits = append(splits, s.Name+"/"+r.Name+"="+r.FullYear.Text)
		}
	}
	wantSplits := []string{"按收入性质分/一般公共预算=641.20", "按收入性质分/政府性基金拨款=0.0",
		"按收入性质分/纳入专户管理的非税收入拨款=0.0", "按收入性质分/其他资金=33.65",
		"按支出性质分/基本支出=417.88", "按支出性质分/项目支出=256.96"}
	if !cmp.Equal(splits, wantSplits) {
		t.Errorf("splits = %q", splits)
	}
	if !strings.HasPrefix(ev.Goal.Expected, "负责全区人民调解工作") || strings.Count(ev.Goal.Expected, "\n") != 5 ||
		ev.Goal.Actual != "高站位、高标准、高质量完成了各项工作" {
		t.Errorf("goal = %+v", ev.Goal)
	}
	want := []ind{
		{"产出指标", "", "完成量", "100%", "100%", "20", "20"},
		{"产出指标", "", "完成率", "100%", "100%", "20", "20"},
		{"产出指标", "", "完成时间", "年度完成", "已完成", "20", "20"},
		{"满意度指标", "", "群众满意度", "100%", "100%", "20", "20"},
		{"成本指标", "", "节约率", "100%", "100%", "10", "10"},
	}
	if d := cmp.Diff(want, indicatorsOf(ev)); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
	if ev.StatedTotal.Text != "96.12" {
		t.Errorf("total = %q", ev.StatedTotal.Text)
	}
	if p := ev.Provenance["budget.splits[0].rows[1].全年预算数"]; p.Line != 45 {
		t.Errorf("provenance of 政府性基金拨款 = %+v, want line 45", p)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("年初预算数\t全年预算数\n年度资金总额\t1\t2\n三级指标\t年度指标值\n完成\t1|c9\t2|r9")
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for line := range strings.SplitSeq(s, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		Extract(docOf(tableBlock(tbl(rows...)), jixiao.Block{Kind: jixiao.BlockParagraph, Text: s}))
	})
}

// TestHeaderValuesBelow reads header values written in the row under
// their labels, and leaves a label without value unfilled.
func TestHeaderValuesBelow(t *testing.T) {
	doc := docOf(tableBlock(tbl(
		[]string{"部门整体支出绩效自评表（2024年度）"},
		[]string{"预算部门名称", "主管部门"},
		[]string{"某县司法局", "某县人民政府"},
		[]string{"项目编码"},
		[]string{"", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		[]string{"年度资金总额", "100", "120", "", "10", "", ""},
	)))
	ev, notes := Extract(doc)
	if ev.Unit != "某县司法局" || ev.Department != "某县人民政府" || ev.ProjectCode != "" || ev.Year != 2024 {
		t.Errorf("header = %q %q %q %d", ev.Unit, ev.Department, ev.ProjectCode, ev.Year)
	}
	if ev.Budget.FullYear.Text != "120" || ev.Budget.Executed.Stated() || ev.Budget.Rate.Stated() {
		t.Errorf("budget = %+v", ev.Budget)
	}
	found := false
	for _, n := range notes {
		if n.Field == "project_code" && strings.Contains(n.Message, "项目编码") {
			found = true
		}
	}
	if !found {
		t.Errorf("no note on the empty 项目编码: %+v", notes)
	}
}
