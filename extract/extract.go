// Package extract reads a self-evaluation table (自评表) out of an imported
// Document: its header fields, budget block, overall goal, indicators and
// total, each figure exactly as stated and with where it was read.
//
// Tables are recognised by their labels, never by fixed columns: a header
// row's labels are mapped to grid columns and the data rows below it are
// read against that mapping. Rows that have fewer cells than their header
// (flattened exports drop empty cells) are read by pattern (a label cell,
// then its values), and a Note says the alignment was a guess. Nothing is
// ever computed or filled in: a figure the document does not state stays
// unstated.
//
// ExtractReport reads the 自评报告 that follows the table (report.go):
// sections found by their headings, figures kept as stated.
package extract

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

// Note says what could not be read, or was read on a guess.
type Note struct {
	Field   string          // the field path concerned ("budget.splits[0]", "indicators[2]", "year")
	Message string          // in Chinese, for the user
	Pos     jixiao.Position // where, when known
}

// Extract reads the first 自评表 in doc. When there is none, the Evaluation
// holds whatever header facts were found (unit, year) and a Note says so.
// When the document also holds a 自评报告, ExtractReport's data is set as
// the Evaluation's Report and its notes follow the table's.
func Extract(doc *jixiao.Document) (*jixiao.Evaluation, []Note) {
	ev, notes := ExtractTable(doc)
	if rep, rnotes := ExtractReport(doc); rep != nil {
		ev.Report = rep
		notes = append(notes, rnotes...)
	}
	return ev, notes
}

// ExtractTable is Extract without the report's data: what scoring and
// checking need, at about half the cost. It reads the first table
// ExtractAll finds.
func ExtractTable(doc *jixiao.Document) (*jixiao.Evaluation, []Note) {
	all := ExtractAllTables(doc)
	return all[0].Eval, all[0].Notes
}

// readTable reads the first 自评表 among doc's table blocks, their rows as
// they stand.
func readTable(doc *jixiao.Document) (*jixiao.Evaluation, []Note) {
	x := extractorPool.Get().(*extractor)
	defer x.release()
	x.ev = &jixiao.Evaluation{Provenance: make(map[string]jixiao.Position, provenanceHint(doc))}
	for _, b := range doc.Blocks {
		if x.done {
			break
		}
		switch b.Kind {
		case jixiao.BlockTable:
			rows := layout(b.Table, &x.g)
			for i, r := range rows {
				if x.done {
					break
				}
				x.rowsLeft = len(rows) - i - 1
				x.row(r)
			}
			x.endTable()
		default:
			x.text(b)
		}
	}
	if !x.done {
		x.endTable()
	}
	x.finish(doc)
	if len(x.ev.Indicators) == 0 {
		x.ev.Indicators = nil // as when none was appended: the room made for them was not used
	}
	return x.ev, x.notes
}

// provenanceHint guesses how many figures the first table gives a
// position for, a few per row, so that the map is not rebuilt as it grows.
func provenanceHint(doc *jixiao.Document) int {
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable && b.Table != nil {
			return min(4*len(b.Table.Rows)+8, 1024)
		}
	}
	return 8
}

type section int

const (
	secNone section = iota
	secBudget
	secGoal
	secIndicators
	secAfter // after 总分: a second table starts here
)

// extractor reads one document. Extractors are pooled: a document's reading
// leaves the evaluation and notes it returns, and a working space (grid,
// scratch slices, the header fields' map) that the next document reuses.
type extractor struct {
	g grid

	ev    *jixiao.Evaluation
	notes []Note
	done  bool

	rowsLeft int // rows of the table after the one being read

	infoBuf  []*cellInfo // scratch for one row's cells
	labelBuf []int       // scratch for one row's label columns

	title    string
	titlePos jixiao.Position
	yearLine string // a one-cell row holding only the year, above the table
	yearPos  jixiao.Position
	fields   map[string]string
	pending  []string // header fields whose value is in the next row

	sec           section
	found         bool // a budget or indicator header was seen
	budgetRead    bool // the 年度资金总额 row was read
	budgetSeen    bool // a budget header was read
	indSeen       bool // an indicator header was read
	totalRead     bool // the 总分 row was read
	indClosed     bool // a 合计 or 总分 row closed the indicator list
	budgetHdr     header
	budgetRowCols []string // the keys of budgetHdr that a split row has, in order
	budgetW       int
	budgetNext    bool             // the next budget row is the header's first
	unread        []jixiao.Missing // cells found but whose figures could not be read
	splits        []string         // split names in the order a split-header row gave them
	splitNoted    uint64           // the splits (by index, at most three) whose one-amount rows were noted

	goalExp int // the goal header's 预期目标 column, -1 when it has none
	goalAct int // its 实际完成情况 column, -1 when it has none
	goalW   int

	indHdr   header
	indAt    [nIcol]int // indHdr by key, -1 where the header has none
	indAfter []icol     // the columns after the 三级 name's, in order
	indW     int
	indSpan  []bool // the header's columns its cell there spans with others
	indFresh bool   // no row read since the header: a second header row may follow
	lastL1   string
	lastL2   string
}

var extractorPool = sync.Pool{New: func() any { return new(extractor) }}

// release clears the extractor of the document, keeping its working space
// unless a huge table made it too large to keep, and returns it to the
// pool.
func (x *extractor) release() {
	if !x.g.reset() {
		return
	}
	clear(x.fields)
	*x = extractor{
		g:             x.g,
		infoBuf:       clearAll(x.infoBuf),
		labelBuf:      x.labelBuf[:0],
		fields:        x.fields,
		budgetHdr:     x.budgetHdr[:0],
		budgetRowCols: x.budgetRowCols[:0],
		indHdr:        x.indHdr[:0],
		indAfter:      x.indAfter[:0],
		indSpan:       x.indSpan[:0],
	}
	extractorPool.Put(x)
}

// clearAll clears s up to its capacity and returns it empty.
func clearAll[S ~[]E, E any](s S) S {
	clear(s[:cap(s)])
	return s[:0]
}

// note records msg, built by concatenation: fmt would cost an allocation
// per argument on rows that all get the same note.
func (x *extractor) note(field string, pos jixiao.Position, msg string) {
	if x.notes == nil {
		x.notes = make([]Note, 0, 8) // most documents get a few
	}
	x.notes = append(x.notes, Note{Field: field, Message: msg, Pos: pos})
}

func (x *extractor) prov(path string, pos jixiao.Position) {
	if !pos.IsZero() {
		x.ev.Provenance[path] = pos
	}
}

// text looks at a heading or paragraph: a title above a clean table.
func (x *extractor) text(b jixiao.Block) {
	if x.title == "" && x.sec == secNone && isTitle(b.Text) {
		x.title, x.titlePos = b.Text, b.Pos
	}
	x.rulesLine(b.Text)
}

// rulesLine reads the rule set a table names in the line under its title
// ("规则集：hunan（…）", as jixiao writes it), so that a table is checked
// under the rules it was scored by.
func (x *extractor) rulesLine(s string) bool {
	if x.ev.Rules != "" || x.found || !strings.Contains(s, "规则集") {
		return false
	}
	m := rulesLineRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	x.ev.Rules = m[1]
	return true
}

var rulesLineRe = regexp.MustCompile(`规则集[：:]\s*([a-z][a-z0-9-]*)`)

// isYearLine reports a short line that only states the year:
// "（2024年度）", "2024年度".
func isYearLine(s string) bool {
	t := strings.Trim(strings.TrimSpace(cjk.Fold(s)), "()（） ")
	return utf8.RuneCountInString(t) <= 12 && yearLineRe.MatchString(t)
}

var yearLineRe = regexp.MustCompile(`^20\d\d\s*年度?$`)

func isTitle(s string) bool {
	return strings.Contains(s, "自评表") && utf8.RuneCountInString(s) <= 80
}

func (x *extractor) endTable() {
	x.pending = nil
}

// row dispatches one grid row by what its labels say it is.
func (x *extractor) row(r grow) {
	if r.empty() {
		return
	}
	if len(x.pending) > 0 {
		x.fillPending(r)
		return
	}
	switch {
	case x.titleRow(r):
	case x.sec == secAfter:
		if x.isBudgetHeader(r) || x.isIndicatorHeader(r) {
			x.note("", r.pos, "文档中还有其他自评表，只读取了第一张")
			x.done = true
		}
	case x.totalRow(r):
	case x.isIndicatorHeader(r):
		x.setIndicatorHeader(r)
		x.indSeen = true
		x.sec, x.found = secIndicators, true
		if x.ev.Indicators == nil {
			// indicators are large: make room once for every row below the header
			x.ev.Indicators = make([]jixiao.Indicator, 0, x.rowsLeft)
		}
	case x.sec == secIndicators && x.subHeader(r):
	case x.sec == secIndicators && r.ellipsis():
		// "……" stands for rows the copy left out: no indicator of its own
	case x.sec == secIndicators:
		x.indicatorRow(r)
	case x.isBudgetHeader(r):
		x.setBudgetHeader(r)
		x.budgetSeen = true
		x.sec, x.found = secBudget, true
	case x.goalRow(r):
	case x.sec == secGoal:
		x.goalValues(r)
	case x.sec == secBudget:
		x.budgetRow(r)
	default:
		x.headerFields(r)
	}
}

// titleRow takes a one-cell row holding the table's title.
func (x *extractor) titleRow(r grow) bool {
	var only *gcell
	for i := range r.cells {
		if r.cells[i].origin && r.cells[i].Text != "" {
			if only != nil {
				return false
			}
			only = &r.cells[i]
		}
	}
	if only != nil && x.rulesLine(only.Text) {
		return true
	}
	if only != nil && !x.found && x.yearLine == "" && isYearLine(only.Text) {
		// A subtitle such as "（2024年度）" that a spreadsheet keeps as a
		// row of the table rather than as a paragraph.
		x.yearLine, x.yearPos = only.Text, only.Pos
		return true
	}
	if only == nil || !isTitle(only.Text) {
		return false
	}
	if x.found {
		if x.sec == secAfter || x.sec == secIndicators {
			x.note("", r.pos, "文档中还有其他自评表，只读取了第一张")
			x.done = true
		}
		return true
	}
	x.title, x.titlePos = only.Text, only.Pos
	return true
}

// header is a header row's canonical labels with the columns where they
// start, in the order of their columns: a label met twice keeps its first.
// A dozen columns at most are searched in order rather than hashed, and
// their order is the one every reader of the header wants.
type header []hcol

type hcol struct {
	key string
	col int
}

func (h header) col(key string) (int, bool) {
	for _, c := range h {
		if c.key == key {
			return c.col, true
		}
	}
	return 0, false
}

// headerCols appends r's header columns to h.
func headerCols(r grow, labels map[string]string, h header) header {
	if h == nil {
		h = make(header, 0, min(len(r.cells), 16))
	}
	for i, c := range r.cells {
		if !c.origin {
			continue
		}
		if key, ok := headerKey(c.norm, labels); ok {
			if _, dup := h.col(key); !dup {
				h = append(h, hcol{key, i})
			}
		}
	}
	return h
}

// headerKey is the canonical label a header cell's label stands for.
func headerKey(norm string, labels map[string]string) (string, bool) {
	if norm == "" || norm[0] < 0x80 {
		return "", false // every label starts with an ideograph; most figures with a digit
	}
	key, ok := labels[norm]
	if !ok && strings.HasPrefix(norm, "偏差原因") && labels["偏差原因分析"] == colDeviation {
		key, ok = colDeviation, true
	}
	if !ok && labels["执行数"] == colExecuted {
		key, ok = budgetHeadOnly[norm]
	}
	if !ok && labels["三级指标"] == colL3 {
		key, ok = scrambledLabel(norm)
	}
	return key, ok
}

// isIndicatorHeader and isBudgetHeader ask of every row what headerCols
// would hold for it, without building the map.
func (x *extractor) isIndicatorHeader(r grow) bool {
	var l3, t, a bool
	for _, c := range r.cells {
		if !c.origin {
			continue
		}
		switch key, _ := headerKey(c.norm, indicatorLabels); key {
		case colL3:
			l3 = true
		case colTarget:
			t = true
		case colActual:
			a = true
		}
	}
	return l3 && (t || a)
}

func (x *extractor) isBudgetHeader(r grow) bool {
	var keys []string // the distinct columns found, at most one per budget column
	var buf [8]string
	keys = buf[:0]
	named := false
	for _, c := range r.cells {
		if !c.origin {
			continue
		}
		key, ok := headerKey(c.norm, budgetLabels)
		if !ok || slices.Contains(keys, key) {
			continue
		}
		keys = append(keys, key)
		switch key {
		case colInitial, colFullYear, colExecuted, colRequest:
			named = true
		}
	}
	return len(keys) >= 2 && named
}

// totalRow reads 总分 and 等级.
func (x *extractor) totalRow(r grow) bool {
	idx := -1
	for i, c := range r.cells {
		if c.origin && (c.norm == "总分" || c.norm == "合计" && x.sec == secIndicators) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return false
	}
	// The official layout writes Σ分值 under 分值 and the total under 得分
	// ("总分 | 100 | 96.12"): the total is the figure under 得分 when the
	// row is laid out like the header, else the last number before 等级.
	var cands []gcell
	for i := idx + 1; i < len(r.cells); i++ {
		c := r.cells[i]
		if !c.origin || c.Text == "" {
			continue
		}
		if c.norm == "等级" || c.norm == "评价等级" || c.norm == "自评等级" {
			if g := x.nextValue(r, i); g != nil {
				x.ev.StatedGrade = g.Text
				x.prov("grade", g.Pos)
			}
			break
		}
		cands = append(cands, c)
	}
	if c, ok := x.totalCell(r, cands); ok && !x.ev.StatedTotal.Stated() {
		x.ev.StatedTotal = notation.ParseFigure(c.Text)
		x.prov("total", c.Pos)
	}
	if !x.ev.StatedTotal.Stated() {
		x.note("total", r.cells[idx].Pos, "总分一栏为空")
	}
	x.indClosed = x.indClosed || x.sec == secIndicators
	x.sec = secAfter
	x.totalRead = true
	return true
}

// totalCell picks the 总分 figure among the row's filled cells after its
// label.
func (x *extractor) totalCell(r grow, cands []gcell) (gcell, bool) {
	if len(cands) == 0 {
		return noCell, false
	}
	if col, ok := x.indHdr.col(colScore); ok && len(r.cells) == x.indW {
		if c, ok := r.origin(col); ok && c.Text != "" && !emptyMark(c.Text) {
			return c, true
		}
		if w, ok := x.indHdr.col(colWeight); ok && w < col && r.cells[col].origin {
			if c, ok := r.origin(w); ok && c.Text != "" && !figureBetween(r, w, col) {
				// Σ分值 under 分值 and nothing under 得分: the total was left
				// empty, and the weights' sum is not it. A figure between
				// them is the row's empty cells collapsed ("总分 100 100"):
				// its last figure is the total.
				return noCell, false
			}
		}
	}
	for i := len(cands) - 1; i >= 0; i-- {
		if notation.IsFigure(cands[i].Text) {
			return cands[i], true
		}
	}
	return cands[0], true
}

// figureBetween reports a figure in the row's columns strictly between
// from and to.
func figureBetween(r grow, from, to int) bool {
	for i := from + 1; i < to && i < len(r.cells); i++ {
		if c := r.cells[i]; c.origin && notation.IsFigure(c.Text) {
			return true
		}
	}
	return false
}

func (x *extractor) nextValue(r grow, i int) *gcell {
	for j := i + 1; j < len(r.cells); j++ {
		if r.cells[j].origin && r.cells[j].Text != "" {
			return &r.cells[j]
		}
	}
	return nil
}
