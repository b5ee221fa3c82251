package yamlfile

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// provenance records the line of every figure of the file under the keys
// the importers use ("budget.全年预算数", "indicators[2].得分", 0-based), so
// that a finding on a hand-written file names its line as one on an
// imported document names its cell. The block keys ("budget",
// "indicators", "total") hold the line of the block's own key.
func provenance(f *file, root *yaml.Node) map[string]jixiao.Position {
	p := make(map[string]jixiao.Position, 24+11*len(f.Indicators))
	set := func(key string, line int) {
		if line > 0 {
			p[key] = jixiao.Position{Line: line, Col: 1}
		}
	}
	setScalar := func(key string, s *scalar) {
		if s != nil {
			set(key, s.Line)
		}
	}
	for _, k := range []struct{ key, field string }{
		{"unit", "单位"}, {"department", "主管部门"}, {"project", "项目名称"}, {"project_code", "项目编码"},
		{"budget", "预算"}, {"goal", "年度总体目标"}, {"goal.expected", "年度总体目标.预期目标"},
		{"goal.actual", "年度总体目标.实际完成情况"}, {"indicators", "指标"}, {"grade", "等级"}, {"report", "自评报告"},
	} {
		set(k.key, lineOf(root, k.field))
	}
	setScalar("year", f.Year)
	setScalar("total", f.Total)
	b := &f.Budget
	for _, k := range []struct {
		col string
		s   *scalar
	}{{"年度预算申请", b.Request}, {"年初预算数", b.Initial}, {"全年预算数", b.FullYear}, {"全年执行数", b.Executed},
		{"分值", b.Weight}, {"执行率", b.Rate}, {"得分", b.Score}} {
		setScalar("budget."+k.col, k.s)
	}
	for si, sp := range b.Splits {
		set(fmt.Sprintf("budget.splits[%d]", si), lineOf(root, fmt.Sprintf("预算.细分[%d]", si+1)))
		for ri, r := range sp.Rows {
			at := fmt.Sprintf("budget.splits[%d].rows[%d]", si, ri)
			set(at+".name", lineOf(root, fmt.Sprintf("预算.细分[%d].行[%d]", si+1, ri+1)))
			setScalar(at+".年初预算数", r.Initial)
			setScalar(at+".全年预算数", r.FullYear)
			setScalar(at+".全年执行数", r.Executed)
			setScalar(at+".执行率", r.Rate)
		}
	}
	// The text columns' lines are lineOf(root, "指标[i].<column>"), the
	// rows looked up once instead of from the root for every column: a
	// file has a dozen or more rows of five.
	rows := indicatorRows{root: root}
	rows.find()
	for i, r := range f.Indicators {
		at := "indicators[" + strconv.Itoa(i) + "]"
		set(at, r.line)
		// a text column left out takes its row's line (lineOf's fallback)
		for _, col := range []struct{ key, field string }{{"一级指标", "一级指标"}, {"二级指标", "二级指标"},
			{"三级指标", "三级指标"}, {"评(扣)分标准", "评分标准"}, {"偏差原因分析及改进措施", "偏差原因分析及改进措施"}} {
			set(at+"."+col.key, rows.line(i, col.field))
		}
		setScalar(at+".年度指标值", r.Target)
		setScalar(at+".实际完成值", r.Actual)
		setScalar(at+".分值", r.Weight)
		setScalar(at+".得分", r.Score)
	}
	return p
}

// indicatorRows answers lineOf(root, "指标[i+1].<field>") for every row i
// and field from one lookup of the 指标 list.
type indicatorRows struct {
	root    *yaml.Node
	keyLine int        // the line of the 指标 key; 0 when there is none
	seq     *yaml.Node // its value
}

func (x *indicatorRows) find() {
	if x.root == nil || len(x.root.Content) == 0 {
		return
	}
	if n := x.root.Content[0]; n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 { // the last of a repeated key, as lineOf
			if n.Content[i].Value == "指标" {
				x.keyLine, x.seq = n.Content[i].Line, n.Content[i+1]
			}
		}
	}
}

// line is lineOf(root, fmt.Sprintf("指标[%d].%s", i+1, field)).
func (x *indicatorRows) line(i int, field string) int {
	if x.seq == nil {
		return x.keyLine
	}
	if x.seq.Kind != yaml.SequenceNode || i >= len(x.seq.Content) {
		return x.keyLine
	}
	row := x.seq.Content[i]
	line := row.Line
	if row.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(row.Content); j += 2 {
			if row.Content[j].Value == field {
				line = row.Content[j].Line
			}
		}
	}
	return line
}
