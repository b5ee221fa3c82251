package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"jixiao/notation"

	"jixiao"
)

// The report's data in the editor: what the renderers compose the 自评报告
// from (jixiao.Report), one group per part of the outline. Fields are named
// "rd.<part>…"; its lists (本年收入, the three classifications of 本年支出
// with each 支出性质's 明细, 主要成效 with the figures each cites, 存在的问题)
// are rowLists, so rows are added and removed as the table's are, and a
// list of items written one per line (职能职责, 改进措施) is one text area.

// reportGroup is one part of the report's data in the form: its fields,
// then its lists.
type reportGroup struct {
	Title  string
	Fields []reportDataField
	Lists  []listForm
}

// reportDataField is a field of the report's data: a line, a number, a
// text area, or a hidden value the form carries for the server.
type reportDataField struct {
	formField
	Kind string // "line", "num", "area", "hidden"
}

// listForm is a rowList as the form shows it.
type listForm struct {
	Prefix, Title, Noun string
	Rows                []listRowForm
}

// listRowForm is one row of a listForm, with the lists inside it.
type listRowForm struct {
	Index               int
	Prefix, Noun, Label string // the list's, and the row's name for the buttons
	Fields              []reportDataField
	Lists               []listForm
}

// newListForm shows l's rows as fields.
func newListForm(l rowList) listForm {
	lf := listForm{Prefix: l.Prefix, Title: l.Title, Noun: l.Noun}
	for i := 0; i < l.rows(); i++ {
		row := listRowForm{Index: i, Prefix: l.Prefix, Noun: l.Noun, Label: fmt.Sprintf("%s第 %d %s", l.Title, i+1, l.Noun)}
		for _, a := range l.fields(i) {
			row.Fields = append(row.Fields, reportDataField{formField: field(a.name, a.label, a.get()), Kind: a.kind})
		}
		for _, s := range l.sub(i) {
			row.Lists = append(row.Lists, newListForm(s))
		}
		lf.Rows = append(lf.Rows, row)
	}
	return lf
}

// reportAccessor reads and writes one field of a report.
type reportAccessor struct {
	name, label, kind string
	get               func() string
	set               func(string)
}

func strField(name, label, kind string, p *string) reportAccessor {
	return reportAccessor{name, label, kind, func() string { return *p }, func(v string) { *p = v }}
}

func figField(name, label string, p *jixiao.Figure) reportAccessor {
	return reportAccessor{name, label, "num", func() string { return p.Text }, func(v string) { *p = notation.ParseFigure(v) }}
}

func linesField(name, label string, p *[]string) reportAccessor {
	return reportAccessor{name, label, "area", func() string { return strings.Join(*p, "\n") }, func(v string) {
		*p = nil
		for l := range strings.Lines(v) {
			if l = strings.TrimSpace(l); l != "" {
				*p = append(*p, l)
			}
		}
	}}
}

// rowName is a row's name for its fields' labels: its own name, or its
// number while it has none.
func rowName(name string, pre string) string {
	if name != "" {
		return name
	}
	parts := strings.Split(strings.TrimSuffix(pre, "."), ".")
	return "第 " + fmt.Sprint(atoiOr(parts[len(parts)-1])+1) + " 行"
}

func atoiOr(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// amountList is a list of named amounts in 万元.
func amountList(prefix, title string, p *[]jixiao.Amount) rowList {
	return listOf(prefix, title, "行", p, func(pre string, a *jixiao.Amount) []reportAccessor {
		of := title + " · " + rowName(a.Name, pre)
		return []reportAccessor{strField(pre+"name", of+" 名称", "line", &a.Name), figField(pre+"amount", of+" 金额（万元）", &a.Amount),
			strField(pre+"note", of+" 说明", "line", &a.Note)}
	}, func(a *jixiao.Amount) bool { return a.Name == "" && !a.Amount.Stated() && a.Note == "" }, nil)
}

// reportPart is one group of the report's data over a report.
type reportPart struct {
	title string
	acc   []reportAccessor
	lists []rowList
}

// reportParts lists the report's editable fields and lists over r, in
// outline order, grouped by part.
func reportParts(r *jixiao.Report) []reportPart {
	st := &r.Profile.Staff
	other := func(prefix, label string, o *jixiao.OtherBudget) []reportAccessor {
		return []reportAccessor{figField(prefix+".amount", label+"（万元）", &o.Amount), strField(prefix+".text", label+" 说明", "area", &o.Text)}
	}
	natures := listOf("rd.bynature", "按支出性质", "行", &r.Spending.ByNature, func(pre string, n *jixiao.Nature) []reportAccessor {
		of := "按支出性质 · " + rowName(n.Name, pre)
		return []reportAccessor{strField(pre+"name", of+" 名称", "line", &n.Name), figField(pre+"initial", of+" 年初预算数（万元）", &n.Initial),
			figField(pre+"final", of+" 决算数（万元）", &n.Final), strField(pre+"reason", of+" 变化的主要原因", "area", &n.Reason)}
	}, func(n *jixiao.Nature) bool {
		return n.Name == "" && !n.Initial.Stated() && !n.Final.Stated() && n.Reason == "" && len(n.Parts) == 0
	}, func(pre string, n *jixiao.Nature) []rowList {
		return []rowList{amountList(pre+".part", rowName(n.Name, pre+".")+" 明细", &n.Parts)}
	})
	achievements := listOf("rd.achievement", "主要成效", "项", &r.Achievements, func(pre string, a *jixiao.Achievement) []reportAccessor {
		n := rowName("", pre)
		return []reportAccessor{strField(pre+"title", "主要成效"+n+" 标题", "line", &a.Title), strField(pre+"text", "主要成效"+n+" 内容", "area", &a.Text)}
	}, func(a *jixiao.Achievement) bool { return a.Title == "" && a.Text == "" && len(a.Figures) == 0 },
		func(pre string, a *jixiao.Achievement) []rowList {
			of := "主要成效" + rowName("", pre+".") + " 所引数据"
			return []rowList{listOf(pre+".figure", of, "项", &a.Figures, func(pre string, m *jixiao.Metric) []reportAccessor {
				n := of + " · " + rowName(m.Name, pre)
				return []reportAccessor{strField(pre+"name", n+" 名称", "line", &m.Name), figField(pre+"value", n+" 数值", &m.Value)}
			}, func(m *jixiao.Metric) bool { return m.Name == "" && !m.Value.Stated() }, nil)}
		})
	problems := listOf("rd.problem", "存在的问题", "项", &r.Problems, func(pre string, p *jixiao.Problem) []reportAccessor {
		n := rowName("", pre)
		return []reportAccessor{strField(pre+"text", "问题"+n, "area", &p.Text), strField(pre+"cause", "问题"+n+" 原因分析", "area", &p.Cause)}
	}, func(p *jixiao.Problem) bool { return p.Text == "" && p.Cause == "" }, nil)
	return []reportPart{
		{title: "前言", acc: []reportAccessor{strField("rd.preface", "前言", "area", &r.Preface)}},
		{title: "部门（单位）基本情况", acc: []reportAccessor{
			linesField("rd.functions", "职能职责（每行一项）", &r.Profile.Functions),
			strField("rd.institutions", "内设机构", "area", &r.Profile.Institutions),
			strField("rd.composition", "决算单位构成", "area", &r.Profile.Composition),
			strField("rd.staff.asof", "人员情况截至", "line", &st.AsOf),
			figField("rd.staff.authorized", "编制人数", &st.Authorized),
			figField("rd.staff.active", "在职人员", &st.Active),
			figField("rd.staff.retired", "离退休人员", &st.Retired),
			strField("rd.staff.text", "人员情况说明", "area", &st.Text),
		}},
		{title: "一般公共预算收支", lists: []rowList{amountList("rd.income", "本年收入", &r.Income),
			amountList("rd.bysource", "按资金来源", &r.Spending.BySource), natures, amountList("rd.byeconomic", "按经济分类", &r.Spending.ByEconomic)}},
		{title: "其他预算", acc: slices.Concat(other("rd.fund", "政府性基金预算支出", &r.GovernmentFund),
			other("rd.capital", "国有资本经营预算支出", &r.StateCapital), other("rd.insurance", "社会保险基金预算支出", &r.SocialInsurance))},
		{title: "部门整体支出绩效情况", acc: []reportAccessor{strField("rd.performance", "绩效情况", "area", &r.Performance)}, lists: []rowList{achievements}},
		{title: "存在的问题及原因分析", lists: []rowList{problems}},
		{title: "改进措施、结果应用与其他", acc: []reportAccessor{
			linesField("rd.measures", "下一步改进措施（每行一项）", &r.Measures),
			strField("rd.application", "绩效自评结果拟应用和公开情况", "area", &r.Application),
			strField("rd.other", "其他需要说明的情况", "area", &r.Other),
		}},
	}
}

// reportLists are every list of the report's data, for the row buttons.
func reportLists(r *jixiao.Report) []rowList {
	var out []rowList
	for _, p := range reportParts(r) {
		out = append(out, p.lists...)
	}
	return out
}

// reportDataForm is the report's data as form groups.
func reportDataForm(r *jixiao.Report) []reportGroup {
	var out []reportGroup
	for _, g := range reportParts(r) {
		rg := reportGroup{Title: g.title}
		for _, a := range g.acc {
			rg.Fields = append(rg.Fields, reportDataField{formField: field(a.name, a.label, a.get()), Kind: a.kind})
		}
		for _, l := range g.lists {
			rg.Lists = append(rg.Lists, newListForm(l))
		}
		out = append(out, rg)
	}
	return out
}

// cloneReport copies rep deep enough that writing the form over the copy
// leaves rep as it was.
func cloneReport(rep *jixiao.Report) *jixiao.Report {
	r := *rep
	r.Income = slices.Clone(rep.Income)
	r.Spending.BySource = slices.Clone(rep.Spending.BySource)
	r.Spending.ByNature = slices.Clone(rep.Spending.ByNature)
	for i := range r.Spending.ByNature {
		r.Spending.ByNature[i].Parts = slices.Clone(r.Spending.ByNature[i].Parts)
	}
	r.Spending.ByEconomic = slices.Clone(rep.Spending.ByEconomic)
	r.Achievements = slices.Clone(rep.Achievements)
	for i := range r.Achievements {
		r.Achievements[i].Figures = slices.Clone(r.Achievements[i].Figures)
	}
	r.Problems = slices.Clone(rep.Problems)
	r.Profile.Functions = slices.Clone(rep.Profile.Functions)
	r.Measures = slices.Clone(rep.Measures)
	r.Text = slices.Clone(rep.Text)
	return &r
}

// reportDataFromForm returns a copy of rep with the form's report fields
// and lists written over it; a field or list the form leaves out keeps its
// value, so a client that posts the table alone changes nothing in the
// report.
func reportDataFromForm(rep *jixiao.Report, form url.Values, keepBlank bool) *jixiao.Report {
	r := cloneReport(rep)
	for _, g := range reportParts(r) {
		readFields(g.acc, form)
		for _, l := range g.lists {
			readList(l, form, keepBlank)
		}
	}
	return r
}

// textRef is what the form carries of a paragraph besides its text: the
// imported block it stands for, its kind and where the source has it.
type textRef struct {
	Block int              `json:"b"`
	Kind  jixiao.BlockKind `json:"k"`
	Pos   jixiao.Position  `json:"p"`
}

// textList is the report's text as a rowList: "r.text.4" holds the text
// of paragraph 4, "r.text.4.ref" its textRef.
func textList(r *jixiao.Report) rowList {
	l := listOf("r.text", "自评报告", "段", &r.Text, func(pre string, t *jixiao.ReportText) []reportAccessor {
		ref := reportAccessor{name: pre + "ref", label: "", kind: "hidden",
			get: func() string {
				b, _ := json.Marshal(textRef{t.Block, t.Kind, t.Pos})
				return string(b)
			},
			set: func(v string) {
				var x textRef
				if json.Unmarshal([]byte(v), &x) == nil {
					t.Block, t.Kind, t.Pos = x.Block, x.Kind, x.Pos
				}
			}}
		return []reportAccessor{strField(strings.TrimSuffix(pre, "."), "", "area", &t.Text), ref}
	}, func(t *jixiao.ReportText) bool { return t.Block < 0 && strings.TrimSpace(t.Text) == "" }, nil)
	insert := l.insert
	l.insert = func(at int) {
		insert(at)
		at = min(max(at, 0), len(r.Text)-1)
		r.Text[at] = jixiao.ReportText{Block: -1, Kind: jixiao.BlockParagraph}
	}
	// The stored text is edits over the imported document, whose blocks
	// keep their order: a paragraph moved is stored as added where it now
	// stands (its block removed where it stood), so it no longer names
	// the block or its place in the source.
	swap := l.swap
	l.swap = func(to, from int) {
		swap(to, from)
		r.Text[to] = jixiao.ReportText{Block: -1, Kind: r.Text[to].Kind, Text: r.Text[to].Text}
	}
	return l
}
