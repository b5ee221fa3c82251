package extract

import (
	"strings"
	"unicode/utf8"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

// A headless fragment is the tail of an indicator table that a page break
// or an excerpt cut above its header: no 一级指标/年度指标值 label to
// anchor on, only rows. Such rows are still recognisable by their shape:
// a 一级 or 二级 name of the template's vocabulary (possibly run together
// with the row's name), a 三级 name, a target (an operator and a figure,
// or 定性 and its scale), then the figures the template orders after it.
// readHeadless finds such rows and lays them out under the template's own
// indicator header, so that the one table reader reads them.

// headlessHeader is the indicator header the rows are laid out under.
var headlessHeader = [...]string{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"}

// minHeadlessRows is how many rows of that shape make a fragment: fewer
// could be a sentence of a report that states a target.
const minHeadlessRows = 3

// maxHeadlessName bounds a 三级 name (in runes): a longer text is a
// sentence, and ends the fragment.
const maxHeadlessName = 40

// hrow is one indicator row found by shape.
type hrow struct {
	l1, l2, name   string
	op, val, unit  string
	actual         string
	figs           []string
	qualitative    bool
	pos            jixiao.Position
	targetComplete bool
}

// headless reads the cells after a cut as indicator rows.
type headless struct {
	rows     []hrow
	l1, l2   string
	total    string
	totalPos jixiao.Position
	ended    bool
	// pending is a cell holding only 成本指标 or 满意度指标, which are 一级
	// names when a 二级 name follows and 二级 names otherwise.
	pending string
}

// readHeadless returns the fragment's table (header, rows, 合计) when the
// cells hold enough rows of an indicator's shape, and nil when they do not.
func readHeadless(ts []token) *jixiao.Table {
	h := headless{}
	for i := range ts {
		if h.ended {
			break
		}
		for _, a := range strings.Fields(cjk.Fold(ts[i].text)) {
			if h.ended {
				break
			}
			h.atom(a, ts[i].pos)
		}
	}
	n := 0
	for i := range h.rows {
		if h.rows[i].targetComplete && len(h.rows[i].figs) > 0 {
			n++
		}
	}
	if n < minHeadlessRows || n*2 < len(h.rows) {
		return nil
	}
	t := &jixiao.Table{}
	hdr := jixiao.Row{}
	for _, l := range headlessHeader {
		hdr.Cells = append(hdr.Cells, jixiao.Cell{Text: l, ColSpan: 1, RowSpan: 1})
	}
	t.Rows = append(t.Rows, hdr)
	for i := range h.rows {
		t.Rows = append(t.Rows, h.rows[i].row())
	}
	if h.total != "" {
		t.Rows = append(t.Rows, jixiao.Row{Pos: h.totalPos, Cells: []jixiao.Cell{
			{Text: "合计", ColSpan: 1, RowSpan: 1, Pos: h.totalPos},
			{Text: h.total, ColSpan: 1, RowSpan: 1, Pos: h.totalPos},
		}})
	}
	return t
}

// row lays the row out under headlessHeader. The figures after the
// target are, in the template's order, 实际完成值, 分值 and 得分; the
// 分值 is the one the template prints in every row, so a single figure
// is the 分值 (its 完成值 and 得分 left unfilled), two are the 完成值 and
// the 分值.
func (r *hrow) row() jixiao.Row {
	actual, weight, score := r.actual, "", ""
	switch f := r.figs; {
	case len(f) == 1:
		weight = f[0]
	case len(f) == 2 && actual == "":
		actual, weight = f[0], f[1]
	case len(f) == 2:
		weight, score = f[0], f[1]
	case len(f) >= 3:
		if actual == "" {
			actual, f = f[0], f[1:]
		}
		weight, score = f[0], f[1]
	}
	texts := [...]string{r.l1, r.l2, r.name, r.op, r.val, r.unit, actual, weight, score}
	row := jixiao.Row{Pos: r.pos, Cells: make([]jixiao.Cell, len(texts))}
	for i, s := range texts {
		row.Cells[i] = jixiao.Cell{Text: s, ColSpan: 1, RowSpan: 1, Pos: r.pos}
	}
	return row
}

func (h *headless) cur() *hrow {
	if len(h.rows) == 0 {
		return nil
	}
	return &h.rows[len(h.rows)-1]
}

// atom takes one cell (or one space-separated piece of a cell).
func (h *headless) atom(a string, pos jixiao.Position) {
	if a == "|" || a == "||" || strings.Trim(a, "|") == "" {
		return
	}
	a = strings.Trim(a, "|")
	if h.pending != "" {
		if _, _, two := cutName(a, level2Names); two {
			h.l1, h.l2 = h.pending, ""
		} else {
			h.l2 = h.pending
		}
		h.pending = ""
	}
	if rest, ok := totalPrefix(a); ok {
		h.ended = true
		if rest != "" && notation.IsFigure(rest) {
			h.total, h.totalPos = rest, pos
			return
		}
		h.ended = false // the figure is the next cell
		h.total, h.totalPos = "\x00", pos
		return
	}
	if h.total == "\x00" {
		h.ended = true
		h.total = ""
		if notation.IsFigure(a) {
			h.total = a
		}
		return
	}
	if footerLabel(normLabel(a)) {
		h.ended = true
		return
	}
	r := h.cur()
	switch {
	case r != nil && !r.targetComplete && r.op != "" && r.val == "" && notation.IsFigure(a):
		r.val = a
		return
	case r != nil && notation.IsFigure(r.val) && r.unit == "" && len(r.figs) == 0 && r.actual == "" && !r.qualitative && unitWord(a):
		r.unit = a
		r.targetComplete = true
		return
	case r != nil && r.op == "" && r.val == "" && !r.qualitative && opAtom(a):
		r.op = a
		return
	case r != nil && r.val == "" && (a == "定性" || a == "定量"):
		r.qualitative = a == "定性"
		return
	case r != nil && r.qualitative && r.val == "":
		r.val, r.targetComplete = a, true
		return
	case r != nil && r.qualitative && r.actual == "" && len(r.figs) == 0 && !levelPrefix(a):
		r.actual = a
		return
	case r != nil && r.val != "" && notation.IsFigure(a):
		r.targetComplete = true
		r.figs = append(r.figs, a)
		return
	}
	h.name(a, pos)
}

// name starts a row at a cell that is not a figure of the current one:
// its 一级 and 二级 names peeled off the front, and a target run on behind.
func (h *headless) name(a string, pos jixiao.Position) {
	if utf8.RuneCountInString(a) > maxHeadlessName || !hasHan(a) {
		h.reset()
		return
	}
	rest := a
	if level1Names[a] && level2Names[a] {
		h.pending = a
		return
	}
	if l1, r, ok := cutName(rest, level1Names); ok && (r != "" || l1 != "成本指标" && l1 != "满意度指标") {
		if _, _, two := cutName(r, level2Names); two || !level2Names[l1] {
			h.l1, h.l2, rest = l1, "", r
		}
	}
	if l2, r, ok := cutName(rest, level2Names); ok {
		h.l2, rest = l2, r
	}
	if rest == "" {
		return
	}
	r := hrow{l1: h.l1, l2: h.l2, name: rest, pos: pos}
	if i := targetStart(rest); i > 0 {
		r.name, r.val, r.targetComplete = rest[:i], rest[i:], true
	}
	h.rows = append(h.rows, r)
}

// reset drops the rows read so far when a sentence comes between rows of
// an indicator's shape: they were a report's figures, not a table.
func (h *headless) reset() {
	if len(h.rows) < minHeadlessRows {
		h.rows, h.l1, h.l2 = nil, "", ""
		return
	}
	h.ended = true
}

// cutName cuts a name of names off the front of s, the longest first.
func cutName(s string, names map[string]bool) (name, rest string, ok bool) {
	best := ""
	for n := range names {
		if len(n) > len(best) && strings.HasPrefix(s, n) {
			best = n
		}
	}
	if best == "" {
		return "", s, false
	}
	return best, s[len(best):], true
}

func levelPrefix(s string) bool {
	_, _, one := cutName(s, level1Names)
	_, _, two := cutName(s, level2Names)
	return one || two
}

// targetStart is where a target run on behind a name begins: an operator
// followed by a figure ("足额保障率=100%", "科目调整次数≤10次"); 0 when none.
func targetStart(s string) int {
	for i, r := range s {
		if i == 0 || !strings.ContainsRune(opRunes, r) {
			continue
		}
		v := notation.ParseValue(s[i:])
		if v.Type == jixiao.Quantitative && v.Op != jixiao.OpNone {
			return i
		}
	}
	return 0
}

const opRunes = "=＝﹦≥≤<>＜＞"

// opAtom reports a cell holding only a 指标性质 operator.
func opAtom(s string) bool {
	switch s {
	case "=", "＝", "﹦", "≥", "≤", "<", ">", "＜", "＞", "≧", "≦", "大于", "小于", "等于", "大于等于", "小于等于", "不低于", "不高于", "不超过":
		return true
	}
	return false
}

// unitWord reports a 度量单位 cell: a short word with no figure.
func unitWord(s string) bool {
	if s == "%" || s == "％" || s == "‰" {
		return true
	}
	n := utf8.RuneCountInString(s)
	return n >= 1 && n <= 4 && !notation.IsFigure(s) && !strings.ContainsAny(s, "0123456789") && !opAtom(s) && !levelPrefix(s)
}

// totalPrefix reports a 合计 or 总分 cell and the figure run on behind it.
func totalPrefix(s string) (string, bool) {
	for _, p := range [...]string{"合计", "总分", "合 计", "总 分"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimLeft(rest, ":："), true
		}
	}
	return "", false
}

// headlessTable reads a fragment's rows found by shape as a table of its
// own. Its rows above the cut (and its budget block) were not read: the
// evaluation says so, so that no check totals the rows that are there.
func headlessTable(doc *jixiao.Document, ts []token) (Table, bool) {
	t := readHeadless(ts)
	if t == nil {
		return Table{}, false
	}
	sub := &jixiao.Document{Path: doc.Path, Format: doc.Format, Encoding: doc.Encoding}
	for _, b := range doc.Blocks {
		if b.Kind != jixiao.BlockTable {
			sub.Blocks = append(sub.Blocks, jixiao.Block{Kind: jixiao.BlockParagraph, Text: firstLine(b.Text), Pos: b.Pos})
			break
		}
	}
	sub.Blocks = append(sub.Blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t, Pos: t.Rows[1].Pos})
	ev, notes := readTable(sub)
	if len(ev.Indicators) == 0 {
		return Table{}, false
	}
	const why = "指标表从中途开始（原文未见表头，按指标行的形状读出），此前的指标行未读到"
	ev.Missing = append(ev.Missing, jixiao.Missing{Path: "indicators[", Reason: why})
	notes = append(notes, Note{Field: "indicators", Pos: t.Rows[1].Pos, Message: why})
	return Table{ev, notes}, true
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
