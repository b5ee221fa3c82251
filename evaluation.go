package jixiao

// Evaluation is one self-evaluation table (自评表) as the unit stated it.
// Every figure keeps its stated text; computed values live in score and
// audit results, never here.
type Evaluation struct {
	Kind        Kind   // 部门整体 or 项目
	Unit        string // 单位 / 预算部门名称
	Department  string // 主管部门
	Year        int    // 年度; 0 when not stated
	Project     string // 项目名称 (项目 kind)
	ProjectCode string // 项目编码, 21 characters in the integrated system
	Rules       string // the rule set the document says it follows, if any

	// AmountUnit is the unit the table states its amounts in ("元",
	// "万元", "亿元"); "" for the template's 万元. Findings state amounts in
	// it, as the document does.
	AmountUnit string

	Budget     Budget
	Goal       Goal
	Indicators []Indicator

	StatedTotal Figure // 总分
	StatedGrade string // 等级 (优/良/中/差), when stated

	Report *Report // the 自评报告's data; nil when there is no report

	// Missing lists what the reader looked for and did not find; a field
	// under one of its paths was not read, which is not the same as stated
	// empty. Empty for hand-written files.
	Missing []Missing

	// Provenance maps a field path ("budget.全年预算数", "indicators[2].得分")
	// to where the figure was read from. Empty for hand-written files.
	Provenance map[string]Position
}

// Budget is the 年度资金总额 block and its breakdowns.
type Budget struct {
	Request  Figure // 年度预算申请
	Initial  Figure // 年初预算数
	FullYear Figure // 全年预算数 (A)
	Executed Figure // 全年执行数 (B)
	Weight   Figure // 分值
	Rate     Figure // 执行率 (B/A)
	Score    Figure // 得分

	// Splits are the breakdowns: 按收入性质分 and 按支出性质分 for 部门整体,
	// 资金来源 (当年财政拨款, 上年结转资金, 其他资金) for 项目.
	Splits []BudgetSplit
}

// BudgetSplit is one breakdown of the total; its rows should add up to it.
type BudgetSplit struct {
	Name string // "按收入性质分", "按支出性质分", "资金来源"
	Rows []BudgetRow
}

// BudgetRow is one line of a breakdown.
type BudgetRow struct {
	Name     string // "一般公共预算", "基本支出", "当年财政拨款", …
	Initial  Figure // 年初预算数
	FullYear Figure // 全年预算数
	Executed Figure // 全年执行数
	Rate     Figure // 执行率, where the table shows one
}

// Goal is 年度总体目标: what was planned and what was achieved.
type Goal struct {
	Expected string // 预期目标
	Actual   string // 实际完成情况
}

// Indicator is one 三级 row of the indicator block.
type Indicator struct {
	Level1    string    // 一级指标: 产出指标, 效益指标, 满意度指标 (成本指标 in some trees)
	Level2    string    // 二级指标: 数量指标, …; "" when the table has no 二级 column
	Name      string    // 三级指标
	Target    Value     // 年度指标值
	Actual    Value     // 实际完成值
	Unit      string    `json:",omitempty"` // 度量单位 when the table has the column ("%", "人"): Target and Actual mean bare numbers in it; "" otherwise
	Standard  string    // 评(扣)分标准
	Type      ValueType // 指标值类型 when the table states it; "" otherwise
	Weight    Figure    // 分值
	Score     Figure    // 得分
	Deviation string    // 偏差原因分析及改进措施
}

// EffectiveType is the stated 指标值类型 if any, else what the target reads as.
func (in Indicator) EffectiveType() ValueType {
	if in.Type != "" {
		return in.Type
	}
	return in.Target.Type
}
