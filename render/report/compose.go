package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/render/chart"
	"jixiao/score"
)

// Options says what to add to a composed report.
type Options struct {
	Findings     []jixiao.Finding // the audit's findings
	WithFindings bool             // append them as a section
}

// part is a section before numbering: empty parts are dropped, so the
// numbers that remain are continuous.
type part struct {
	title  string
	blocks []Block
	subs   []part
}

func (p part) empty() bool {
	if len(p.blocks) > 0 {
		return false
	}
	for _, s := range p.subs {
		if !s.empty() {
			return false
		}
	}
	return true
}

// Compose writes ev's 自评报告 following the Hunan outline (湘财绩〔2020〕7号; docs/rules.md, outline):
// 基本情况, 一般公共预算支出, the other budgets, 整体支出绩效, 问题, 措施,
// 结果应用, 其他; sections without data are left out and the rest numbered
// continuously. Every total, share, rate and score is computed here from
// the amounts in ev (and res); the unit's own text is carried over as
// written. The 自评表 is attached.
func Compose(ev *jixiao.Evaluation, res *score.Result, rs *jixiao.RuleSet, opt Options) *Outline {
	c := composer{ev: ev, res: res, rs: rs, rep: ev.Report}
	if c.rep == nil {
		c.rep = &jixiao.Report{}
	}
	o := &Outline{Unit: ev.Unit, Title: c.title()}
	parts := []part{
		c.profile(),
		c.general(),
		c.other("政府性基金预算支出情况", "政府性基金预算", c.rep.GovernmentFund),
		c.other("国有资本经营预算支出情况", "国有资本经营预算", c.rep.StateCapital),
		c.other("社会保险基金预算支出情况", "社会保险基金预算", c.rep.SocialInsurance),
		c.performance(),
		c.problems(),
		{title: "下一步改进措施", blocks: c.measures()},
		{title: "绩效自评结果拟应用和公开情况", blocks: c.application()},
		{title: "其他需要说明的情况", blocks: paras(c.rep.Other)},
	}
	if opt.WithFindings {
		parts = append(parts, findings(opt.Findings))
	}
	if c.rep.Preface != "" {
		o.Sections = append(o.Sections, Section{Level: 0, Blocks: paras(c.rep.Preface)})
	}
	n := 0
	for _, p := range parts {
		if p.empty() {
			continue
		}
		n++
		o.Sections = append(o.Sections, Section{Level: 1, Heading: Numeral(n) + "、" + p.title, Blocks: p.blocks})
		m := 0
		for _, s := range p.subs {
			if s.empty() {
				continue
			}
			m++
			o.Sections = append(o.Sections, Section{Level: 2, Heading: "（" + Numeral(m) + "）" + s.title, Blocks: s.blocks})
		}
	}
	o.Attachments = []Attachment{{Label: "附件", Grid: Table(ev, res, rs)}}
	return o
}

type composer struct {
	ev  *jixiao.Evaluation
	res *score.Result
	rs  *jixiao.RuleSet
	rep *jixiao.Report
}

func (c *composer) title() string {
	year := ""
	if c.ev.Year > 0 {
		year = fmt.Sprintf("%d年度", c.ev.Year)
	}
	if c.ev.Kind == jixiao.KindProject {
		return year + c.ev.Project + "项目支出绩效自评报告"
	}
	return year + "部门整体支出绩效自评报告"
}

func (c *composer) yearText() string {
	if c.ev.Year > 0 {
		return fmt.Sprintf("%d年", c.ev.Year)
	}
	return "本年"
}

// money prints an amount in 万元 with the rule set's places.
func (c *composer) money(d decimal.Decimal) string {
	ro := c.rs.Rounding
	return ro.Amount(d).StringFixed(ro.AmountPlaces) + "万元"
}

// share prints part/total as a percentage, "—" when total is zero.
func (c *composer) share(part, total decimal.Decimal) string {
	if total.Sign() == 0 {
		return "—"
	}
	ro := c.rs.Rounding
	return ro.Percent(part.Div(total)).StringFixed(ro.PercentPlaces) + "%"
}

func (c *composer) score(d decimal.Decimal) string {
	return d.StringFixed(c.rs.Rounding.ScorePlaces)
}

func paras(texts ...string) []Block {
	var out []Block
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, Para(line))
			}
		}
	}
	return out
}

// enumerate writes items as 一是…二是… paragraphs.
func enumerate(items []string) []Block {
	var out []Block
	for i, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, Para(Numeral(i+1)+"是"+it))
		}
	}
	return out
}

func (c *composer) profile() part {
	p := c.rep.Profile
	title := "部门基本情况"
	if c.ev.Kind == jixiao.KindProject {
		title = "项目基本情况"
	}
	var fn []Block
	for i, f := range p.Functions {
		fn = append(fn, Para(fmt.Sprintf("（%d）%s", i+1, f)))
	}
	var staff []string
	if p.Staff.Authorized.Stated() {
		staff = append(staff, "编制人数"+p.Staff.Authorized.Text)
	}
	if p.Staff.Active.Stated() {
		staff = append(staff, "在职人员"+p.Staff.Active.Text)
	}
	if p.Staff.Retired.Stated() {
		staff = append(staff, "离退休人员"+p.Staff.Retired.Text)
	}
	var staffText []Block
	if len(staff) > 0 {
		lead := "截至" + p.Staff.AsOf + "，"
		if p.Staff.AsOf == "" {
			lead = ""
		}
		staffText = paras(lead + strings.Join(staff, "，") + "。")
	}
	staffText = append(staffText, paras(p.Staff.Text)...)
	out := part{title: title, subs: []part{
		{title: "职能职责", blocks: fn},
		{title: "机构设置", blocks: paras(p.Institutions, p.Composition)},
		{title: "人员情况", blocks: staffText},
	}}
	if c.ev.Kind == jixiao.KindProject {
		goal := paras(c.ev.Goal.Expected)
		if len(goal) > 0 {
			goal[0].Text = "项目年度总体目标：" + goal[0].Text
		}
		out.subs = append([]part{{title: "项目概况", blocks: goal}}, out.subs...)
	}
	if out.empty() {
		// no report data: what the table says of the unit, so that the
		// section the outline requires is there and says only what is known
		out.subs = []part{{title: "基本情况", blocks: c.profileFromTable()}}
	}
	return out
}

// profileFromTable states the unit, its 主管部门 and its 年度总体目标 as the
// table gives them.
func (c *composer) profileFromTable() []Block {
	ev := c.ev
	if ev.Unit == "" && ev.Goal.Expected == "" {
		return nil
	}
	var b []string
	if ev.Unit != "" {
		s := "本单位为" + ev.Unit
		if ev.Department != "" && ev.Department != ev.Unit {
			s += "，主管部门为" + ev.Department
		}
		if ev.Kind == jixiao.KindProject && ev.Project != "" {
			s += "，实施项目“" + ev.Project + "”"
			if ev.ProjectCode != "" {
				s += "（项目编码 " + ev.ProjectCode + "）"
			}
		}
		b = append(b, s+"。")
	}
	if g := strings.TrimSpace(ev.Goal.Expected); g != "" && ev.Kind != jixiao.KindProject {
		b = append(b, "年度总体目标："+g)
	}
	return paras(b...)
}

// measures are the report's 改进措施; without them, the 改进措施 the table
// gives for the indicators that lost points, as the unit wrote them.
func (c *composer) measures() []Block {
	if len(c.rep.Measures) > 0 {
		return enumerate(c.rep.Measures)
	}
	var items []string
	for _, r := range c.res.Rows {
		if r.Index >= len(c.ev.Indicators) {
			continue
		}
		in := c.ev.Indicators[r.Index]
		if d := strings.TrimSpace(in.Deviation); d != "" && r.Score.LessThan(r.Weight) {
			items = append(items, "关于“"+in.Name+"”："+d)
		}
	}
	if len(items) == 0 {
		// the outline requires the section and nothing in the data says
		// what it should: the heading stays, marked for the unit to fill,
		// rather than a made-up measure or a gap in the numbering
		return paras("（待填写：针对上述问题拟采取的改进措施。）")
	}
	return enumerate(items)
}

// application is the report's 结果应用 text; without it, the result it is
// about: the computed score and grade.
func (c *composer) application() []Block {
	if len(c.rep.Application) > 0 {
		return paras(c.rep.Application)
	}
	if c.res == nil || c.res.Grade == "" {
		return nil
	}
	return paras(fmt.Sprintf("%s自评得分%s分，自评等级为“%s”（按规则集 %s 计算）。", c.yearText(), c.score(c.res.Total), c.res.Grade, c.rs.Name))
}

// listing writes "A X万元，占本年Y Z%" for each amount.
func (c *composer) listing(as []jixiao.Amount, total decimal.Decimal, of string) string {
	var items []string
	for _, a := range as {
		if !a.Amount.Valid {
			continue
		}
		items = append(items, fmt.Sprintf("%s%s，占%s%s", a.Name, c.money(a.Amount.Value), of, c.share(a.Amount.Value, total)))
	}
	return strings.Join(items, "；")
}

func (c *composer) general() part {
	r := c.rep
	out := part{title: "一般公共预算支出情况"}
	if total, ok := jixiao.SumAmounts(r.Income); ok {
		out.subs = append(out.subs, part{title: "收入情况", blocks: paras(fmt.Sprintf("%s本年收入合计%s，其中：%s。",
			c.yearText(), c.money(total), c.listing(r.Income, total, "本年收入")))})
	}
	sp := r.Spending
	total, ok := jixiao.SumAmounts(sp.BySource)
	natures := make([]jixiao.Amount, 0, len(sp.ByNature))
	for _, n := range sp.ByNature {
		natures = append(natures, jixiao.Amount{Name: n.Name, Amount: n.Final})
	}
	if !ok {
		total, ok = jixiao.SumAmounts(natures)
	}
	if !ok {
		total, ok = jixiao.SumAmounts(sp.ByEconomic)
	}
	if !ok {
		out.subs = append(out.subs, part{title: "预算安排情况", blocks: c.budgetFromTable()})
		return out
	}
	var sentences []string
	for _, cl := range []struct {
		name string
		as   []jixiao.Amount
	}{{"按资金来源分类", sp.BySource}, {"按支出性质分类", natures}, {"按支出经济分类", sp.ByEconomic}} {
		if l := c.listing(cl.as, total, "本年支出"); l != "" {
			sentences = append(sentences, cl.name+"，"+l)
		}
	}
	blocks := paras(fmt.Sprintf("%s本年支出合计%s。%s。", c.yearText(), c.money(total), strings.Join(sentences, "。")))
	for _, n := range sp.ByNature {
		if len(n.Parts) > 0 && n.Final.Valid {
			blocks = append(blocks, Para(fmt.Sprintf("%s%s，其中：%s。", n.Name, c.money(n.Final.Value), c.listing(n.Parts, n.Final.Value, n.Name))))
		}
	}
	if g := c.spendingTable(total); g != nil {
		blocks = append(blocks, Block{Kind: KindTable, Grid: g})
	}
	out.subs = append(out.subs, part{title: "支出情况", blocks: blocks})
	return out
}

// budgetFromTable states the table's 全年预算数 and its breakdowns, each
// part with its share computed, when the report gives no spending.
func (c *composer) budgetFromTable() []Block {
	b := c.ev.Budget
	if !b.FullYear.Valid || b.FullYear.Value.Sign() <= 0 {
		return nil
	}
	total := b.FullYear.Value
	s := fmt.Sprintf("%s全年预算数%s", c.yearText(), c.money(total))
	if b.Initial.Valid {
		s += fmt.Sprintf("（年初预算数%s）", c.money(b.Initial.Value))
	}
	s += "。"
	for _, sp := range b.Splits {
		var as []jixiao.Amount
		for _, r := range sp.Rows {
			as = append(as, jixiao.Amount{Name: r.Name, Amount: r.FullYear})
		}
		if l := c.listing(as, total, "全年预算数"); l != "" {
			s += sp.Name + "，" + l + "。"
		}
	}
	return paras(s)
}

// spendingTable lists the three classifications with amounts and shares.
func (c *composer) spendingTable(total decimal.Decimal) *Grid {
	sp := c.rep.Spending
	g := NewGrid(40, 70, 35, 30)
	g.Title = "本年支出构成"
	g.Note = "单位：万元"
	r := g.AddRow()
	for j, h := range []string{"分类", "项目", "金额", "占本年支出"} {
		g.Set(r, j, label(h))
	}
	add := func(class string, names []string, figs []jixiao.Figure) {
		first := -1
		for i, f := range figs {
			if !f.Valid {
				continue
			}
			row := g.AddRow()
			if first < 0 {
				first = row
			}
			g.Set(row, 1, text(names[i]))
			g.Set(row, 2, Cell{Text: c.rs.Rounding.Amount(f.Value).StringFixed(c.rs.Rounding.AmountPlaces), Align: AlignRight, Kind: KindAmount, Number: f.Value, Valid: true})
			g.Set(row, 3, Cell{Text: c.share(f.Value, total), Align: AlignRight})
		}
		if first >= 0 {
			g.Set(first, 0, Cell{Text: class, RowSpan: len(g.Rows) - first})
		}
	}
	split := func(as []jixiao.Amount) ([]string, []jixiao.Figure) {
		var ns []string
		var fs []jixiao.Figure
		for _, a := range as {
			ns, fs = append(ns, a.Name), append(fs, a.Amount)
		}
		return ns, fs
	}
	ns, fs := split(sp.BySource)
	add("按资金来源", ns, fs)
	ns, fs = nil, nil
	for _, n := range sp.ByNature {
		ns, fs = append(ns, n.Name), append(fs, n.Final)
	}
	add("按支出性质", ns, fs)
	ns, fs = split(sp.ByEconomic)
	add("按经济分类", ns, fs)
	if len(g.Rows) == 1 {
		return nil
	}
	row := g.AddRow()
	g.Set(row, 0, Cell{Text: "合计", Header: true, ColSpan: 2})
	g.Set(row, 2, Cell{Text: c.rs.Rounding.Amount(total).StringFixed(c.rs.Rounding.AmountPlaces), Align: AlignRight, Kind: KindAmount, Number: total, Valid: true})
	g.Set(row, 3, Cell{Text: "100.00%", Align: AlignRight})
	return g
}

func (c *composer) other(title, name string, o jixiao.OtherBudget) part {
	if !o.Stated() {
		return part{}
	}
	var blocks []Block
	switch {
	case o.Amount.Valid && o.Amount.Value.Sign() == 0:
		blocks = paras(fmt.Sprintf("%s度无%s支出。", c.yearText(), name))
	case o.Amount.Valid:
		blocks = paras(fmt.Sprintf("%s度%s支出%s。", c.yearText(), name, c.money(o.Amount.Value)))
	}
	blocks = append(blocks, paras(o.Text)...)
	return part{title: title, blocks: blocks}
}

func (c *composer) performance() part {
	title := "部门整体支出绩效情况"
	if c.ev.Kind == jixiao.KindProject {
		title = "项目绩效情况"
	}
	out := part{title: title}
	out.subs = append(out.subs, part{title: "预算执行情况", blocks: c.execution()})
	out.subs = append(out.subs, part{title: "绩效指标完成情况", blocks: c.indicatorBlocks()})
	var ach []Block
	for i, a := range c.rep.Achievements {
		t := Numeral(i+1) + "是" + strings.TrimSuffix(a.Title, "。") + "。"
		if a.Title == "" {
			t = Numeral(i+1) + "是"
		}
		ach = append(ach, Para(t+a.Text))
	}
	ach = append(ach, paras(c.rep.Performance)...)
	out.subs = append(out.subs, part{title: "主要成效", blocks: ach})
	return out
}

func (c *composer) execution() []Block {
	b, e, ro := &c.ev.Budget, &c.res.Execution, c.rs.Rounding
	var s []string
	if b.Initial.Valid {
		s = append(s, "年初预算数为"+c.money(b.Initial.Value))
	}
	if b.FullYear.Valid {
		s = append(s, "全年预算数为"+c.money(b.FullYear.Value))
	}
	final, finalOK := decimal.Zero, false
	for _, n := range c.rep.Spending.ByNature {
		if n.Final.Valid {
			final, finalOK = final.Add(n.Final.Value), true
		}
	}
	switch {
	case b.Executed.Valid:
		s = append(s, "全年执行数为"+c.money(b.Executed.Value))
	case finalOK:
		s = append(s, "决算数为"+c.money(final))
	}
	var blocks []Block
	if len(s) > 0 {
		lead := c.yearText() + "度部门"
		if c.ev.Kind == jixiao.KindProject {
			lead = c.yearText() + "度项目"
		}
		rate := ""
		switch {
		case e.RateKnown && e.RateFrom == "computed":
			rate = fmt.Sprintf("，预算执行率为%s%%（全年执行数 ÷ %s）", ro.Percent(e.Rate).StringFixed(ro.PercentPlaces), e.Denominator)
		case e.RateKnown:
			rate = fmt.Sprintf("，全年执行数未填列，自评表所列预算执行率为%s", b.Rate.Text)
			if finalOK && b.FullYear.Valid && b.FullYear.Value.Sign() > 0 {
				rate += fmt.Sprintf("（按决算数计算为%s）", c.share(final, b.FullYear.Value))
			}
		}
		score := ""
		if e.ScoreKnown {
			score = fmt.Sprintf("，预算执行率得分%s分（分值%s分）", c.score(e.Score), e.Weight)
		}
		blocks = append(blocks, Para(lead+strings.Join(s, "，")+rate+score+"。"))
	}
	for _, n := range c.rep.Spending.ByNature {
		if !n.Initial.Valid || !n.Final.Valid {
			continue
		}
		t := fmt.Sprintf("%s年初预算数为%s，决算数为%s，完成率%s", n.Name, c.money(n.Initial.Value), c.money(n.Final.Value), c.share(n.Final.Value, n.Initial.Value))
		if n.Reason != "" {
			t += "，变化的主要原因：" + strings.TrimSuffix(n.Reason, "。")
		}
		blocks = append(blocks, Para(t+"。"))
	}
	if ch := c.budgetChart(final, finalOK); ch != nil {
		blocks = append(blocks, Block{Kind: KindChart, Chart: ch})
	}
	return blocks
}

func fl(f jixiao.Figure) float64 {
	if !f.Valid {
		return math.NaN()
	}
	v, _ := f.Value.Float64()
	return v
}

// budgetChart compares 年初预算数, 全年预算数 and 全年执行数 (or 决算数) for
// the total and each 按支出性质 line.
func (c *composer) budgetChart(final decimal.Decimal, finalOK bool) *chart.Chart {
	b := &c.ev.Budget
	exec := fl(b.Executed)
	if math.IsNaN(exec) && finalOK {
		exec, _ = final.Float64()
	}
	ch := &chart.Chart{Title: "预算与执行情况", Unit: "万元", Categories: []string{"年度资金总额"},
		Series: []chart.Series{
			{Name: "年初预算数", Values: []float64{fl(b.Initial)}},
			{Name: "全年预算数", Values: []float64{fl(b.FullYear)}},
			{Name: "执行数（决算数）", Values: []float64{exec}},
		}}
	fullYear := map[string]jixiao.Figure{}
	for _, s := range b.Splits {
		for _, r := range s.Rows {
			fullYear[r.Name] = r.FullYear
		}
	}
	for _, n := range c.rep.Spending.ByNature {
		ch.Categories = append(ch.Categories, n.Name)
		ch.Series[0].Values = append(ch.Series[0].Values, fl(n.Initial))
		ch.Series[1].Values = append(ch.Series[1].Values, fl(fullYear[n.Name]))
		ch.Series[2].Values = append(ch.Series[2].Values, fl(n.Final))
	}
	if len(c.rep.Spending.ByNature) == 0 {
		for _, s := range b.Splits {
			for _, r := range s.Rows {
				if r.Initial.Valid || r.FullYear.Valid || r.Executed.Valid {
					ch.Categories = append(ch.Categories, r.Name)
					ch.Series[0].Values = append(ch.Series[0].Values, fl(r.Initial))
					ch.Series[1].Values = append(ch.Series[1].Values, fl(r.FullYear))
					ch.Series[2].Values = append(ch.Series[2].Values, fl(r.Executed))
				}
			}
		}
	}
	for _, s := range ch.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				return ch
			}
		}
	}
	return nil
}

func (c *composer) indicatorBlocks() []Block {
	rows := c.res.Rows
	if len(rows) == 0 {
		return nil
	}
	met, missed, unknown := 0, 0, 0
	wsum, ssum := decimal.Zero, decimal.Zero
	for _, r := range rows {
		switch {
		case r.Met == nil:
			unknown++
		case *r.Met:
			met++
		default:
			missed++
		}
		wsum, ssum = wsum.Add(r.Weight), ssum.Add(r.Score)
	}
	t := fmt.Sprintf("共设置绩效指标%d个，其中达到年度指标值%d个，未达到%d个", len(rows), met, missed)
	if unknown > 0 {
		t += fmt.Sprintf("，无法判断%d个", unknown)
	}
	t += fmt.Sprintf("；绩效指标得分%s分（分值%s分）", c.score(ssum), wsum)
	e := c.res.Execution
	if e.ScoreKnown {
		t += fmt.Sprintf("，加预算执行率得分%s分", c.score(e.Score))
	}
	t += fmt.Sprintf("，自评总分%s分，等级为“%s”", c.score(c.res.Total), c.res.Grade)
	if st := c.ev.StatedTotal; st.Valid && !st.Value.Equal(c.res.Total) {
		t += fmt.Sprintf("（自评表填列总分%s分，与按%s重算的结果不一致）", st.Text, c.rs.Title)
	}
	blocks := []Block{Para(t + "。")}
	g := NewGrid(28, 40, 30, 30, 18, 18)
	g.Title = "绩效指标完成情况"
	r := g.AddRow()
	// headers deliberately differ from the 自评表's labels, so that an
	// importer reading the report finds the attached table, not this one
	for j, h := range []string{"指标类别", "指标名称", "年度目标", "完成情况", "满分", "评分"} {
		g.Set(r, j, label(h))
	}
	for range rows {
		g.AddRow()
	}
	for i, row := range rows {
		in := c.ev.Indicators[row.Index]
		ri := r + 1 + i
		if i == 0 || c.ev.Indicators[rows[i-1].Index].Level1 != in.Level1 {
			n := 1
			for i+n < len(rows) && c.ev.Indicators[rows[i+n].Index].Level1 == in.Level1 {
				n++
			}
			g.Set(ri, 0, Cell{Text: in.Level1, RowSpan: n})
		}
		g.Set(ri, 1, text(in.Name))
		g.Set(ri, 2, Cell{Text: in.Target.Text()})
		g.Set(ri, 3, Cell{Text: in.Actual.Text()})
		g.Set(ri, 4, Cell{Text: row.Weight.String(), Kind: KindWeight, Number: row.Weight, Valid: true})
		g.Set(ri, 5, scoreCell(row.Score, c.rs.Rounding.ScorePlaces))
	}
	blocks = append(blocks, Block{Kind: KindTable, Grid: g})
	ch := &chart.Chart{Title: "各指标分值与得分", Unit: "分", Series: []chart.Series{{Name: "分值"}, {Name: "得分"}}}
	for _, row := range rows {
		w, _ := row.Weight.Float64()
		s, _ := row.Score.Float64()
		ch.Categories = append(ch.Categories, c.ev.Indicators[row.Index].Name)
		ch.Series[0].Values = append(ch.Series[0].Values, w)
		ch.Series[1].Values = append(ch.Series[1].Values, s)
	}
	return append(blocks, Block{Kind: KindChart, Chart: ch})
}

// problems lists what the data shows (low execution, missed targets) and
// then the unit's own problems.
func (c *composer) problems() part {
	var items []string
	e, ro := c.res.Execution, c.rs.Rounding
	if th := c.rs.Deviation.ExecutionBelow; e.RateKnown && th.Sign() > 0 && e.Rate.LessThan(th) {
		items = append(items, fmt.Sprintf("预算执行率偏低。预算执行率为%s%%，低于%s%%，预算执行率得分%s分，扣%s分。",
			ro.Percent(e.Rate).StringFixed(ro.PercentPlaces), ro.Percent(th).StringFixed(0), c.score(e.Score), c.score(e.Weight.Sub(e.Score))))
	}
	for _, r := range c.res.Rows {
		if r.Met == nil || *r.Met {
			continue
		}
		in := c.ev.Indicators[r.Index]
		t := fmt.Sprintf("指标“%s”未达到年度指标值（目标%s，实际%s），得%s分（分值%s分）。", in.Name, in.Target.Text(), in.Actual.Text(), c.score(r.Score), r.Weight)
		if d := strings.TrimSpace(in.Deviation); d != "" {
			t += "偏差原因及改进措施：" + d
		}
		items = append(items, t)
	}
	for _, p := range c.rep.Problems {
		t := strings.TrimSpace(p.Text)
		if p.Cause != "" {
			t += "原因：" + strings.TrimSpace(p.Cause)
		}
		items = append(items, t)
	}
	return part{title: "存在的问题及原因分析", blocks: enumerate(items)}
}

func findings(fs []jixiao.Finding) part {
	out := part{title: "审核发现的问题"}
	if len(fs) == 0 {
		out.blocks = paras("经审核，未发现问题。")
		return out
	}
	g := NewGrid(14, 16, 34, 86, 30)
	r := g.AddRow()
	for j, h := range []string{"序号", "级别", "代码", "问题", "位置"} {
		g.Set(r, j, label(h))
	}
	for i, f := range fs {
		ri := g.AddRow()
		g.Set(ri, 0, Cell{Text: fmt.Sprint(i + 1)})
		g.Set(ri, 1, Cell{Text: f.Severity.Label()})
		g.Set(ri, 2, text(f.Code))
		msg := f.Message
		if f.Stated != "" || f.Expected != "" {
			msg += fmt.Sprintf("（填列：%s；应为：%s）", f.Stated, f.Expected)
		}
		g.Set(ri, 3, text(msg))
		g.Set(ri, 4, text(strings.Trim(f.Location.Item+" "+f.Location.Column, " ")))
	}
	out.blocks = []Block{Para(fmt.Sprintf("经审核，共发现问题%d项，详见下表。", len(fs))), {Kind: KindTable, Grid: g}}
	return out
}

var digits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1–99) in Chinese numerals: 一, 十, 十一, 二十一.
func Numeral(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
