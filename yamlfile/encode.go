package yamlfile

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// Options controls Encode.
type Options struct {
	// Provenance writes, beside each figure read from a source document,
	// a comment saying where it was read ("# 第 25 行").
	Provenance bool
	// Header is a comment written at the top of the file.
	Header string
}

// Encode writes ev as an evaluation file. Figures are written as stated;
// unstated ones are left empty, so that the file says what the document
// said and nothing more.
func Encode(w io.Writer, ev *jixiao.Evaluation, opt Options) error {
	e := &encoder{ev: ev, opt: opt}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: opt.Header}
	doc.Content = []*yaml.Node{e.evaluation()}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("yamlfile: encode: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("yamlfile: encode: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type encoder struct {
	ev  *jixiao.Evaluation
	opt Options
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func (e *encoder) put(m *yaml.Node, key string, v *yaml.Node, path string) {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	if e.opt.Provenance && path != "" {
		if p, ok := e.ev.Provenance[path]; ok {
			v.LineComment = p.Describe()
		}
	}
	m.Content = append(m.Content, k, v)
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if bytes.ContainsRune([]byte(s), '\n') {
		n.Style = yaml.LiteralStyle
	}
	if s == "" {
		n.Tag, n.Value = "!!null", ""
	}
	return n
}

// plainNumber reports whether s is a number written plainly: an optional
// minus, digits, and an optional fraction (^-?[0-9]+(\.[0-9]+)?$, which
// TestPlainNumber holds it to); integer says it has no fraction. Every
// figure of a file goes through it, in every API answer of a content.
func plainNumber(s string) (ok, integer bool) {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || dot && !digits(frac) {
		return false, false
	}
	return true, !dot
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// text writes a stated text: numbers plain (674.85, not "674.85"), the
// rest as strings, nothing at all for an unstated value.
func text(s string) *yaml.Node {
	if ok, integer := plainNumber(s); ok {
		tag := "!!float"
		if _, err := strconv.Atoi(s); integer && err == nil { // too large for an int: a float
			tag = "!!int"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
	}
	return str(s)
}

func (e *encoder) evaluation() *yaml.Node {
	ev := e.ev
	m := mapping()
	e.put(m, "类型", str(string(ev.Kind)), "kind")
	e.put(m, "单位", str(ev.Unit), "unit")
	e.put(m, "主管部门", str(ev.Department), "department")
	year := ""
	if ev.Year != 0 {
		year = strconv.Itoa(ev.Year)
	}
	e.put(m, "年度", text(year), "year")
	if ev.Kind == jixiao.KindProject || ev.Project != "" || ev.ProjectCode != "" {
		e.put(m, "项目名称", str(ev.Project), "project")
		e.put(m, "项目编码", str(ev.ProjectCode), "project_code")
	}
	if ev.Rules != "" {
		e.put(m, "规则集", str(ev.Rules), "")
	}
	e.put(m, "预算", e.budget(), "")
	g := mapping()
	e.put(g, "预期目标", str(ev.Goal.Expected), "goal.预期目标")
	e.put(g, "实际完成情况", str(ev.Goal.Actual), "goal.实际完成情况")
	e.put(m, "年度总体目标", g, "")
	inds := &yaml.Node{Kind: yaml.SequenceNode}
	for i := range ev.Indicators {
		inds.Content = append(inds.Content, e.indicator(i))
	}
	e.put(m, "指标", inds, "")
	e.put(m, "总分", text(ev.StatedTotal.Text), "total")
	if ev.StatedGrade != "" {
		e.put(m, "等级", str(ev.StatedGrade), "grade")
	}
	if ev.Report != nil {
		e.put(m, "自评报告", e.reportNode(ev.Report), "")
	}
	return m
}

func (e *encoder) budget() *yaml.Node {
	b := &e.ev.Budget
	m := mapping()
	for _, f := range []struct {
		key string
		fig jixiao.Figure
	}{
		{"年度预算申请", b.Request}, {"年初预算数", b.Initial}, {"全年预算数", b.FullYear}, {"全年执行数", b.Executed},
		{"分值", b.Weight}, {"执行率", b.Rate}, {"得分", b.Score},
	} {
		e.put(m, f.key, text(f.fig.Text), "budget."+f.key)
	}
	if len(b.Splits) == 0 {
		return m
	}
	splits := &yaml.Node{Kind: yaml.SequenceNode}
	for si, s := range b.Splits {
		sm := mapping()
		e.put(sm, "名称", str(s.Name), "")
		rows := &yaml.Node{Kind: yaml.SequenceNode}
		for ri, r := range s.Rows {
			rm := mapping()
			rm.Style = yaml.FlowStyle
			e.put(rm, "名称", str(r.Name), "")
			for _, f := range []struct {
				key string
				fig jixiao.Figure
			}{{"年初预算数", r.Initial}, {"全年预算数", r.FullYear}, {"全年执行数", r.Executed}, {"执行率", r.Rate}} {
				if !f.fig.Stated() {
					continue
				}
				e.put(rm, f.key, text(f.fig.Text), "")
				// a comment inside a one-line {…} row would break it: note the row instead
				if !e.opt.Provenance || rm.LineComment != "" {
					continue
				}
				if p, ok := e.ev.Provenance[fmt.Sprintf("budget.splits[%d].rows[%d].%s", si, ri, f.key)]; ok {
					rm.LineComment = p.Describe()
				}
			}
			rows.Content = append(rows.Content, rm)
		}
		e.put(sm, "行", rows, "")
		splits.Content = append(splits.Content, sm)
	}
	e.put(m, "细分", splits, "")
	return m
}

func (e *encoder) indicator(i int) *yaml.Node {
	in := &e.ev.Indicators[i]
	m := mapping()
	// the provenance key of a column, needed for its comment only
	p := func(k string) string {
		if !e.opt.Provenance {
			return ""
		}
		return fmt.Sprintf("indicators[%d].%s", i, k)
	}
	e.put(m, "一级指标", str(in.Level1), p("一级指标"))
	if in.Level2 != "" {
		e.put(m, "二级指标", str(in.Level2), p("二级指标"))
	}
	e.put(m, "三级指标", str(in.Name), p("三级指标"))
	e.put(m, "年度指标值", text(in.Target.Raw), p("年度指标值"))
	e.put(m, "实际完成值", text(in.Actual.Raw), p("实际完成值"))
	if in.Unit != "" {
		e.put(m, "度量单位", str(in.Unit), p("度量单位"))
	}
	if in.Standard != "" {
		e.put(m, "评分标准", str(in.Standard), p("评分标准"))
	}
	if in.Type != "" {
		e.put(m, "指标值类型", str(string(in.Type)), p("指标值类型"))
	}
	e.put(m, "分值", text(in.Weight.Text), p("分值"))
	e.put(m, "得分", text(in.Score.Text), p("得分"))
	e.put(m, "偏差原因分析及改进措施", str(in.Deviation), p("偏差原因分析及改进措施"))
	return m
}
