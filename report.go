package jixiao

import "github.com/shopspring/decimal"

// Report is what the self-evaluation report (自评报告) says beyond the table:
// the unit's profile, where its money came from and went, what it achieved,
// what went wrong and what it will do. Figures keep their stated text, like
// the table's; shares, totals and rates are never stored here: renderers
// compute them from these amounts, so that the report cannot contradict
// its own data.
type Report struct {
	Preface string  // opening paragraph (根据《预算法》…现报告如下), as written
	Profile Profile // 部门（单位）基本情况

	// Income is 本年收入 by source (财政拨款收入, 其他收入, …), in 万元.
	Income []Amount
	// Spending is 本年支出 in its three classifications.
	Spending Spending

	// The other budgets of the Hunan outline. An unstated Amount means the
	// report does not mention the budget and its section is left out; a
	// stated zero gives "本年度无…支出".
	GovernmentFund  OtherBudget // 政府性基金预算支出
	StateCapital    OtherBudget // 国有资本经营预算支出
	SocialInsurance OtherBudget // 社会保险基金预算支出

	// Performance is the unit's own account of its overall performance,
	// carried over verbatim after the computed figures.
	Performance  string
	Achievements []Achievement // 主要成效, in order (一是…二是…)
	Problems     []Problem     // 存在的问题及原因分析
	Measures     []string      // 下一步改进措施, one per item
	Application  string        // 绩效自评结果拟应用和公开情况
	Other        string        // 其他需要说明的情况

	// Text is the headings and paragraphs of the report the unit edited, in
	// reading order, each naming the imported block it replaces; nil until
	// an edit. An empty one removes its block; one naming no block (Block
	// -1) is a paragraph the unit added, after the one before it here. The
	// narrative checks read them in place of the imported text
	// (Document.WithReportText), so that a corrected share or total is
	// checked as written; what was not edited is read from the source.
	Text []ReportText `json:",omitempty"`
}

// ReportText is one heading or paragraph of the report's text.
type ReportText struct {
	Block int       // index in the imported document's Blocks; -1 when there is none
	Kind  BlockKind // BlockHeading or BlockParagraph
	Text  string
	Pos   Position // where the source document holds it; zero when there is none
}

// Profile is 部门（单位）基本情况.
type Profile struct {
	Functions    []string // 职能职责, one per item, without their "（1）" numbers
	Institutions string   // 内设机构 (机构设置), as written
	Composition  string   // 决算单位构成, as written
	Staff        Staff    // 人员情况
}

// Staff is 人员情况: counts as stated, plus any free text.
type Staff struct {
	AsOf       string // "2024年12月31日"
	Authorized Figure // 编制人数
	Active     Figure // 在职人员
	Retired    Figure // 离退休人员
	Text       string // anything else the report says about staff
}

// Amount is one named amount in 万元: a source, a class, a project.
type Amount struct {
	Name   string // "财政拨款", "工资福利支出", …
	Amount Figure // 万元
	Note   string // a remark the report attaches to the amount
}

// Spending is 本年支出 classified three ways; each list should add up to
// the same total.
type Spending struct {
	BySource   []Amount // 按资金来源: 财政拨款, 其他资金, …
	ByNature   []Nature // 按支出性质: 基本支出, 项目支出
	ByEconomic []Amount // 按经济分类: 工资福利支出, 商品和服务支出, 对个人和家庭的补助, 资本性支出
}

// Nature is one line of 按支出性质: 基本支出 or 项目支出, with its budget at
// the start of the year and its final account, and why they differ.
type Nature struct {
	Name    string   // "基本支出", "项目支出"
	Initial Figure   // 年初预算数
	Final   Figure   // 决算数
	Reason  string   // 变化的主要原因
	Parts   []Amount // 人员经费/公用经费 for 基本支出; one per project for 项目支出
}

// OtherBudget is a budget other than the general public one.
type OtherBudget struct {
	Amount Figure // 万元; unstated when the report does not mention it
	Text   string // what the report says about it
}

// Stated reports whether the report mentions this budget at all.
func (o OtherBudget) Stated() bool { return o.Amount.Stated() || o.Text != "" }

// Achievement is one 主要成效 item: a short title, the narrative and the
// figures the narrative quotes (受理法援案件 424 件).
type Achievement struct {
	Title   string   // 大力开展统筹协调提能行动
	Text    string   // the narrative, as written
	Figures []Metric // the counts and amounts it cites
}

// Metric is a named figure with its unit (件, 人, 万元, %).
type Metric struct {
	Name  string
	Value Figure
}

// Problem is one 存在的问题 with its cause.
type Problem struct {
	Text  string // the problem
	Cause string // 原因分析, when given separately
}

// SumAmounts adds the valid figures of a list of amounts; ok is false when
// none is valid.
func SumAmounts(as []Amount) (sum decimal.Decimal, ok bool) {
	for _, a := range as {
		if a.Amount.Valid {
			sum, ok = sum.Add(a.Amount.Value), true
		}
	}
	return sum, ok
}
