package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"jixiao/notation"

	"jixiao"
)

// A rebuilt table is a 自评表 found in the document's cell stream, its rows
// cut by what the cells say rather than by where the source broke its
// lines: text copied out of a web page or a PDF keeps the cells in order
// but loses the rows (one cell per line, cells ended by '|'), and several
// tables may follow each other on one page.
type rebuilt struct {
	title    string
	titlePos jixiao.Position
	table    *jixiao.Table
}

// rebuildTables cuts the token stream into 自评表 and each table into rows.
//
// A source line that holds several cells is a row the source kept, and is
// taken as it is. Cells that come one per line are grouped into rows by
// meaning: a row starts at a label that can only begin one (a header
// field, a block's column labels, 年度资金总额, a 其中 or 资金来源 line, a 一级
// or 二级 indicator name, 合计 or 总分, the signatures below the table) and
// holds at most as many cells as the block's header has columns from
// where the row starts (the columns before are merged down from above).
// A table ends after its total and the lines below it, or where the next
// one's title or header fields begin.
func rebuildTables(ts []token) []rebuilt {
	ts = splitBreakdowns(joinFragments(ts))
	b := builder{}
	for i := range ts {
		b.take(ts, i)
	}
	b.closeTable()
	return b.out
}

type block int

const (
	blkNone block = iota
	blkHead
	blkBudget
	blkIndicators
	blkAfter
)

type builder struct {
	out []rebuilt
	cur *rebuilt

	blk       block
	seenBody  bool // a budget or indicator header was seen in cur
	row       []jixiao.Cell
	rowPos    jixiao.Position
	keptRow   *jixiao.Row // a source row taken whole
	lineIn    bool        // the kept row being read belongs to a table
	rowLine   int         // the source line of a kept row being filled, 0 when grouping by meaning
	rowWidth  int         // the cells the grouped row holds at most; 0 for no bound
	rowCol    int         // the header column the grouped row's first cell sits in; -1 to align it right (a total)
	inHeader  bool        // the grouped row is a block's header
	hdr       []hkind     // the current block's header, by column
	afterNote bool        // the last token was a label below the total, whose value follows

	l1 string // the 一级 name the last indicator row began with

	lastLine, lastCells int    // the source line of the last token, and its cells
	next                string // the next token's label
	after               string // the text of the token after it
}

// asLevel1 reports a 一级 name; 成本指标 and 满意度指标 are 二级 names too,
// and are 一级 only when a 二级 name follows.
func (b *builder) asLevel1(n string) bool {
	if !isLevel1(n) {
		return false
	}
	if level2Names[n] && b.hasCol(hL2) {
		return level2Names[b.next]
	}
	return true
}

// hkind is what a header column holds.
type hkind int

const (
	hOther hkind = iota
	hRowLabel
	hL1
	hL2
	hL3
	hWeight
	hScore
	hRate
	hYesNo        // 是否核心指标: 是 or 否 after the score
	hDev          // 偏差原因分析: words after the score
	hBudgetWeight // the budget's 分值, which a breakdown row leaves empty
)

func (b *builder) take(ts []token, i int) {
	t := ts[i]
	if t.brk {
		b.lineBreak()
		b.lastLine, b.lastCells = t.line, 1
		return
	}
	if pageMarker(t.text) {
		return
	}
	if t.kept && t.lineCells >= 2 {
		b.takeKept(ts, i)
		return
	}
	if b.rowLine != 0 {
		b.endRow()
	}
	if t.line != b.lastLine && (rowLine(t.lineCells) || rowLine(b.lastCells)) && !(b.inHeader && headerContinues(t.label(), b.blk)) && !b.brokenRow(t) {
		b.lineBreak() // a line of several cells is a row of its own
	}
	b.lastLine, b.lastCells = t.line, t.lineCells
	n := t.label()
	b.next, b.after = "", ""
	if i+1 < len(ts) {
		b.next = ts[i+1].label()
	}
	if i+2 < len(ts) {
		b.after = ts[i+2].text
	}
	b.group(t, n)
}

// maxRowCells bounds the cells of a line that is a row of its own; a line
// with more is a whole table run together on one line.
const maxRowCells = 24

func rowLine(cells int) bool { return cells >= 2 && cells <= maxRowCells }

// scoreFilled reports a grouped indicator row whose cells reach the
// header's 得分 column with a figure there.
func (b *builder) scoreFilled() bool {
	sc := b.colOf(hScore)
	if sc < 0 || b.colOf(hWeight) < 0 {
		return false
	}
	k := sc - max(b.rowCol, 0)
	return k >= 0 && k == len(b.row)-1 && notation.IsFigure(b.row[k].Text)
}

// nameNext reports the next cell a name of words and the one after it a
// figure: a row's start.
func (b *builder) nameNext() bool {
	return b.next != "" && hasHan(b.next) && !isValueText(b.next) && !emptyMark(b.next) && startsFigure(b.after)
}

// startsFigure reports text that is a figure or a target written with its
// sign ("≥90%").
func startsFigure(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	r, n := utf8.DecodeRuneInString(t)
	if isOpRune(r) {
		t = t[n:]
	}
	return notation.IsFigure(t)
}

// yesNoNext reports a 是 or 否 next, under a 是否 column right after 得分:
// the row's last cell, not the next row's first.
func (b *builder) yesNoNext() bool {
	sc := b.colOf(hScore)
	return (b.next == "是" || b.next == "否") && sc >= 0 && sc+1 < len(b.hdr) && b.hdr[sc+1] == hYesNo
}

// devNext reports words next, then an empty cell or a group name, under a
// 偏差 column right after 得分: the row's 偏差, not the next row's name
// (which its target follows, and which starts after the empty cells of
// the merged columns before it).
func (b *builder) devNext() bool {
	sc := b.colOf(hScore)
	return sc >= 0 && sc+1 < len(b.hdr) && b.hdr[sc+1] == hDev && b.next != "" && hasHan(b.next) && !isValueText(b.next) &&
		!rowLabel(b.next) && (emptyMark(strings.TrimSpace(b.after)) || isLevel1(normLabel(b.after)) || level2Names[normLabel(b.after)])
}

// lineBreak ends the row being grouped where the source ended a line of
// several cells; the empty cells such a line ends with are not a row.
func (b *builder) lineBreak() {
	if b.inHeader {
		b.closeHeader()
	}
	if b.onlyEmpty() {
		b.row = b.row[:0]
		return
	}
	b.endRow()
}

// takeKept adds a cell of a line the source kept as a row.
func (b *builder) takeKept(ts []token, i int) {
	t := ts[i]
	if t.line != b.rowLine {
		b.endRow()
		// the line's row is set after startKept, whose new table ends
		// the row before it: set first, it would be ended too, and the
		// line's next cell would start it again (a table's first row,
		// its header, taken twice)
		b.lineIn = b.startKept(ts, i)
		b.rowLine = t.line
		if b.lineIn && b.cur != nil && t.row != nil && t.lineCells == len(t.row.Cells) {
			b.keptRow = t.row // taken whole, as the source laid it out
		}
	}
	if !b.lineIn || b.cur == nil || b.keptRow != nil {
		return
	}
	if len(b.row) == 0 && t.row != nil {
		b.rowPos = t.row.Pos
	}
	c := cellOf(t)
	c.ColSpan, c.RowSpan = max(t.colSpan, 1), max(t.rowSpan, 1)
	b.row = append(b.row, c)
}

// startKept decides, at the first cell of a kept row, what the row is and
// whether it starts, ends or belongs to a table.
func (b *builder) startKept(ts []token, i int) bool {
	t := ts[i]
	var cells []string
	for j := i; j < len(ts) && ts[j].line == t.line; j++ {
		cells = append(cells, ts[j].label())
	}
	first := ""
	for _, c := range cells {
		if c != "" {
			first = c
			break
		}
	}
	switch {
	case rowHasTitle(ts, i):
		b.newTable(t)
		b.blk = blkHead
		return true
	case isIndicatorHeaderCells(cells):
		b.openIf(t)
		if b.blk == blkAfter {
			b.newTable(t)
		}
		b.blk, b.seenBody = blkIndicators, true
	case isBudgetHeaderCells(cells):
		b.openIf(t)
		if b.blk == blkIndicators || b.blk == blkAfter {
			b.newTable(t)
		}
		b.blk, b.seenBody = blkBudget, true
	case headerLabels[first] != "" && (b.cur == nil || b.seenBody && startsTable(first)):
		b.newTable(t)
		b.blk = blkHead
	case isTotalCell(first, b.blk) && !b.headerTotal(first):
		if b.cur == nil {
			return false
		}
		b.blk = blkAfter
	case b.blk == blkAfter && !footerLabel(first):
		b.closeTable()
		return false
	}
	return b.cur != nil
}

// group adds a token that came alone on its line.
func (b *builder) group(t token, n string) {
	if b.afterNote {
		b.afterNote = false
		if b.blk == blkAfter {
			b.row = append(b.row, cellOf(t))
			return
		}
	}
	switch {
	case isTitle(t.text):
		b.endRow()
		b.newTable(t)
		b.blk = blkHead
		return
	case b.cur == nil && !anchor(n):
		return // narrative before any table
	case b.blk == blkAfter:
		b.afterTotal(t, n)
		return
	case b.blk == blkHead && !b.seenBody && rulesLineRe.MatchString(t.text):
		// the 规则集 line under the title is a row of its own: joined to the
		// year line above it, neither would be read
		b.startRow(t, 0)
		b.endRow()
		return
	}
	if b.inHeader && (headerContinues(n, b.blk) || b.headerRemark(t)) {
		b.row = append(b.row, cellOf(t))
		return
	}
	if b.inHeader {
		b.closeHeader()
	}
	switch {
	case headerLabels[n] != "" && b.seenBody && startsTable(n):
		b.endRow()
		b.newTable(t)
		b.blk = blkHead
		b.startRow(t, 0)
	case budgetHeaderStart(n) && b.blk != blkBudget || budgetLabels[n] != "" && b.blk != blkBudget && b.blk != blkIndicators:
		b.openIf(t)
		if b.blk == blkAfter {
			b.newTable(t)
		}
		b.startHeader(t, blkBudget)
	case indicatorHeaderStart(n) && (b.blk != blkIndicators || n == "一级指标"):
		b.openIf(t)
		b.startHeader(t, blkIndicators)
	case isTotalCell(n, b.blk) && !b.headerTotal(n):
		b.startRow(t, -1)
		b.blk = blkAfter
	case b.rowStart(n):
		if b.blk == blkIndicators && b.asLevel1(n) {
			b.l1 = n
		}
		b.startRow(t, b.colFrom(n))
	default:
		b.addGrouped(t)
	}
}

// addGrouped appends a cell to the grouped row, closing the row when it is
// as wide as its header allows.
func (b *builder) addGrouped(t token) {
	if b.cur == nil {
		return
	}
	if len(b.row) == 0 && t.lineCells > maxRowCells && (t.text == "" || emptyMark(t.text)) {
		return // an empty cell between rows run together holds no place
	}
	if lead := len(b.row); lead == 0 || b.rowWidth == 0 && t.text != "" && b.onlyEmpty() {
		// (the empty cells a header's close carried over are the row's first)
		b.rowWidth, b.rowCol = 0, 0
		if b.blk == blkIndicators && t.text != "" {
			b.rowCol = max(b.colOf(hL3)-lead, 0) // a 三级 row under merged group names
		}
		if w := len(b.hdr); w > 0 && b.blk != blkHead {
			b.rowWidth = w - b.rowCol
		}
	}
	if b.rowWidth > 0 && len(b.row) >= b.rowWidth && t.text == "" {
		return // the empty cells a line ends with, beyond its header
	}
	if b.blk == blkIndicators && t.text != "" && !emptyMark(t.text) && !isValueText(t.text) && ellipsisOnly(b.row) {
		// words after a row of "……" and empty cells: the next row's start,
		// the ellipsis holding no figure of its own
		b.endRow()
		b.addGrouped(t)
		return
	}
	b.row = append(b.row, cellOf(t))
	if b.rowWidth > 0 && len(b.row) >= b.rowWidth && !rowLine(t.lineCells) {
		b.endRow()
		return
	}
	if b.blk == blkIndicators && !rowLine(t.lineCells) && b.scoreFilled() && b.nameNext() {
		// words then a figure after the score: the next row's name and
		// target, not this row's 偏差原因 (a copy that drops the empty cell)
		b.endRow()
		return
	}
	if t.lineCells > maxRowCells && b.blk == blkIndicators && b.scoreFilled() && !b.yesNoNext() && !b.devNext() {
		// cells run together drop their empty ones: a row's figures end at 得分
		b.endRow()
	}
}

// level2 reports a 二级 name: one of the national template's, or under
// 管理指标 one of the 管理 names of 江西's template.
func (b *builder) level2(n string) bool {
	return level2Names[n] || b.l1 == "管理指标" && slices.Contains(managementLevel2[:], n)
}

// rowStart reports a label that begins a row of the current block.
func (b *builder) rowStart(n string) bool {
	if n == "" {
		return false
	}
	var starts bool
	switch b.blk {
	case blkHead:
		starts = headerLabels[n] != "" || goalLabel(n) || strings.HasPrefix(n, "项目基本情况") || b.headerTotal(n)
	case blkBudget:
		starts = isTotalLabel(n) || n == "总额" || n == splitIncome || n == splitExpense || n == splitSource ||
			expenseRows[n] || incomeRows[n] || sourceRows[n] || goalLabel(n)
		if (n == splitIncome || n == splitExpense) && b.onlySplitMarkers() || goalLabel(n) && b.onlyGoalLabels() {
			return false
		}
	case blkIndicators:
		// 绩效指标 again, a page on: the merged first column starting anew
		// (a copy cut there, or a page break that repeats it), not a name
		starts = b.asLevel1(n) || b.hasCol(hL2) && b.level2(n) && !b.endsWithL1() || n == "绩效指标"
	}
	return starts
}

// colFrom is the header column a row starting with label n starts in.
func (b *builder) colFrom(n string) int {
	col := 0
	switch {
	case b.blk == blkIndicators && n == "绩效指标":
	case b.blk == blkIndicators && b.asLevel1(n):
		col = b.colOf(hL1)
	case b.blk == blkIndicators && b.level2(n):
		col = b.colOf(hL2)
	case b.blk == blkBudget:
		col = b.colOf(hRowLabel)
	case b.blk == blkIndicators:
		col = b.colOf(hL3)
	}
	return max(col, 0)
}

// startRow starts a grouped row at t, whose label sits in header column
// col (-1: a total, aligned right). Empty cells already in the row (a
// merged first column) stay in it.
func (b *builder) startRow(t token, col int) {
	if !b.onlyEmpty() {
		b.endRow()
	}
	if col < 0 {
		b.row = b.row[:0] // a total is placed by its figures, not by the empty cells before it
	}
	lead := len(b.row)
	b.row = append(b.row, cellOf(t))
	b.rowCol, b.rowWidth = col, 0
	if col >= 0 && len(b.hdr) > 0 && b.blk != blkHead {
		b.rowCol = max(col-lead, 0)
		b.rowWidth = len(b.hdr) - b.rowCol
	}
}

// headerTotal reports 自评总分 among the header fields, above the
// budget (重庆's 部门整体 table): a field of the head, not the total row
// that ends a table.
func (b *builder) headerTotal(n string) bool {
	return n == "自评总分" && b.blk == blkHead && !b.seenBody
}

// headerRemark reports a short cell of words right after the label that
// opens a budget header and before its first column label: the label's
// remark as OCR left it ("相)预资5" for "(万元)"), not a row.
func (b *builder) headerRemark(t token) bool {
	return b.blk == blkBudget && len(b.row) == 1 && budgetHeaderStart(normLabel(b.row[0].Text)) &&
		budgetLabels[b.next] != "" && !notation.IsFigure(t.text) && utf8.RuneCountInString(t.text) <= 8
}

func (b *builder) startHeader(t token, blk block) {
	b.endRow()
	b.blk, b.seenBody, b.inHeader = blk, true, true
	b.row = append(b.row, cellOf(t))
}

// closeHeader ends a header row at its last label (empty cells after it
// belong to the next row) and records its columns.
func (b *builder) closeHeader() {
	b.inHeader = false
	last := len(b.row)
	for last > 0 && (b.row[last-1].Text == "" || emptyMark(b.row[last-1].Text)) {
		last--
	}
	rest := append([]jixiao.Cell(nil), b.row[last:]...)
	b.row = b.row[:last]
	if b.blk == blkIndicators {
		b.row = unfoldHeader(b.row)
	}
	if b.blk == blkBudget {
		b.row = dropLeadingBlanks(b.row)
	}
	b.hdr = b.hdr[:0]
	seenCol := false
	for _, c := range b.row {
		n := normLabel(c.Text)
		k := hOther
		switch {
		case b.blk == blkIndicators && indicatorLabels[n] == colL1:
			k = hL1
		case b.blk == blkIndicators && indicatorLabels[n] == colL2:
			k = hL2
		case b.blk == blkIndicators && indicatorLabels[n] == colL3:
			k = hL3
		case b.blk == blkIndicators && indicatorLabels[n] == colWeight:
			k = hWeight
		case b.blk == blkIndicators && indicatorLabels[n] == colScore:
			k = hScore
		case b.blk == blkIndicators && strings.HasPrefix(n, "是否"):
			k = hYesNo
		case b.blk == blkIndicators && indicatorLabels[n] == colDeviation:
			k = hDev
		case b.blk == blkBudget && budgetLabels[n] == colRate:
			seenCol, k = true, hRate
		case b.blk == blkBudget && budgetLabels[n] == colWeight:
			seenCol, k = true, hBudgetWeight
		case b.blk == blkBudget && budgetLabels[n] != "":
			seenCol = true
		case b.blk == blkBudget && !seenCol && n != "":
			k = hRowLabel
		}
		b.hdr = append(b.hdr, k)
	}
	if b.blk == blkBudget && len(b.hdr) > 0 && b.colOf(hRowLabel) < 0 {
		// no label heads the rows' own column: it is the header's first,
		// left empty (merged into the block's label above)
		b.row = append([]jixiao.Cell{{ColSpan: 1, RowSpan: 1}}, b.row...)
		b.hdr = append([]hkind{hRowLabel}, b.hdr...)
	}
	// only the last label before the columns is the row labels' column
	for i := len(b.hdr) - 1; i >= 0; i-- {
		if b.hdr[i] == hRowLabel {
			for j := i - 1; j >= 0; j-- {
				if b.hdr[j] == hRowLabel {
					b.hdr[j] = hOther
				}
			}
			break
		}
	}
	b.endRow()
	b.row = rest
	b.rowWidth = 0
}

func (b *builder) colOf(k hkind) int {
	for i, h := range b.hdr {
		if h == k {
			return i
		}
	}
	return -1
}

func (b *builder) hasCol(k hkind) bool { return b.colOf(k) >= 0 }

func (b *builder) onlyEmpty() bool {
	for _, c := range b.row {
		if c.Text != "" && !emptyMark(c.Text) {
			return false
		}
	}
	return true
}

func (b *builder) onlySplitMarkers() bool {
	any := false
	for _, c := range b.row {
		switch n := normLabel(c.Text); n {
		case "":
		case splitIncome, splitExpense:
			any = true
		default:
			return false
		}
	}
	return any
}

func (b *builder) onlyGoalLabels() bool {
	any := false
	for _, c := range b.row {
		switch n := normLabel(c.Text); {
		case n == "":
		case goalLabel(n):
			any = true
		default:
			return false
		}
	}
	return any
}

func (b *builder) endsWithL1() bool {
	for i := len(b.row) - 1; i >= 0; i-- {
		if t := b.row[i].Text; t != "" {
			if i > 0 && i == len(b.row)-1 && isDigit(t[0]) && plainNumber(t, 2, hundred) && isLevel1(normLabel(b.row[i-1].Text)) {
				return true // the 一级 and its own weight (江西's 自评权重 column)
			}
			return isLevel1(normLabel(t)) && len(b.row) == i+1
		}
	}
	return false
}

// afterTotal takes the lines below the total (评价结论, 存在问题, the
// signatures): a label and its text each; anything else ends the table.
func (b *builder) afterTotal(t token, n string) {
	switch {
	case footerLabel(n):
		b.endRow()
		b.row = append(b.row, cellOf(t))
		b.afterNote = !strings.ContainsAny(t.text, ":：") || strings.HasSuffix(strings.TrimSpace(t.text), ":") || strings.HasSuffix(strings.TrimSpace(t.text), "：")
	case t.text == "" || isValueText(t.text):
		b.row = append(b.row, cellOf(t))
	default:
		b.closeTable()
	}
}

func (b *builder) endRow() {
	if b.inHeader {
		b.closeHeader()
		return
	}
	grouped := b.rowLine == 0
	b.rowLine, b.rowWidth = 0, 0
	if b.keptRow != nil {
		if b.cur != nil {
			b.cur.table.Rows = append(b.cur.table.Rows, *b.keptRow)
		}
		b.keptRow, b.row = nil, b.row[:0]
		return
	}
	if len(b.row) == 0 || b.cur == nil {
		b.row = b.row[:0]
		return
	}
	if grouped {
		b.align()
	}
	pos := b.rowPos
	if pos.IsZero() {
		pos = b.row[0].Pos
	}
	row := jixiao.Row{Cells: b.row, Pos: pos}
	b.rowPos, b.rowCol = jixiao.Position{}, 0
	b.cur.table.Rows = append(b.cur.table.Rows, row)
	b.row = nil
}

// align places a grouped row of the budget or indicator block on its
// header's columns: empty cells before it for the columns merged down from
// above, and after it up to the header's width, so that the extractor
// reads it by column. A total's figures are the header's last columns.
func (b *builder) align() {
	w := len(b.hdr)
	if w == 0 || b.blk == blkHead || b.blk == blkNone || b.oneAmount() {
		return
	}
	for len(b.row) > 1 && b.row[len(b.row)-1].Text == "" && (b.rowCol < 0 || len(b.row) > w-b.rowCol) {
		b.row = b.row[:len(b.row)-1]
	}
	if len(b.row) > w {
		return
	}
	col := b.rowCol
	if col < 0 {
		// a total: its first figure is the Σ分值 under 分值, or the total under 得分
		col = w - len(b.row)
		if c := b.colOf(hWeight); c > 0 {
			col = c - 1
		} else if c := b.colOf(hScore); c > 0 {
			col = c - 1
		}
	}
	if col+len(b.row) > w {
		col = w - len(b.row)
	}
	if b.blk == blkBudget {
		col = b.byRate(col)
	}
	row := make([]jixiao.Cell, 0, w)
	for range col {
		row = append(row, jixiao.Cell{ColSpan: 1, RowSpan: 1})
	}
	row = append(row, b.row...)
	for len(row) < w {
		row = append(row, jixiao.Cell{ColSpan: 1, RowSpan: 1})
	}
	b.row = row
}

// openIf starts a table at t when none is open.
func (b *builder) openIf(t token) {
	if b.cur == nil {
		b.newTable(t)
	}
}

func (b *builder) newTable(t token) {
	b.closeTable()
	b.cur = &rebuilt{table: &jixiao.Table{}}
	if isTitle(t.text) {
		b.cur.title, b.cur.titlePos = t.text, t.pos
	}
	b.blk, b.seenBody, b.hdr = blkNone, false, nil
}

func (b *builder) closeTable() {
	b.endRow()
	if b.cur != nil && b.seenBody && (b.cur.title != "" || hasBody(b.cur.table)) {
		b.out = append(b.out, *b.cur)
	}
	b.cur, b.blk, b.seenBody, b.hdr, b.afterNote, b.l1 = nil, blkNone, false, nil, false, ""
}

// hasBody reports a table holding a row of a 自评表's body: a budget total
// or split line, an indicator header, a total. A table found without its
// title on a header alone is no 自评表: a chart's legend in a report's PDF
// ("年初预算数 全年预算数 执行数（决算数）") heads no budget rows, and taken
// for the first table it would hide the one the report attaches.
func hasBody(t *jixiao.Table) bool {
	var labels []string
	for _, r := range t.Rows {
		labels = labels[:0]
		for _, c := range r.Cells {
			if len(c.Text) > maxLabelBytes {
				continue
			}
			n := normLabel(c.Text)
			if isTotalLabel(n) || isTotalCell(n, blkIndicators) || n == splitIncome || n == splitExpense || n == splitSource ||
				expenseRows[n] || incomeRows[n] || sourceRows[n] {
				return true
			}
			labels = append(labels, n)
		}
		if isIndicatorHeaderCells(labels) {
			return true
		}
	}
	return false
}

func cellOf(t token) jixiao.Cell {
	return jixiao.Cell{Text: t.text, ColSpan: 1, RowSpan: 1, Pos: t.pos}
}

// rowHasTitle reports a kept row whose only filled cell is a table title.
func rowHasTitle(ts []token, i int) bool {
	title := false
	for j := i; j < len(ts) && ts[j].line == ts[i].line; j++ {
		switch {
		case ts[j].text == "":
		case isTitle(ts[j].text) && !title:
			title = true
		default:
			return false
		}
	}
	return title
}

// anchor reports a label that can begin a 自评表 found without its title.
func anchor(n string) bool {
	return headerLabels[n] != "" && startsTable(n) || budgetLabels[n] != "" || budgetHeaderStart(n) || indicatorHeaderStart(n)
}

// startsTable reports the header fields that open a table: a second one
// met after a table's body is the next table's.
func startsTable(n string) bool {
	switch headerLabels[n] {
	case fieldProject, fieldUnit:
		return true
	}
	return false
}

// budgetHeaderStart reports the labels heading a budget block's header
// before its columns: 预算执行情况（10分）, 年度预算数（万元）, 项目资金（万元）.
func budgetHeaderStart(n string) bool {
	switch n {
	case "预算执行情况", "部门预算执行情况", "年度预算数", "项目资金", "资金", "预算资金", "资金情况", "项目资金情况", "预算执行", "资金投入情况", "资金投入":
		return true
	}
	return false
}

func indicatorHeaderStart(n string) bool {
	// (重庆's 部门整体 table names its 三级 column 指标名称; some tables have no 一级 column)
	return n == "绩效指标" || n == "一级指标" || n == "指标名称" || n == "二级指标" || n == "三级指标" || n == "分解目标"
}

// headerContinues reports a cell that continues the header row of blk.
func headerContinues(n string, blk block) bool {
	if emptyMark(n) {
		n = "" // a dash for an empty header cell
	}
	switch blk {
	case blkBudget:
		return n == "" || budgetLabels[n] != "" || budgetHeadOnly[n] != "" || budgetHeaderStart(n) || textColumn(n)
	case blkIndicators:
		if n == "" {
			return true
		}
		_, ok := headerKey(n, indicatorLabels)
		return ok || textColumn(n)
	}
	return false
}

// textColumn reports header labels of columns that hold text, not figures,
// or figures the evaluation does not keep (重庆's 调整指标值, 得分系数,
// 是否核心指标).
func textColumn(n string) bool {
	switch {
	case n == "调整指标值", n == "调整后指标值", n == "得分系数", n == "是否核心指标", n == "自评权重":
		return true
	case n == "原因", n == "说明", n == "备注", strings.HasPrefix(n, "偏差原因"), strings.HasSuffix(n, "原因分析"), strings.HasPrefix(n, "未完成原因"):
		return true
	}
	return false
}

func isTotalCell(n string, blk block) bool {
	switch n {
	case "总分", "自评总分", "总计":
		return true
	case "合计":
		return blk == blkIndicators
	}
	return false
}

// footerLabel reports the labels of the lines below a table's total.
func footerLabel(n string) bool {
	for _, p := range footerPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

var footerPrefixes = []string{
	"评价结论", "自评结论", "存在问题", "存在的问题", "改进措施", "整改措施", "项目负责人", "财务负责人",
	"填表人", "填报人", "联系电话", "审核人", "单位负责人", "部门负责人", "填报日期", "填表日期", "自评等级", "等级", "评价等级",
	"主要问题", "下一步", "备注", "说明",
}

// pageMarker reports a page header or footer that a copy of a PDF leaves
// inside a table: "第 3 页", "第3页 共8页", "- 5 -".
func pageMarker(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 48 {
		return false
	}
	switch c := t[0]; {
	case c >= '0' && c <= '9', c == '-', strings.HasPrefix(t, "第"), strings.HasPrefix(t, "共"), strings.HasPrefix(t, "—"), strings.HasPrefix(t, "–"):
		return pageRe.MatchString(t)
	}
	return false
}

var pageRe = regexp.MustCompile(`^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|共\s*\d+\s*页)$`)

// isIndicatorHeaderCells and isBudgetHeaderCells tell a kept row's
// labels as the extractor's header tests do.
func isIndicatorHeaderCells(cells []string) bool {
	var l3, v bool
	for _, n := range cells {
		switch key, _ := headerKey(n, indicatorLabels); key {
		case colL3:
			l3 = true
		case colTarget, colActual:
			v = true
		}
	}
	return l3 && v
}

func isBudgetHeaderCells(cells []string) bool {
	keys := map[string]bool{}
	named := false
	for _, n := range cells {
		if key, ok := headerKey(n, budgetLabels); ok {
			keys[key] = true
			named = named || key == colInitial || key == colFullYear || key == colExecuted || key == colRequest
		}
	}
	return len(keys) >= 2 && named
}

// rowLabel reports a label that heads a row of some block.
func rowLabel(n string) bool {
	return isTotalLabel(n) || n == "总额" || expenseRows[n] || incomeRows[n] || sourceRows[n] ||
		level1Names[n] || level2Names[n] || headerLabels[n] != ""
}

// emptyMark reports a dash written in place of an empty cell.
func emptyMark(s string) bool {
	switch s {
	case "—", "-", "——", "--", "–":
		return true
	}
	return false
}

// unfoldHeader puts back in order an indicator header whose two rows were
// read one after the other: "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分"
// over "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位", where
// 年度指标值 is the merged head of the columns below it. The columns are
// the second row's, then the first row's after the merged head.
func unfoldHeader(row []jixiao.Cell) []jixiao.Cell {
	l1 := -1
	for i, c := range row {
		if indicatorLabels[normLabel(c.Text)] == colL1 {
			l1 = i
			break
		}
	}
	if l1 <= 0 {
		return row
	}
	head := -1
	for i, c := range row[:l1] {
		if indicatorLabels[normLabel(c.Text)] == colTarget {
			head = i
		}
	}
	if head < 0 {
		return row
	}
	out := append([]jixiao.Cell(nil), row[l1:]...)
	for _, c := range row[head+1 : l1] {
		if c.Text != "" {
			out = append(out, c)
		}
	}
	return out
}

// joinFragments joins the pieces of a label a narrow column broke over
// lines ("年度预" / "算申请" / "(万元)", "全年" / "执行数"): cells alone on
// their lines whose concatenation is one of the template's labels, and a
// parenthesised remark alone on its line after a label.
func joinFragments(ts []token) []token {
	out := make([]token, 0, len(ts))
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kept || t.lineCells != 1 || t.text == "" || len(t.text) > 8*utf8.UTFMax || utf8.RuneCountInString(t.text) > 8 || isValueText(t.text) {
			out = append(out, t)
			continue
		}
		if isRemark(t.text) {
			out = append(out, t)
			continue
		}
		// the longest run of up to four pieces that makes a label
		joined, n, run := t.text, 0, t.text
		for k := 1; k <= 3 && i+k < len(ts); k++ {
			u := ts[i+k]
			if u.kept || u.lineCells != 1 || u.text == "" || isRemark(u.text) || utf8.RuneCountInString(u.text) > 8 || isValueText(u.text) {
				break
			}
			run += u.text
			if knownLabel(normLabel(run)) {
				joined, n = run, k
			}
		}
		if n == 0 {
			out = append(out, t)
			continue
		}
		t.text, t.norm = joined, normLabel(joined)
		out = append(out, t)
		i += n
	}
	// a remark alone on its line ("(万元)") belongs to the label above it
	merged := out[:0]
	for _, t := range out {
		if k := len(merged) - 1; k >= 0 && !t.kept && t.lineCells == 1 && isRemark(t.text) && merged[k].text != "" && !isValueText(merged[k].text) {
			merged[k].text += t.text
			merged[k].norm = normLabel(merged[k].text)
			continue
		}
		merged = append(merged, t)
	}
	return merged
}

// knownLabel reports one of the template's labels, exactly.
func knownLabel(n string) bool {
	return n != "" && (knownLabels[n] != "" || budgetHeaderStart(n))
}

func isRemark(s string) bool {
	if !strings.HasPrefix(s, "(") && !strings.HasPrefix(s, "（") {
		return false // tokens come trimmed
	}
	t := strings.TrimSpace(s)
	// "(万元)", or "(万元" whose closing bracket the copy lost
	return utf8.RuneCountInString(t) <= 12 && !isValueText(t)
}

// byRate moves a budget row so that its one percentage lands under 执行率:
// a row that lost an empty cell (an unfilled 年度预算申请) is placed by the
// meaning of its figures, not by their count.
func (b *builder) byRate(col int) int {
	rc := b.colOf(hRate)
	if rc < 0 {
		return col
	}
	p := -1
	for i, c := range b.row {
		if f := notation.ParseFigure(c.Text); f.Valid && f.Percent {
			if p >= 0 {
				return col // two percentages: nothing to go by
			}
			p = i
		}
	}
	end := len(b.row)
	for end > 0 && b.row[end-1].Text == "" {
		end--
	}
	if p < 0 || rc-p == col || rc-p < 0 || rc-p+end > len(b.hdr) {
		return col
	}
	b.row = b.row[:end]
	if gap := rc - p - col; gap > 0 && p > 0 && p == end-1 && col == b.colOf(hRowLabel) && !isValueText(b.row[0].Text) &&
		!isTotalLabel(normLabel(b.row[0].Text)) && b.skipsWeight(col+p, gap) {
		// a breakdown row whose label heads it, its amounts after it and
		// its percentage last (其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100%):
		// it left out the 分值 (and 得分) no breakdown has, not a cell
		// before its amounts; the total row, which has them, may have
		b.row = slices.Insert(b.row, p, make([]jixiao.Cell, gap)...)
		for i := p; i < p+gap; i++ {
			b.row[i] = jixiao.Cell{ColSpan: 1, RowSpan: 1}
		}
		return col
	}
	return rc - p
}

// skipsWeight reports header columns [from, from+n) that are all the
// budget's 分值.
func (b *builder) skipsWeight(from, n int) bool {
	for i := from; i < from+n; i++ {
		if i >= len(b.hdr) || b.hdr[i] != hBudgetWeight {
			return false
		}
	}
	return true
}

// brokenRow reports a line that carries on the row above: a row broken
// after a cell ("扶持发展新型农业经营主体 (个) |" / "15 | 6 | 8.0 | |"), the
// row short of its header's width and the line starting with a figure.
func (b *builder) brokenRow(t token) bool {
	if b.inHeader || len(b.row) == 0 || b.rowWidth == 0 || len(b.row) >= b.rowWidth || t.text == "" {
		return false
	}
	return (b.blk == blkIndicators || b.blk == blkBudget) && notation.IsFigure(t.text)
}

// splitBreakdowns splits the "label:value" cells of a breakdown
// ("其中: 一般公共预算:1325.68", "按支出性质分:1925.67", "项目支出:1025.20万元")
// into the label and its figure, as two cells: the rows are then read as
// those whose cells were separate. Only labels of the template's
// breakdowns are split; "label:" with nothing after it is left as it is.
func splitBreakdowns(ts []token) []token {
	ts = splitBreakdownLines(ts)
	var out []token
	own := 0 // line ids of the breakdowns taken out of a shared row: -1, -2, …
	for i, t := range ts {
		label, value, ok := breakdownCell(t.text)
		if !ok {
			if out != nil && !(t.text == "" && t.lineCells >= 2 && sharedBreakdowns(ts, i)) {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(ts)+8), ts[:i]...)
		}
		lt, vt := t, t
		if t.lineCells >= 2 && sharedBreakdowns(ts, i) {
			// two breakdowns side by side in one row (按收入性质分:… |
			// 按支出性质分:…, the layout of a .docx or .html copy): each is
			// a row of its own, as a copy with one cell per line has it
			own--
			lt.line, lt.lineCells, lt.kept, lt.row = own, 1, false, nil
			vt = lt
		}
		lt.text, lt.norm = label, normLabel(label)
		vt.text, vt.norm = value, ""
		out = append(out, lt, vt)
	}
	if out == nil {
		return ts
	}
	return out
}

// breakdownCell splits "label:value" when label is a breakdown's.
// splitBreakdownLines splits a cell holding several breakdowns one per
// line ("纳入专户管理的非税收入拨款:\n其他资金:2880万元", a .docx cell) into
// one cell each.
func splitBreakdownLines(ts []token) []token {
	var out []token
	var split map[int]int // the cells each line gained
	for i, t := range ts {
		lines := strings.Split(t.text, "\n")
		if len(lines) < 2 || len(t.text) > 240 || !allBreakdowns(lines) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(ts)+8), ts[:i]...)
		}
		for _, l := range lines {
			u := t
			u.text = strings.TrimSpace(l)
			u.norm = normLabel(u.text)
			out = append(out, u)
		}
		if split == nil {
			split = map[int]int{}
		}
		split[t.line] += len(lines) - 1
	}
	if out == nil {
		return ts
	}
	// the line's cells are more than its source row's now: the row is
	// built from them, not taken whole with the cell unsplit
	for i := range out {
		out[i].lineCells += split[out[i].line]
	}
	return out
}

// allBreakdowns reports lines each a breakdown ("其他资金:2880万元") or a
// breakdown's label left empty ("纳入专户管理的非税收入拨款:"), one at least
// with a figure.
func allBreakdowns(lines []string) bool {
	n := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if _, _, ok := breakdownCell(l); ok {
			n++
			continue
		}
		k := normLabel(l)
		if !(strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：")) || !(expenseRows[k] || incomeRows[k] || sourceRows[k]) {
			return false
		}
	}
	return n > 0
}

// sharedBreakdowns reports a row, the one of ts[i], whose cells are
// "label:value" breakdowns, labels of one left empty ("其他资金:") and
// empty cells only, with at least one breakdown.
func sharedBreakdowns(ts []token, i int) bool {
	from, to := i, i
	for from > 0 && ts[from-1].line == ts[i].line {
		from--
	}
	for to+1 < len(ts) && ts[to+1].line == ts[i].line {
		to++
	}
	n := 0
	for _, t := range ts[from : to+1] {
		if _, _, ok := breakdownCell(t.text); ok {
			n++
			continue
		}
		if t.text != "" && !strings.HasSuffix(t.text, ":") && !strings.HasSuffix(t.text, "：") {
			return false
		}
	}
	return n > 0
}

func breakdownCell(s string) (label, value string, ok bool) {
	if len(s) > 120 || strings.IndexByte(s, ':') < 0 && !strings.Contains(s, "：") {
		return "", "", false
	}
	i := strings.LastIndexAny(s, ":：")
	_, w := utf8.DecodeRuneInString(s[i:])
	label, value = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+w:])
	if value == "" || !notation.IsFigure(value) {
		return "", "", false
	}
	switch n := normLabel(label); {
	case n == splitIncome, n == splitExpense, n == splitSource, expenseRows[n], incomeRows[n], sourceRows[n]:
		return label + "：", value, true
	}
	return "", "", false
}

// oneAmount reports a breakdown row of one label and one figure
// ("一般公共预算：" "1325.68"): its column is not printed, and it is left
// for the extractor to read as the template's breakdowns are read.
func (b *builder) oneAmount() bool {
	if b.blk != blkBudget {
		return false
	}
	label, figures := "", 0
	for _, c := range b.row {
		switch {
		case c.Text == "" || emptyMark(c.Text):
		case notation.IsFigure(c.Text):
			figures++
		case label == "":
			label = normLabel(c.Text)
		default:
			return false
		}
	}
	return figures == 1 && label != "" && !isTotalLabel(label) && (expenseRows[label] || incomeRows[label] || sourceRows[label])
}

// dropLeadingBlanks drops the empty cells between a budget header's
// labels before its columns and its first column: a blank line left by a
// label broken over lines, not a column (the rows' figures start under
// the first column).
func dropLeadingBlanks(row []jixiao.Cell) []jixiao.Cell {
	first := -1
	for i, c := range row {
		if budgetLabels[normLabel(c.Text)] != "" {
			first = i
			break
		}
	}
	if first <= 0 {
		return row
	}
	out := make([]jixiao.Cell, 0, len(row))
	for i, c := range row {
		if i < first && i > 0 && (c.Text == "" || emptyMark(c.Text)) {
			continue
		}
		out = append(out, c)
	}
	return out
}
