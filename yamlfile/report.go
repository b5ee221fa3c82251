package yamlfile

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// reportFile is the wire form of the 自评报告 section (jixiao.Report).
type reportFile struct {
	Preface string `yaml:"前言"`
	Profile struct {
		Functions    []string `yaml:"职能职责"`
		Institutions string   `yaml:"内设机构"`
		Composition  string   `yaml:"决算单位构成"`
		Staff        struct {
			AsOf       string  `yaml:"截至"`
			Authorized *scalar `yaml:"编制人数"`
			Active     *scalar `yaml:"在职人员"`
			Retired    *scalar `yaml:"离退休人员"`
			Text       string  `yaml:"说明"`
		} `yaml:"人员"`
	} `yaml:"基本情况"`
	Income   []amountRow `yaml:"本年收入"`
	Spending struct {
		BySource   []amountRow `yaml:"按资金来源"`
		ByNature   []natureRow `yaml:"按支出性质"`
		ByEconomic []amountRow `yaml:"按经济分类"`
	} `yaml:"本年支出"`
	GovernmentFund  otherBudget `yaml:"政府性基金预算支出"`
	StateCapital    otherBudget `yaml:"国有资本经营预算支出"`
	SocialInsurance otherBudget `yaml:"社会保险基金预算支出"`
	Performance     string      `yaml:"绩效情况"`
	Achievements    []struct {
		Title   string `yaml:"标题"`
		Text    string `yaml:"内容"`
		Figures []struct {
			Name  string  `yaml:"名称"`
			Value *scalar `yaml:"数值"`
		} `yaml:"数据"`
	} `yaml:"主要成效"`
	Problems []struct {
		Text  string `yaml:"问题"`
		Cause string `yaml:"原因"`
	} `yaml:"存在的问题"`
	Measures    []string `yaml:"改进措施"`
	Application string   `yaml:"结果应用和公开"`
	Other       string   `yaml:"其他说明"`
	// Text is the report's text as the unit edited it (jixiao.Report.Text),
	// one entry per heading or paragraph in reading order.
	Text []reportTextRow `yaml:"报告文字"`
}

// reportTextRow is one heading or paragraph of the edited report text:
// what it says, and which block of the imported document it replaces.
type reportTextRow struct {
	Kind string `yaml:"类别"` // 标题 or 段落
	Text string `yaml:"文字"`
	// Block is the index of the imported block it replaces; left out for
	// one the unit added.
	Block *int          `yaml:"源文件块"`
	Pos   *textPosition `yaml:"源文件位置"`
}

// textPosition is a jixiao.Position in the file's words.
type textPosition struct {
	Line  int    `yaml:"行"`
	Col   int    `yaml:"列"`
	Page  int    `yaml:"页"`
	Sheet string `yaml:"工作表"`
	Table int    `yaml:"表"`
	Row   int    `yaml:"表行"`
	Cell  int    `yaml:"格"`
}

// textKinds names the two kinds of block the report text holds.
var textKinds = map[jixiao.BlockKind]string{jixiao.BlockHeading: "标题", jixiao.BlockParagraph: "段落"}

type amountRow struct {
	Name   string  `yaml:"名称"`
	Amount *scalar `yaml:"金额"`
	Note   string  `yaml:"备注"`
}

type natureRow struct {
	Name    string      `yaml:"名称"`
	Initial *scalar     `yaml:"年初预算数"`
	Final   *scalar     `yaml:"决算数"`
	Reason  string      `yaml:"变化原因"`
	Parts   []amountRow `yaml:"明细"`
}

type otherBudget struct {
	Amount *scalar `yaml:"金额"`
	Text   string  `yaml:"说明"`
}

func (c *converter) amounts(rows []amountRow, at string) []jixiao.Amount {
	var out []jixiao.Amount
	for i, r := range rows {
		out = append(out, jixiao.Amount{Name: r.Name, Amount: c.figure(r.Amount, fmt.Sprintf("%s[%d].金额", at, i+1)), Note: r.Note})
	}
	return out
}

func (c *converter) report(f *reportFile) *jixiao.Report {
	if f == nil {
		return nil
	}
	const at = "自评报告."
	r := &jixiao.Report{
		Preface: f.Preface, Performance: f.Performance, Measures: f.Measures, Application: f.Application, Other: f.Other,
		Income: c.amounts(f.Income, at+"本年收入"),
	}
	p := &f.Profile
	r.Profile = jixiao.Profile{Functions: p.Functions, Institutions: p.Institutions, Composition: p.Composition,
		Staff: jixiao.Staff{AsOf: p.Staff.AsOf, Text: p.Staff.Text,
			Authorized: c.figure(p.Staff.Authorized, at+"基本情况.人员.编制人数"),
			Active:     c.figure(p.Staff.Active, at+"基本情况.人员.在职人员"),
			Retired:    c.figure(p.Staff.Retired, at+"基本情况.人员.离退休人员")}}
	r.Spending.BySource = c.amounts(f.Spending.BySource, at+"本年支出.按资金来源")
	r.Spending.ByEconomic = c.amounts(f.Spending.ByEconomic, at+"本年支出.按经济分类")
	for i, n := range f.Spending.ByNature {
		where := fmt.Sprintf("%s本年支出.按支出性质[%d]", at, i+1)
		r.Spending.ByNature = append(r.Spending.ByNature, jixiao.Nature{Name: n.Name, Reason: n.Reason,
			Initial: c.figure(n.Initial, where+".年初预算数"), Final: c.figure(n.Final, where+".决算数"),
			Parts: c.amounts(n.Parts, where+".明细")})
	}
	other := func(o otherBudget, name string) jixiao.OtherBudget {
		return jixiao.OtherBudget{Amount: c.figure(o.Amount, at+name+".金额"), Text: o.Text}
	}
	r.GovernmentFund = other(f.GovernmentFund, "政府性基金预算支出")
	r.StateCapital = other(f.StateCapital, "国有资本经营预算支出")
	r.SocialInsurance = other(f.SocialInsurance, "社会保险基金预算支出")
	for i, a := range f.Achievements {
		x := jixiao.Achievement{Title: a.Title, Text: a.Text}
		for j, m := range a.Figures {
			x.Figures = append(x.Figures, jixiao.Metric{Name: m.Name, Value: c.figure(m.Value, fmt.Sprintf("%s主要成效[%d].数据[%d].数值", at, i+1, j+1))})
		}
		r.Achievements = append(r.Achievements, x)
	}
	for _, p := range f.Problems {
		r.Problems = append(r.Problems, jixiao.Problem{Text: p.Text, Cause: p.Cause})
	}
	for i, t := range f.Text {
		r.Text = append(r.Text, c.reportText(t, fmt.Sprintf("%s报告文字[%d]", at, i+1)))
	}
	return r
}

// reportText reads one heading or paragraph; a kind other than 标题 or
// 段落 is reported and read as a paragraph.
func (c *converter) reportText(t reportTextRow, at string) jixiao.ReportText {
	out := jixiao.ReportText{Block: -1, Kind: jixiao.BlockParagraph, Text: t.Text}
	switch t.Kind {
	case textKinds[jixiao.BlockHeading]:
		out.Kind = jixiao.BlockHeading
	case textKinds[jixiao.BlockParagraph], "":
	default:
		c.fail(0, at+".类别", "类别“%s”应为“标题”或“段落”", t.Kind)
	}
	if t.Block != nil {
		if *t.Block < 0 {
			c.fail(0, at+".源文件块", "源文件块 %d 不能为负数", *t.Block)
		} else {
			out.Block = *t.Block
		}
	}
	if p := t.Pos; p != nil {
		out.Pos = jixiao.Position{Line: p.Line, Col: p.Col, Page: p.Page, Sheet: p.Sheet, Table: p.Table, Row: p.Row, Cell: p.Cell}
	}
	return out
}

// reportNode encodes a Report; empty parts are left out.
func (e *encoder) reportNode(r *jixiao.Report) *yaml.Node {
	m := mapping()
	putStr := func(m *yaml.Node, k, v string) {
		if v != "" {
			e.put(m, k, str(v), "")
		}
	}
	putFig := func(m *yaml.Node, k string, f jixiao.Figure) {
		if f.Stated() {
			e.put(m, k, text(f.Text), "")
		}
	}
	amounts := func(as []jixiao.Amount) *yaml.Node {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range as {
			row := mapping()
			row.Style = yaml.FlowStyle
			e.put(row, "名称", str(a.Name), "")
			putFig(row, "金额", a.Amount)
			putStr(row, "备注", a.Note)
			seq.Content = append(seq.Content, row)
		}
		return seq
	}
	strs := func(ss []string) *yaml.Node {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range ss {
			seq.Content = append(seq.Content, str(s))
		}
		return seq
	}
	putStr(m, "前言", r.Preface)
	prof := mapping()
	if len(r.Profile.Functions) > 0 {
		e.put(prof, "职能职责", strs(r.Profile.Functions), "")
	}
	putStr(prof, "内设机构", r.Profile.Institutions)
	putStr(prof, "决算单位构成", r.Profile.Composition)
	staff := mapping()
	putStr(staff, "截至", r.Profile.Staff.AsOf)
	putFig(staff, "编制人数", r.Profile.Staff.Authorized)
	putFig(staff, "在职人员", r.Profile.Staff.Active)
	putFig(staff, "离退休人员", r.Profile.Staff.Retired)
	putStr(staff, "说明", r.Profile.Staff.Text)
	if len(staff.Content) > 0 {
		e.put(prof, "人员", staff, "")
	}
	if len(prof.Content) > 0 {
		e.put(m, "基本情况", prof, "")
	}
	if len(r.Income) > 0 {
		e.put(m, "本年收入", amounts(r.Income), "")
	}
	sp := mapping()
	if len(r.Spending.BySource) > 0 {
		e.put(sp, "按资金来源", amounts(r.Spending.BySource), "")
	}
	if len(r.Spending.ByNature) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, n := range r.Spending.ByNature {
			row := mapping()
			e.put(row, "名称", str(n.Name), "")
			putFig(row, "年初预算数", n.Initial)
			putFig(row, "决算数", n.Final)
			putStr(row, "变化原因", n.Reason)
			if len(n.Parts) > 0 {
				e.put(row, "明细", amounts(n.Parts), "")
			}
			seq.Content = append(seq.Content, row)
		}
		e.put(sp, "按支出性质", seq, "")
	}
	if len(r.Spending.ByEconomic) > 0 {
		e.put(sp, "按经济分类", amounts(r.Spending.ByEconomic), "")
	}
	if len(sp.Content) > 0 {
		e.put(m, "本年支出", sp, "")
	}
	for _, o := range []struct {
		k string
		b jixiao.OtherBudget
	}{{"政府性基金预算支出", r.GovernmentFund}, {"国有资本经营预算支出", r.StateCapital}, {"社会保险基金预算支出", r.SocialInsurance}} {
		if o.b.Stated() {
			n := mapping()
			putFig(n, "金额", o.b.Amount)
			putStr(n, "说明", o.b.Text)
			e.put(m, o.k, n, "")
		}
	}
	putStr(m, "绩效情况", r.Performance)
	if len(r.Achievements) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range r.Achievements {
			n := mapping()
			putStr(n, "标题", a.Title)
			putStr(n, "内容", a.Text)
			if len(a.Figures) > 0 {
				figs := &yaml.Node{Kind: yaml.SequenceNode}
				for _, f := range a.Figures {
					row := mapping()
					row.Style = yaml.FlowStyle
					e.put(row, "名称", str(f.Name), "")
					putFig(row, "数值", f.Value)
					figs.Content = append(figs.Content, row)
				}
				e.put(n, "数据", figs, "")
			}
			seq.Content = append(seq.Content, n)
		}
		e.put(m, "主要成效", seq, "")
	}
	if len(r.Problems) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range r.Problems {
			n := mapping()
			putStr(n, "问题", p.Text)
			putStr(n, "原因", p.Cause)
			seq.Content = append(seq.Content, n)
		}
		e.put(m, "存在的问题", seq, "")
	}
	if len(r.Measures) > 0 {
		e.put(m, "改进措施", strs(r.Measures), "")
	}
	putStr(m, "结果应用和公开", r.Application)
	putStr(m, "其他说明", r.Other)
	if len(r.Text) > 0 {
		e.put(m, "报告文字", e.reportTextNode(r.Text), "")
	}
	return m
}

// reportTextNode encodes the edited report text; a paragraph's source
// position is one flow mapping of the parts it has.
func (e *encoder) reportTextNode(text []jixiao.ReportText) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	num := func(n int) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)} }
	for _, t := range text {
		row := mapping()
		kind := textKinds[t.Kind]
		if kind == "" {
			kind = textKinds[jixiao.BlockParagraph]
		}
		e.put(row, "类别", str(kind), "")
		e.put(row, "文字", str(t.Text), "")
		if t.Block >= 0 {
			e.put(row, "源文件块", num(t.Block), "")
		}
		if !t.Pos.IsZero() {
			pos := mapping()
			pos.Style = yaml.FlowStyle
			p := t.Pos
			for _, part := range []struct {
				k string
				v int
			}{{"行", p.Line}, {"列", p.Col}, {"页", p.Page}} {
				if part.v != 0 {
					e.put(pos, part.k, num(part.v), "")
				}
			}
			if p.Sheet != "" {
				e.put(pos, "工作表", str(p.Sheet), "")
			}
			for _, part := range []struct {
				k string
				v int
			}{{"表", p.Table}, {"表行", p.Row}, {"格", p.Cell}} {
				if part.v != 0 {
					e.put(pos, part.k, num(part.v), "")
				}
			}
			e.put(row, "源文件位置", pos, "")
		}
		seq.Content = append(seq.Content, row)
	}
	return seq
}
