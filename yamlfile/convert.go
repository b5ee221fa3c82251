package yamlfile

import (
	"fmt"
	"strconv"
	"strings"

	"jixiao/notation"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// notApplicable are the texts a table uses for "no figure here": kept as
// stated, not rejected as bad numbers.
var notApplicable = map[string]bool{"-": true, "—": true, "——": true, "－": true, "/": true, "／": true, "无": true, "不适用": true}

type converter struct {
	name string
	root *yaml.Node
	errs []*Error
}

func (c *converter) fail(line int, field, format string, args ...any) {
	if line == 0 {
		line = lineOf(c.root, field)
	}
	c.errs = append(c.errs, &Error{File: c.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (c *converter) figure(s *scalar, field string) jixiao.Figure {
	if s == nil {
		return jixiao.Figure{}
	}
	f := notation.ParseFigure(s.Text)
	if f.Stated() && !f.Valid && !notApplicable[f.Text] {
		c.fail(s.Line, field, "“%s”不是数字（金额写作 674.85，比率写作 61.23%%；不适用写 -，未知留空）", s.Text)
	}
	return f
}

// value reads a 年度指标值 or 实际完成值; a bare number is in the row's
// 度量单位 when it has one.
func value(s *scalar, unit string) jixiao.Value {
	if s == nil {
		return jixiao.Value{}
	}
	return notation.ParseValueIn(s.Text, unit)
}

// evaluation converts the wire form, with every problem found on the way.
func (f *file) evaluation(name string, root *yaml.Node) (*jixiao.Evaluation, []*Error) {
	c := &converter{name: name, root: root}
	ev := &jixiao.Evaluation{
		Unit: strings.TrimSpace(f.Unit), Department: strings.TrimSpace(f.Department),
		Project: strings.TrimSpace(f.Project), ProjectCode: strings.TrimSpace(f.ProjectCode),
		Rules: strings.TrimSpace(f.Rules), StatedGrade: strings.TrimSpace(f.Grade),
		Goal: jixiao.Goal{Expected: strings.TrimSpace(f.Goal.Expected), Actual: strings.TrimSpace(f.Goal.Actual)},
	}
	switch k, ok := jixiao.ParseKind(strings.TrimSpace(f.Kind)); {
	case f.Kind == "":
		c.fail(0, "类型", "缺少“类型”（部门整体 或 项目）")
	case !ok:
		c.fail(0, "类型", "“%s”不是已知类型（部门整体 或 项目）", f.Kind)
	default:
		ev.Kind = k
	}
	if f.Year != nil && f.Year.Text != "" {
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(f.Year.Text), "年"))
		if err != nil || y < 1990 || y > 2100 {
			c.fail(f.Year.Line, "年度", "“%s”不是年度（写作 2024）", f.Year.Text)
		}
		ev.Year = y
	}
	if code := ev.ProjectCode; code != "" && len([]rune(code)) != 21 {
		c.fail(0, "项目编码", "项目编码“%s”有 %d 位，一体化系统的项目编码为 21 位", code, len([]rune(code)))
	}
	b := &f.Budget
	ev.Budget = jixiao.Budget{
		Request: c.figure(b.Request, "预算.年度预算申请"), Initial: c.figure(b.Initial, "预算.年初预算数"),
		FullYear: c.figure(b.FullYear, "预算.全年预算数"), Executed: c.figure(b.Executed, "预算.全年执行数"),
		Weight: c.figure(b.Weight, "预算.分值"), Rate: c.figure(b.Rate, "预算.执行率"), Score: c.figure(b.Score, "预算.得分"),
	}
	for i, s := range b.Splits {
		sp := jixiao.BudgetSplit{Name: strings.TrimSpace(s.Name)}
		at := fmt.Sprintf("预算.细分[%d]", i+1)
		if sp.Name == "" {
			c.fail(0, at+".名称", "细分缺少名称（按收入性质分、按支出性质分、资金来源）")
		}
		for j, r := range s.Rows {
			rat := fmt.Sprintf("%s.行[%d]", at, j+1)
			sp.Rows = append(sp.Rows, jixiao.BudgetRow{
				Name:    strings.TrimSpace(r.Name),
				Initial: c.figure(r.Initial, rat+".年初预算数"), FullYear: c.figure(r.FullYear, rat+".全年预算数"),
				Executed: c.figure(r.Executed, rat+".全年执行数"), Rate: c.figure(r.Rate, rat+".执行率"),
			})
		}
		ev.Budget.Splits = append(ev.Budget.Splits, sp)
	}
	if len(f.Indicators) > 0 { // none stays nil
		ev.Indicators = make([]jixiao.Indicator, 0, len(f.Indicators))
	}
	for i, r := range f.Indicators {
		at := "指标[" + strconv.Itoa(i+1) + "]"
		unit := strings.TrimSpace(r.Unit)
		ind := jixiao.Indicator{
			Level1: strings.TrimSpace(r.Level1), Level2: strings.TrimSpace(r.Level2), Name: strings.TrimSpace(r.Name),
			Target: value(r.Target, unit), Actual: value(r.Actual, unit), Unit: unit, Standard: strings.TrimSpace(r.Standard),
			Weight: c.figure(r.Weight, at+".分值"), Score: c.figure(r.Score, at+".得分"),
			Deviation: strings.TrimSpace(r.Deviation),
		}
		switch t := strings.TrimSpace(r.Type); t {
		case "":
		case string(jixiao.Quantitative), string(jixiao.Qualitative):
			ind.Type = jixiao.ValueType(t)
		default:
			c.fail(r.line, at+".指标值类型", "“%s”应为 定量 或 定性", t)
		}
		if ind.Name == "" {
			c.fail(r.line, at+".三级指标", "缺少三级指标名称")
		}
		if ind.Level1 == "" {
			c.fail(r.line, at+".一级指标", "缺少一级指标")
		}
		ev.Indicators = append(ev.Indicators, ind)
	}
	ev.StatedTotal = c.figure(f.Total, "总分")
	ev.Report = c.report(f.Report)
	ev.Provenance = provenance(f, root)
	return ev, c.errs
}

// lineOf finds the line of a field path ("预算.细分[1].名称") in the parsed
// file, or of its nearest existing parent; 0 when the root is unknown.
func lineOf(root *yaml.Node, path string) int {
	if root == nil || len(root.Content) == 0 {
		return 0
	}
	n, line := root.Content[0], 0
	for part := range strings.SplitSeq(path, ".") {
		part, idx := cutIndex(part)
		next := (*yaml.Node)(nil)
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == part {
					next, line = n.Content[i+1], n.Content[i].Line
				}
			}
		}
		if next == nil {
			return line
		}
		n = next
		if idx > 0 {
			if n.Kind != yaml.SequenceNode || idx > len(n.Content) {
				return line
			}
			n = n.Content[idx-1]
			line = n.Line
		}
	}
	return line
}

// cutIndex splits "行[2]" into "行" and 2; a part without an index is
// returned whole with 0. It is called for every field of a file read
// (provenance), where a regular expression was a tenth of a save's decode.
func cutIndex(part string) (string, int) {
	open := strings.LastIndexByte(part, '[')
	if open < 0 || !strings.HasSuffix(part, "]") || open+2 >= len(part) {
		return part, 0
	}
	digits := part[open+1 : len(part)-1]
	if strings.Trim(digits, "0123456789") != "" {
		return part, 0
	}
	idx, _ := strconv.Atoi(digits)
	return part[:open], idx
}
