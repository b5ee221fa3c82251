package extract

import (
	"fmt"
	"slices"
	"strconv"

	"jixiao"
)

// labelCells returns the columns of a row's label cells: text that is not
// a figure or a placeholder for one.
func labelCells(r grow) []int {
	var out []int
	for i, c := range r.cells {
		if c.origin && c.text != "" && !isValueText(c.text) && hasHan(c.text) {
			out = append(out, i)
		}
	}
	return out
}

// sortedCols returns a header map's columns in order, with their labels.
func sortedCols(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return m[a] - m[b] })
	return keys
}

// budgetRow reads a row of the budget block: the split headers, the
// 年度资金总额 row, or split rows.
func (x *extractor) budgetRow(r grow) {
	labels := labelCells(r)
	if len(labels) == 0 {
		return
	}
	var names []string
	for _, i := range labels {
		if n := r.cells[i].norm; n == splitIncome || n == splitExpense {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		x.splits = names
		for _, n := range names {
			x.splitIndex(n)
		}
		return
	}
	first := r.cells[labels[0]].norm
	if isTotalLabel(first) {
		x.budgetTotal(r, labels[0])
		return
	}
	for k, li := range labels {
		next := len(r.cells)
		if k+1 < len(labels) {
			next = labels[k+1]
		}
		x.splitRow(r, li, next, k, len(labels) == 1)
	}
}

func isTotalLabel(n string) bool {
	switch n {
	case "年度资金总额", "资金总额", "项目资金", "年度资金总额合计", "合计", "总计":
		return true
	}
	return false
}

// values returns the origin cells in columns (from, to), empty ones included.
func values(r grow, from, to int) []gcell {
	var out []gcell
	for i := from + 1; i < to && i < len(r.cells); i++ {
		if r.cells[i].origin {
			out = append(out, r.cells[i])
		}
	}
	return out
}

// budgetTotal reads the 年度资金总额 row against the budget header.
func (x *extractor) budgetTotal(r grow, label int) {
	b := &x.ev.Budget
	set := func(key string, c gcell) {
		f := budgetField(b, key)
		if f == nil {
			return
		}
		*f = jixiao.ParseFigure(c.text)
		x.prov("budget."+key, c.pos)
	}
	cols := sortedCols(x.budgetHdr)
	if len(r.cells) == x.budgetW {
		for _, key := range cols {
			c, ok := r.origin(x.budgetHdr[key])
			if !ok {
				continue
			}
			if x.budgetHdr[key] <= label && c.text != "" {
				x.note("budget."+key, c.pos, "“%s”一栏位于行标签之前，按列号读取为 %s", key, c.text)
			}
			set(key, c)
		}
	} else {
		vals := values(r, label, len(r.cells))
		for k, key := range cols {
			if k < len(vals) {
				set(key, vals[k])
			}
		}
		x.note("budget", r.pos, "年度资金总额一行有 %d 个单元格，表头有 %d 个，按顺序对齐读取，可能有误", len(r.cells), x.budgetW)
	}
	if _, ok := x.budgetHdr[colFullYear]; !ok {
		x.note("budget."+colFullYear, r.pos, "预算表中没有“全年预算数”一栏")
	}
	if _, ok := x.budgetHdr[colExecuted]; !ok {
		x.note("budget."+colExecuted, r.pos, "预算表中没有“全年执行数”一栏")
	}
}

func budgetField(b *jixiao.Budget, key string) *jixiao.Figure {
	switch key {
	case colRequest:
		return &b.Request
	case colInitial:
		return &b.Initial
	case colFullYear:
		return &b.FullYear
	case colExecuted:
		return &b.Executed
	case colWeight:
		return &b.Weight
	case colRate:
		return &b.Rate
	case colScore:
		return &b.Score
	}
	return nil
}

func rowField(b *jixiao.BudgetRow, key string) *jixiao.Figure {
	switch key {
	case colInitial:
		return &b.Initial
	case colFullYear:
		return &b.FullYear
	case colExecuted:
		return &b.Executed
	case colRate:
		return &b.Rate
	}
	return nil
}

// splitIndex returns the index of the named split, adding it if new.
func (x *extractor) splitIndex(name string) int {
	for i, s := range x.ev.Budget.Splits {
		if s.Name == name {
			return i
		}
	}
	x.ev.Budget.Splits = append(x.ev.Budget.Splits, jixiao.BudgetSplit{Name: name})
	return len(x.ev.Budget.Splits) - 1
}

// splitFor decides which breakdown a row belongs to: by its label when it
// is a known one, else by its place in the row under the split headers.
func (x *extractor) splitFor(key string, k int) string {
	dept := len(x.splits) > 0
	switch {
	case expenseRows[key]:
		return splitExpense
	case incomeRows[key] && (dept || !sourceRows[key]):
		return splitIncome
	case sourceRows[key]:
		if dept {
			return splitIncome
		}
		return splitSource
	case k < len(x.splits):
		return x.splits[k]
	case len(x.ev.Budget.Splits) == 1:
		return x.ev.Budget.Splits[0].Name
	}
	return ""
}

// splitRow reads one label and its values as a row of a breakdown.
func (x *extractor) splitRow(r grow, li, next, k int, alone bool) {
	c := r.cells[li]
	name := x.splitFor(c.norm, k)
	if name == "" {
		x.note("budget.splits", c.pos, "无法判断“%s”属于哪一项资金分类，未读取", cleanName(c.text))
		return
	}
	si := x.splitIndex(name)
	split := &x.ev.Budget.Splits[si]
	row := jixiao.BudgetRow{Name: cleanName(c.text)}
	path := "budget.splits[" + strconv.Itoa(si) + "].rows[" + strconv.Itoa(len(split.Rows)) + "]"
	x.prov(path+".name", c.pos)
	set := func(key string, v gcell) {
		if f := rowField(&row, key); f != nil {
			*f = jixiao.ParseFigure(v.text)
			x.prov(path+"."+key, v.pos)
		}
	}
	vals := values(r, li, next)
	var stated []gcell
	for _, v := range vals {
		if v.text != "" {
			stated = append(stated, v)
		}
	}
	switch {
	case alone && len(r.cells) == x.budgetW:
		for _, key := range sortedCols(x.budgetHdr) {
			if col := x.budgetHdr[key]; col > li {
				if v, ok := r.origin(col); ok {
					set(key, v)
				}
			}
		}
	case len(stated) == 1:
		set(colFullYear, stated[0])
		if x.splitNote == nil {
			x.splitNote = map[int]bool{}
		}
		if !x.splitNote[si] {
			x.splitNote[si] = true
			x.note(fmt.Sprintf("budget.splits[%d]", si), c.pos,
				"“%s”各行只列一个金额且无法按表头对齐，按样表格式读作全年预算数", name)
		}
	case len(stated) > 1:
		var keys []string
		for _, key := range sortedCols(x.budgetHdr) {
			if rowField(&row, key) != nil {
				keys = append(keys, key)
			}
		}
		for i, v := range stated {
			if i < len(keys) {
				set(keys[i], v)
			}
		}
		x.note(path, c.pos, "“%s”一行无法按表头对齐，按顺序读作%v，可能有误", row.Name, keys[:min(len(keys), len(stated))])
	}
	split.Rows = append(split.Rows, row)
}

// goalRow recognises the 年度总体目标 header, with the goal texts in the
// same row or in the next one.
func (x *extractor) goalRow(r grow) bool {
	isGoal, m := false, map[string]int{}
	first := true // the goal's own label heads its row; elsewhere 年度目标 is a column's
	for i, c := range r.cells {
		isFirst := first && c.origin && c.text != ""
		if isFirst {
			first = false
		}
		switch {
		case isFirst && (c.norm == "年度总体目标" || c.norm == "总体目标" || c.norm == "年度目标"):
			isGoal = true
		case c.origin && (c.norm == "预期目标" || c.norm == "年度预期目标"):
			m["expected"] = i
			isGoal = true
		case c.origin && (c.norm == "实际完成情况" || c.norm == "实际完成"):
			m["actual"] = i
			isGoal = true
		}
	}
	if !isGoal {
		return false
	}
	var texts []gcell
	for _, c := range r.cells {
		if c.origin && c.text != "" && !goalLabel(c.norm) {
			texts = append(texts, c)
		}
	}
	if len(texts) > 0 {
		x.setGoal(texts, r.pos)
		x.sec = secNone
		return true
	}
	x.goalHdr, x.goalW, x.sec = m, len(r.cells), secGoal
	return true
}

func goalLabel(n string) bool {
	switch n {
	case "年度总体目标", "总体目标", "年度目标", "预期目标", "年度预期目标", "实际完成情况", "实际完成":
		return true
	}
	return false
}

// goalValues reads the row under the goal header.
func (x *extractor) goalValues(r grow) {
	x.sec = secNone
	e, eok := x.goalHdr["expected"]
	a, aok := x.goalHdr["actual"]
	if len(r.cells) == x.goalW && eok && aok {
		if c, ok := r.origin(e); ok && c.text != "" {
			x.ev.Goal.Expected = c.text
			x.prov("goal.expected", c.pos)
		}
		if c, ok := r.origin(a); ok && c.text != "" {
			x.ev.Goal.Actual = c.text
			x.prov("goal.actual", c.pos)
		}
		return
	}
	var texts []gcell
	for _, c := range r.cells {
		if c.origin && c.text != "" && !goalLabel(c.norm) {
			texts = append(texts, c)
		}
	}
	x.setGoal(texts, r.pos)
}

func (x *extractor) setGoal(texts []gcell, pos jixiao.Position) {
	if len(texts) != 2 {
		x.note("goal", pos, "年度总体目标一行有 %d 段文字（应为预期目标和实际完成情况两段），按顺序读取", len(texts))
	}
	if len(texts) > 0 {
		x.ev.Goal.Expected = texts[0].text
		x.prov("goal.expected", texts[0].pos)
	}
	if len(texts) > 1 {
		x.ev.Goal.Actual = texts[1].text
		x.prov("goal.actual", texts[1].pos)
	}
}
