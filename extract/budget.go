package extract

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

// labelCells returns the columns of a row's label cells: text that is not
// a figure or a placeholder for one.
// The slice is the extractor's scratch, valid until the next call.
func (x *extractor) labelCells(r grow) []int {
	out := x.labelBuf[:0]
	for i, c := range r.cells {
		// hasHan first: it rejects a figure at once, isValueText parses it
		if c.origin && c.Text != "" && hasHan(c.Text) && !isValueText(c.Text) {
			out = append(out, i)
		}
	}
	x.labelBuf = out
	return out
}

// setBudgetHeader takes r as the budget block's header: its columns by
// key, the keys in the order of their columns, and those a split row has.
func (x *extractor) setBudgetHeader(r grow) {
	if x.ev.AmountUnit == "" {
		x.ev.AmountUnit = amountUnitOf(r)
	}
	x.budgetHdr, x.budgetW = headerCols(r, budgetLabels, x.budgetHdr[:0]), len(r.cells)
	x.budgetNext = true
	x.budgetRowCols = slices.Grow(x.budgetRowCols[:0], len(splitRowFields))
	var row jixiao.BudgetRow
	for _, h := range x.budgetHdr {
		if rowField(&row, h.key) != nil {
			x.budgetRowCols = append(x.budgetRowCols, h.key)
		}
	}
}

// budgetRow reads a row of the budget block: the split headers, the
// 年度资金总额 row, or split rows.
func (x *extractor) budgetRow(r grow) {
	next := x.budgetNext && !x.budgetRead
	x.budgetNext = false
	labels := x.labelCells(r)
	if len(labels) == 0 && !next {
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
	if next && unlabelled(r, labels) {
		// figures straight under the header, no row label of their own
		// (重庆's 部门整体 table): the 年度资金总额 row
		x.budgetTotal(r, -1)
		x.budgetRead = true
		return
	}
	if len(labels) == 0 {
		return // the row under the header holds neither a label nor a figure ("A")
	}
	first := r.cells[labels[0]].norm
	if isTotalLabel(first) {
		x.budgetTotal(r, labels[0])
		x.budgetRead = true
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

// illegibleAmounts: an amount of the total row that is neither a figure,
// a placeholder nor words (a stray "O" left by OCR where the three amounts
// were) says the row's amounts were lost, and an empty cell beside it is
// not a stated blank: the amounts that are not figures are unread.
func (x *extractor) illegibleAmounts() {
	b := &x.ev.Budget
	amounts := [...]struct {
		key string
		f   *jixiao.Figure
	}{{colInitial, &b.Initial}, {colFullYear, &b.FullYear}, {colExecuted, &b.Executed}}
	junk := false
	for _, a := range amounts {
		junk = junk || a.f.Stated() && !a.f.Valid && !isValueText(a.f.Text) && !hasHan(a.f.Text)
	}
	if !junk {
		return
	}
	for _, a := range amounts {
		if _, ok := x.budgetHdr.col(a.key); ok && !a.f.Valid {
			why := "预算金额一栏无法辨认（原文为“" + a.f.Text + "”）"
			if !a.f.Stated() {
				why = "预算金额一栏为空，而同行的金额无法辨认，空栏可能是其合并格"
			}
			x.unread = append(x.unread, jixiao.Missing{Path: budgetPaths[a.key], Reason: why})
			*a.f = jixiao.Figure{}
		}
	}
}

// spansColumns reports a filled cell of r covering the header column col
// and another of the budget header's figure columns.
func (x *extractor) spansColumns(r grow, col int) bool {
	if col < 0 || col >= len(r.cells) {
		return false
	}
	c := r.cells[col].cellInfo
	if c.Text == "" || emptyMark(c.Text) || c.Text == unreadMark {
		return false
	}
	for _, h := range x.budgetHdr {
		if h.col != col && h.col >= 0 && h.col < len(r.cells) && r.cells[h.col].cellInfo == c {
			return true
		}
	}
	return false
}

// unlabelled reports a row whose only words are unread marks, holding a
// figure.
func unlabelled(r grow, labels []int) bool {
	for _, i := range labels {
		if r.cells[i].Text != unreadMark {
			return false
		}
	}
	for _, c := range r.cells {
		if c.origin && notation.IsFigure(c.Text) {
			return true
		}
	}
	return false
}

func isTotalLabel(n string) bool {
	switch n {
	case "年度资金总额", "资金总额", "项目资金", "年度资金总额合计", "合计", "总计", "总额", "项目资金总额", "年度财政资金总额":
		return true
	}
	return false
}

// values returns the origin cells in columns (from, to), empty ones
// included unless filled is set. The slice is the extractor's scratch,
// valid until the next call.
func (x *extractor) values(r grow, from, to int, filled bool) []*cellInfo {
	out := x.infoBuf[:0]
	for i := from + 1; i < to && i < len(r.cells); i++ {
		if c := r.cells[i]; c.origin && (!filled || c.Text != "" && !emptyMark(c.Text)) {
			out = append(out, c.cellInfo)
		}
	}
	x.infoBuf = out
	return out
}

// budgetPaths are the provenance keys of the budget's own figures
// ("budget.全年预算数"), by column key.
var budgetPaths = func() map[string]string {
	m := map[string]string{}
	for _, key := range budgetLabels {
		m[key] = "budget." + key
	}
	return m
}()

// budgetTotal reads the 年度资金总额 row against the budget header.
func (x *extractor) budgetTotal(r grow, label int) {
	b := &x.ev.Budget
	set := func(key string, c *cellInfo) {
		f := budgetField(b, key)
		if f == nil {
			return
		}
		if c.Text == unreadMark {
			x.unread = append(x.unread, jixiao.Missing{Path: budgetPaths[key], Reason: "“" + key + "”一栏的数字无法从原文中拆分或辨认"})
			return
		}
		*f = notation.ParseFigure(c.Text)
		x.prov(budgetPaths[key], c.Pos)
	}
	for n := len(r.cells); n > x.budgetW && (r.cells[n-1].Text == "" || emptyMark(r.cells[n-1].Text)); n-- {
		r.cells = r.cells[:n-1] // empty cells past the header's width hold no column
	}
	if len(r.cells) == x.budgetW {
		for _, h := range x.budgetHdr {
			key := h.key
			if x.spansColumns(r, h.col) {
				// one cell under several figures' columns ("O" across the
				// three amounts of an OCR'd copy): which it is cannot be told
				x.unread = append(x.unread, jixiao.Missing{Path: budgetPaths[key], Reason: "“" + key + "”一栏与相邻栏合为一格，无法判断其中的数字属于哪一栏"})
				continue
			}
			c, ok := r.origin(h.col)
			if !ok {
				continue
			}
			if h.col <= label && c.Text != "" {
				x.note(budgetPaths[key], c.Pos, "“"+key+"”一栏位于行标签之前，按列号读取为 "+c.Text)
			}
			set(key, c.cellInfo)
		}
	} else {
		vals := x.values(r, label, len(r.cells), false)
		for k, h := range x.budgetHdr {
			if k < len(vals) {
				set(h.key, vals[k])
			}
		}
		x.note("budget", r.pos, "年度资金总额一行有 "+strconv.Itoa(len(r.cells))+" 个单元格，表头有 "+strconv.Itoa(x.budgetW)+" 个，按顺序对齐读取，可能有误")
	}
	x.illegibleAmounts()
	if _, ok := x.budgetHdr.col(colFullYear); !ok {
		x.note(budgetPaths[colFullYear], r.pos, "预算表中没有“全年预算数”一栏")
	}
	if _, ok := x.budgetHdr.col(colExecuted); !ok {
		x.note(budgetPaths[colExecuted], r.pos, "预算表中没有“全年执行数”一栏")
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
	if x.ev.Budget.Splits == nil {
		x.ev.Budget.Splits = make([]jixiao.BudgetSplit, 0, 3) // income, expense, source at most
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
	known := expenseRows[c.norm] || incomeRows[c.norm] || sourceRows[c.norm]
	if !known && len(x.values(r, li, next, true)) == 0 {
		// an unknown label with no figure: a row of the block below the
		// budget (资金管理情况, 分配科学性 …), not a breakdown
		return
	}
	name := x.splitFor(c.norm, k)
	if name == "" {
		x.note("budget.splits", c.Pos, "无法判断“"+cleanName(c.Text)+"”属于哪一项资金分类，未读取")
		return
	}
	si := x.splitIndex(name)
	split := &x.ev.Budget.Splits[si]
	row := jixiao.BudgetRow{Name: cleanName(c.Text)}
	paths := newSplitRowPaths(si, len(split.Rows))
	x.prov(paths.name(), c.Pos)
	set := func(key string, v *cellInfo) {
		if f := rowField(&row, key); f != nil {
			*f = notation.ParseFigure(v.Text)
			x.prov(paths.of(key), v.Pos)
		}
	}
	switch stated := x.values(r, li, next, true); {
	case alone && len(r.cells) == x.budgetW:
		for _, h := range x.budgetHdr {
			if h.col > li {
				if v, ok := r.origin(h.col); ok {
					set(h.key, v.cellInfo)
				}
			}
		}
	case len(stated) == 1:
		set(colFullYear, stated[0])
		if x.splitNoted&(1<<si) == 0 {
			x.splitNoted |= 1 << si
			x.note(splitPath(si), c.Pos, oneAmountNote(name))
		}
	case len(stated) > 1:
		keys := x.budgetRowCols
		for i, v := range stated {
			if i < len(keys) {
				set(keys[i], v)
			}
		}
		x.note(paths.path(), c.Pos, "“"+row.Name+"”一行无法按表头对齐，按顺序读作["+strings.Join(keys[:min(len(keys), len(stated))], " ")+"]，可能有误")
	}
	if split.Rows == nil {
		split.Rows = make([]jixiao.BudgetRow, 0, 4) // a breakdown has a few rows
	}
	split.Rows = append(split.Rows, row)
}

// splitPath is the provenance key of split si.
func splitPath(si int) string {
	switch si {
	case 0:
		return "budget.splits[0]"
	case 1:
		return "budget.splits[1]"
	case 2:
		return "budget.splits[2]"
	}
	return "budget.splits[" + strconv.Itoa(si) + "]"
}

// oneAmountNote says that the rows of the named split were read as
// 全年预算数; its text for the three splits is written out in full.
func oneAmountNote(name string) string {
	const suffix = "”各行只列一个金额且无法按表头对齐，按样表格式读作全年预算数"
	switch name {
	case splitIncome:
		return "“" + splitIncome + suffix
	case splitExpense:
		return "“" + splitExpense + suffix
	case splitSource:
		return "“" + splitSource + suffix
	}
	return "“" + name + suffix
}

// splitRowFields are the keys of a split row's figures, as rowField
// knows them.
var splitRowFields = [...]string{colInitial, colFullYear, colExecuted, colRate}

// splitRowPaths are a split row's provenance keys
// ("budget.splits[0].rows[2].name", "….全年预算数"), cut from one string:
// one allocation for the row instead of one per figure.
type splitRowPaths struct {
	all  string
	plen int                          // the row's own path, "budget.splits[0].rows[2]"
	ends [1 + len(splitRowFields)]int // where .name and each field's key end
}

// newSplitRowPaths returns the keys of row of split. They are the same in
// every document: those of the first rows of each split are made once.
func newSplitRowPaths(split, row int) splitRowPaths {
	if split < commonSplits && row < commonSplitRows {
		return commonSplitRowPaths()[split][row]
	}
	return makeSplitRowPaths(split, row)
}

// commonSplits and commonSplitRows bound the split rows whose keys are
// kept: a budget has at most three splits, of a few rows each.
const (
	commonSplits    = 3
	commonSplitRows = 16
)

var commonSplitRowPaths = sync.OnceValue(func() *[commonSplits][commonSplitRows]splitRowPaths {
	p := new([commonSplits][commonSplitRows]splitRowPaths)
	for s := range p {
		for r := range p[s] {
			p[s][r] = makeSplitRowPaths(s, r)
		}
	}
	return p
})

func makeSplitRowPaths(split, row int) splitRowPaths {
	var buf [256]byte
	path := append(append(append(append(buf[:0], "budget.splits["...), strconv.Itoa(split)...), "].rows["...), strconv.Itoa(row)...)
	path = append(path, ']')
	p := splitRowPaths{plen: len(path)}
	b := append(path, ".name"...)
	p.ends[0] = len(b)
	for i, key := range splitRowFields {
		b = append(append(append(b, path[:p.plen]...), '.'), key...)
		p.ends[i+1] = len(b)
	}
	p.all = string(b)
	return p
}

func (p *splitRowPaths) path() string { return p.all[:p.plen] }
func (p *splitRowPaths) name() string { return p.all[:p.ends[0]] }

// of returns the key of a field of splitRowFields.
func (p *splitRowPaths) of(key string) string {
	for i, k := range splitRowFields {
		if k == key {
			return p.all[p.ends[i]:p.ends[i+1]]
		}
	}
	panic("extract: no split row field " + key)
}

// goalRow recognises the 年度总体目标 header, with the goal texts in the
// same row or in the next one.
func (x *extractor) goalRow(r grow) bool {
	isGoal, e, a := false, -1, -1
	first := true // the goal's own label heads its row; elsewhere 年度目标 is a column's
	for i, c := range r.cells {
		isFirst := first && c.origin && c.Text != "" && !emptyMark(c.Text)
		if isFirst {
			first = false
		}
		switch {
		case isFirst && (c.norm == "年度总体目标" || c.norm == "总体目标" || c.norm == "年度目标" || c.norm == "当年绩效目标"):
			isGoal = true
		case c.origin && (c.norm == "预期目标" || c.norm == "年度预期目标" || c.norm == "年初绩效目标" || c.norm == "年初设定目标"):
			e = i
			isGoal = true
		case c.origin && (c.norm == "实际完成情况" || c.norm == "实际完成" || c.norm == "全年目标实际完成情况" ||
			c.norm == "全年完成情况" || c.norm == "年度总体目标完成情况综述"):
			a = i
			isGoal = true
		}
	}
	if !isGoal {
		return false
	}
	var texts []gcell
	for _, c := range r.cells {
		if c.origin && c.Text != "" && !goalLabel(c.norm) {
			texts = append(texts, c)
		}
	}
	if len(texts) == 1 && e >= 0 && a >= 0 {
		// both columns named and one text after them: the two cells run
		// together (a copy that drops the cells' bounds), or the target
		// alone (a copy cut after it), read so when no cut is found
		if exp, act, ok := splitGoal(texts[0].Text); ok {
			x.sec = secNone
			x.ev.Goal.Expected, x.ev.Goal.Actual = exp, act
			x.prov("goal.expected", texts[0].Pos)
			x.prov("goal.actual", texts[0].Pos)
			return true
		}
	}
	if len(texts) > 0 {
		x.setGoal(texts, r.pos)
		x.sec = secNone
		return true
	}
	x.goalExp, x.goalAct, x.goalW, x.sec = e, a, len(r.cells), secGoal
	return true
}

// minGoalOpening is the fewest ideographs of the words a goal's actual
// restates from its target's opening.
const minGoalOpening = 4

// splitGoal cuts a goal's target and actual run together where the actual
// restates the target's opening words ("业务收入达到55万元,…达标" +
// "业务收入77.57万元,…达标"): the words the text starts with, found once
// more and only once. A few ideographs before them that end a goal label
// (体目标, the tail of a vertical 年度总体目标 cell cut apart by the column
// labels) are the label's, not the target's. Without such words, or with
// them more than twice, the cut is not known.
func splitGoal(t string) (exp, act string, ok bool) {
	rs := []rune(strings.TrimSpace(t))
	for lead := 0; lead <= 3 && lead+minGoalOpening <= len(rs); lead++ {
		if lead > 0 && !strings.HasSuffix("年度总体目标", string(rs[:lead])) {
			continue
		}
		open := string(rs[lead : lead+minGoalOpening])
		if !allHan(open) {
			continue
		}
		body := string(rs[lead:])
		if strings.Count(body, open) != 2 {
			continue
		}
		cut := len(open) + strings.Index(body[len(open):], open)
		exp, act = strings.TrimSpace(body[:cut]), strings.TrimSpace(body[cut:])
		if utf8.RuneCountInString(exp) <= minGoalOpening || utf8.RuneCountInString(act) <= minGoalOpening {
			return "", "", false
		}
		return exp, act, true
	}
	return restatedTail(string(rs))
}

// minGoalTail is the fewest runes of an actual that restates the end of
// its target.
const minGoalTail = 8

// restatedTail cuts a goal text that ends in the same words twice
// ("…改进,对项目区农业用水计量,…夯实基础," + "对项目区农业用水计量,…夯实基础,"):
// the target ends in the words the actual then restates. The longest such
// words are taken, so that the actual is never a part of itself.
func restatedTail(t string) (exp, act string, ok bool) {
	rs := []rune(t)
	for n := (len(rs) - 1) / 2; n >= minGoalTail; n-- {
		tail := string(rs[len(rs)-n:])
		if string(rs[len(rs)-2*n:len(rs)-n]) == tail && hasHan(tail) {
			return string(rs[:len(rs)-n]), tail, true
		}
	}
	return "", "", false
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

func goalLabel(n string) bool {
	switch n {
	case "年度总体目标", "总体目标", "年度目标", "预期目标", "年度预期目标", "实际完成情况", "实际完成",
		"当年绩效目标", "年初绩效目标", "全年目标实际完成情况", // (重庆's 部门整体 table)
		"年初设定目标", "全年完成情况", "年度总体目标完成情况综述": // (江西's, 四川's)
		return true
	}
	return false
}

// goalValues reads the row under the goal header.
func (x *extractor) goalValues(r grow) {
	x.sec = secNone
	e, a := x.goalExp, x.goalAct
	if len(r.cells) == x.goalW && e >= 0 && a >= 0 {
		if c, ok := r.origin(e); ok && c.Text != "" {
			x.ev.Goal.Expected = c.Text
			x.prov("goal.expected", c.Pos)
		}
		if c, ok := r.origin(a); ok && c.Text != "" {
			x.ev.Goal.Actual = c.Text
			x.prov("goal.actual", c.Pos)
		}
		return
	}
	var texts []gcell
	for _, c := range r.cells {
		if c.origin && c.Text != "" && !goalLabel(c.norm) {
			texts = append(texts, c)
		}
	}
	x.setGoal(texts, r.pos)
}

func (x *extractor) setGoal(texts []gcell, pos jixiao.Position) {
	if len(texts) != 2 {
		x.note("goal", pos, "年度总体目标一行有 "+strconv.Itoa(len(texts))+" 段文字（应为预期目标和实际完成情况两段），按顺序读取")
	}
	if len(texts) > 0 {
		x.ev.Goal.Expected = texts[0].Text
		x.prov("goal.expected", texts[0].Pos)
	}
	if len(texts) > 1 {
		x.ev.Goal.Actual = texts[1].Text
		x.prov("goal.actual", texts[1].Pos)
	}
}

// amountUnitOf finds the unit a budget header states for its amounts:
// "年初预算数（元）", "项目资金(万元)". "" when none is stated.
func amountUnitOf(r grow) string {
	for _, c := range r.cells {
		if !c.origin {
			continue
		}
		t := cjk.Fold(c.Text)
		for _, u := range [...]string{"(万元)", "(亿元)", "(元)", "(万元", "(元"} {
			if strings.Contains(t, u) {
				return strings.Trim(u, "()")
			}
		}
	}
	return ""
}
