package web

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"jixiao/notation"

	"jixiao"
)

// The report's data in the editor: what the renderers compose the 自评报告
// from (jixiao.Report), one group per part of the outline. Fields are named
// "rd.<part>…"; lists keep their rows (a row cannot be added here, as with
// the budget's breakdowns), and a list of items written one per line
// (职能职责, 改进措施) is one text area.

// reportGroup is one part of the report's data in the form.
type reportGroup struct {
	Title  string
	Fields []reportDataField
}

// reportDataField is a field of the report's data: a line, a number or a
// text area.
type reportDataField struct {
	formField
	Kind string // "line", "num", "area"
}

// reportAccessor reads and writes one field of a report.
type reportAccessor struct {
	name, label, kind string
	get               func() string
	set               func(string)
}

// reportAccessors lists the report's editable fields over r, in outline
// order, grouped by part.
func reportAccessors(r *jixiao.Report) []struct {
	title string
	acc   []reportAccessor
} {
	type group = struct {
		title string
		acc   []reportAccessor
	}
	str := func(name, label, kind string, p *string) reportAccessor {
		return reportAccessor{name, label, kind, func() string { return *p }, func(v string) { *p = v }}
	}
	fig := func(name, label string, p *jixiao.Figure) reportAccessor {
		return reportAccessor{name, label, "num", func() string { return p.Text }, func(v string) { *p = notation.ParseFigure(v) }}
	}
	lines := func(name, label string, p *[]string) reportAccessor {
		return reportAccessor{name, label, "area", func() string { return strings.Join(*p, "\n") }, func(v string) {
			*p = nil
			for l := range strings.Lines(v) {
				if l = strings.TrimSpace(l); l != "" {
					*p = append(*p, l)
				}
			}
		}}
	}
	amounts := func(prefix, of string, as []jixiao.Amount) []reportAccessor {
		var out []reportAccessor
		for i := range as {
			a := &as[i]
			p := fmt.Sprintf("%s.%d.", prefix, i)
			out = append(out, fig(p+"amount", of+" · "+a.Name+"（万元）", &a.Amount), str(p+"note", of+" · "+a.Name+" 说明", "line", &a.Note))
		}
		return out
	}
	other := func(prefix, label string, o *jixiao.OtherBudget) []reportAccessor {
		return []reportAccessor{fig(prefix+".amount", label+"（万元）", &o.Amount), str(prefix+".text", label+" 说明", "area", &o.Text)}
	}

	st := &r.Profile.Staff
	gs := []group{
		{"前言", []reportAccessor{str("rd.preface", "前言", "area", &r.Preface)}},
		{"部门（单位）基本情况", []reportAccessor{
			lines("rd.functions", "职能职责（每行一项）", &r.Profile.Functions),
			str("rd.institutions", "内设机构", "area", &r.Profile.Institutions),
			str("rd.composition", "决算单位构成", "area", &r.Profile.Composition),
			str("rd.staff.asof", "人员情况截至", "line", &st.AsOf),
			fig("rd.staff.authorized", "编制人数", &st.Authorized),
			fig("rd.staff.active", "在职人员", &st.Active),
			fig("rd.staff.retired", "离退休人员", &st.Retired),
			str("rd.staff.text", "人员情况说明", "area", &st.Text),
		}},
	}
	money := amounts("rd.income", "本年收入", r.Income)
	money = append(money, amounts("rd.bysource", "按资金来源", r.Spending.BySource)...)
	for i := range r.Spending.ByNature {
		n := &r.Spending.ByNature[i]
		p := fmt.Sprintf("rd.bynature.%d.", i)
		money = append(money, fig(p+"initial", "按支出性质 · "+n.Name+" 年初预算数（万元）", &n.Initial),
			fig(p+"final", "按支出性质 · "+n.Name+" 决算数（万元）", &n.Final),
			str(p+"reason", "按支出性质 · "+n.Name+" 变化的主要原因", "area", &n.Reason))
	}
	money = append(money, amounts("rd.byeconomic", "按经济分类", r.Spending.ByEconomic)...)
	if len(money) > 0 {
		gs = append(gs, group{"一般公共预算收支", money})
	}
	gs = append(gs, group{"其他预算", slices.Concat(other("rd.fund", "政府性基金预算支出", &r.GovernmentFund),
		other("rd.capital", "国有资本经营预算支出", &r.StateCapital), other("rd.insurance", "社会保险基金预算支出", &r.SocialInsurance))})
	perf := []reportAccessor{str("rd.performance", "绩效情况", "area", &r.Performance)}
	for i := range r.Achievements {
		a := &r.Achievements[i]
		p := fmt.Sprintf("rd.achievement.%d.", i)
		perf = append(perf, str(p+"title", fmt.Sprintf("主要成效 %d 标题", i+1), "line", &a.Title),
			str(p+"text", fmt.Sprintf("主要成效 %d 内容", i+1), "area", &a.Text))
	}
	gs = append(gs, group{"部门整体支出绩效情况", perf})
	var probs []reportAccessor
	for i := range r.Problems {
		pr := &r.Problems[i]
		p := fmt.Sprintf("rd.problem.%d.", i)
		probs = append(probs, str(p+"text", fmt.Sprintf("问题 %d", i+1), "area", &pr.Text),
			str(p+"cause", fmt.Sprintf("问题 %d 原因分析", i+1), "area", &pr.Cause))
	}
	if len(probs) > 0 {
		gs = append(gs, group{"存在的问题及原因分析", probs})
	}
	gs = append(gs, group{"改进措施、结果应用与其他", []reportAccessor{
		lines("rd.measures", "下一步改进措施（每行一项）", &r.Measures),
		str("rd.application", "绩效自评结果拟应用和公开情况", "area", &r.Application),
		str("rd.other", "其他需要说明的情况", "area", &r.Other),
	}})
	return gs
}

// reportDataForm is the report's data as form groups.
func reportDataForm(r *jixiao.Report) []reportGroup {
	var out []reportGroup
	for _, g := range reportAccessors(r) {
		rg := reportGroup{Title: g.title}
		for _, a := range g.acc {
			rg.Fields = append(rg.Fields, reportDataField{formField: field(a.name, a.label, a.get()), Kind: a.kind})
		}
		out = append(out, rg)
	}
	return out
}

// reportDataFromForm returns a copy of rep with the form's report fields
// written over it; a field the form leaves out keeps its value, so a client
// that posts the table alone changes nothing in the report.
func reportDataFromForm(rep *jixiao.Report, form url.Values) *jixiao.Report {
	r := *rep
	r.Income = slices.Clone(rep.Income)
	r.Spending.BySource = slices.Clone(rep.Spending.BySource)
	r.Spending.ByNature = slices.Clone(rep.Spending.ByNature)
	r.Spending.ByEconomic = slices.Clone(rep.Spending.ByEconomic)
	r.Achievements = slices.Clone(rep.Achievements)
	r.Problems = slices.Clone(rep.Problems)
	for _, g := range reportAccessors(&r) {
		for _, a := range g.acc {
			if v, ok := form[a.name]; ok && len(v) > 0 {
				val := strings.ReplaceAll(v[0], "\r\n", "\n")
				if a.kind != "area" {
					val = strings.TrimSpace(val)
				}
				if val != a.get() {
					a.set(val)
				}
			}
		}
	}
	return &r
}
