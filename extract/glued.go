package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"jixiao"
)

// A table copied out of a .docx or a PDF by some sharing sites comes as
// one line with every cell run together: "年度资金总额:202010100.00%10其中:
// 本年财政拨款2020其他资金…". deglue takes such a line apart again. It
// anchors on the template's labels (the header's column labels, the
// 一级/二级 names, 总分) and splits the figures between them by their
// grammar (a percent sign ends a figure, an amount has at most two
// decimals, no figure but 0 starts with 0, a 分值 is at most 100) and by
// the table's arithmetic (执行率 = 执行数 / 预算数, 得分 = 分值 × 执行率, a
// score is at most its 分值, a 其中 amount at most the total's). Where more
// than one splitting remains, or none, it does not choose: the row's
// figures become unread marks, so that no check is made on a guess.

// unreadMark is the text deglue puts in a cell whose figure it could not
// split out with certainty: words where a figure belongs, which the
// extractor reads as a row it could not align (not read, never blank).
const unreadMark = "（粘连无法拆分）"

// gluedMinBytes is the shortest line deglue looks at: a run-together
// table is long, and every shorter line is left to splitCells unlooked.
const gluedMinBytes = 160

// gluedMaxBytes is the longest: a run-together table of some hundred rows
// is a few kilobytes; a longer line is prose, and looking for labels at
// every place of it would cost more than it can give.
const gluedMaxBytes = 32 << 10

// vkind is the kind of a value column, which says how its figure is
// written and what it must agree with.
type vkind uint8

const (
	vNone   vkind = iota
	vAmount       // 年初预算数, 全年预算数, 全年执行数
	vWeight       // 分值
	vRate         // 执行率
	vScore        // 得分
	vValue        // 年度指标值, 实际完成值: a figure or words
	vUnit         // 计量单位
	vText         // 偏差原因, 评分标准, 指标性质: words, left out at a glued row's end
	vAdjust       // 调整指标值: a value, or nothing where no target was adjusted
	vCoef         // 得分系数(%): a percentage
	vYesNo        // 是否核心指标: 是 or 否
)

// gcut is one cell deglue cut out of the line, and its byte offset.
type gcut struct {
	text string
	off  int
}

// gluedLine reports a line that may be a table run together: long, one
// piece, holding at least two of the template's column labels.
func gluedLine(s string) bool {
	if len(s) < gluedMinBytes || len(s) > gluedMaxBytes {
		return false
	}
	n := 0
	for _, a := range [...]string{"三级指标", "年度指标值", "全年预算数", "预算数", "执行率", "一级指标", "年度资金总额", "分值", "得分"} {
		if strings.Contains(s, a) {
			n++
		}
	}
	return n >= 3
}

// gluedLabels are the labels deglue anchors on, longest first, each with
// what it opens: a row of its own, a column of a header, or a group name.
type glabel struct {
	text string
	role grole
	kind vkind // the column's kind, for a header label
}

type grole uint8

const (
	gField   grole = iota // a header field (项目名称): a row of its own, then its text
	gBudHead              // starts the budget header (资金情况)
	gBudCol               // a budget column (全年预算数)
	gBudRow               // a budget row (年度资金总额, 本年财政拨款)
	gGoal                 // the goal block's labels
	gIndHead              // starts the indicator header (绩效指标, 一级指标)
	gIndCol               // an indicator column (年度指标值)
	gL3                   // 三级指标: the name column
	gLevel                // a 一级 or 二级 name
	gTotal                // 总分
	gNote                 // 注: the note after the table
)

var gluedLabels = func() []glabel {
	var out []glabel
	add := func(role grole, kind vkind, ls ...string) {
		for _, l := range ls {
			out = append(out, glabel{l, role, kind})
		}
	}
	for l := range headerLabels {
		add(gField, vNone, l)
	}
	add(gField, vNone, "项目负责人及电话", "项目负责人", "联系电话", "部门联系人", "财政处室", "自评总分", "填报日期", "下属单位个数")
	add(gBudHead, vNone, "资金情况", "预算执行情况", "部门预算执行情况", "项目资金", "整体支出规模")
	for l, c := range budgetLabels {
		k := vAmount
		switch c {
		case colWeight:
			k = vWeight
		case colRate:
			k = vRate
		case colScore:
			k = vScore
		}
		add(gBudCol, k, l)
	}
	add(gBudCol, vWeight, "执行率权重")
	add(gBudCol, vScore, "执行率得分")
	add(gBudRow, vNone, "年度资金总额", "资金总额", "年度财政资金总额", "其中")
	for _, m := range [...]map[string]bool{sourceRows, incomeRows, expenseRows} {
		for l := range m {
			add(gBudRow, vNone, l)
		}
	}
	add(gGoal, vNone, "年度总体目标", "年初设定目标", "年度总体目标完成情况综述", "实际完成情况", "预期目标", "当年绩效目标", "年初绩效目标", "全年目标实际完成情况", "全年完成情况")
	add(gIndHead, vNone, "绩效指标", "分解目标") // (分解目标 heads the 一级 column, the header's first)
	for l, c := range indicatorLabels {
		k := vValue
		switch c {
		case colL1, colL2:
			k = vNone
		case colL3:
			continue
		case colWeight:
			k = vWeight
		case colScore:
			k = vScore
		case colUnit:
			k = vUnit
		case colStandard, colDeviation, colValueType, colOp:
			k = vText
		}
		if len(l) <= len("单位") {
			continue // too short to anchor on inside a row's words
		}
		add(gIndCol, k, l)
	}
	add(gIndCol, vText, "未完成原因及拟采取的改进措施", "未完成原因分析及改进措施", "偏差原因分析及改进措施")
	// 重庆's 部门整体 table: columns the evaluation does not hold, whose
	// figures must still be cut out of a row run together
	add(gIndCol, vAdjust, "调整指标值", "调整后指标值")
	add(gIndCol, vCoef, "得分系数")
	add(gIndCol, vYesNo, "是否核心指标")
	add(gL3, vNone, "三级指标", "指标名称")
	for l := range level1Names {
		add(gLevel, vNone, l)
	}
	for l := range level2Names {
		add(gLevel, vNone, l)
	}
	add(gTotal, vNone, "总分", "合计")
	add(gNote, vNone, "注:", "注：")
	slices.SortStableFunc(out, func(a, b glabel) int { return len(b.text) - len(a.text) })
	return out
}()

// maxQualifierBytes bounds the words taken as a column label's qualifier.
const maxQualifierBytes = 15

// rowNameLabel reports a column label inside the indicator header that a
// figure follows at once: no header label is, so it ends the first row's
// name (政府采购执行率 before "100%").
func (d *degluer) rowNameLabel(l glabel, end int) bool {
	if !d.inHeader || !d.inInd || l.role != gBudCol && l.role != gIndCol || end >= len(d.s) || len(d.rowKinds()) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.s[end:])
	return isDigit(d.s[end]) || d.s[end] == '%' || isOpRune(r)
}

// scrambled reports header words that are an indicator label scrambled.
func (d *degluer) scrambled(w string) bool {
	_, ok := scrambledLabel(normLabel(w))
	return ok && d.inInd
}

// indicatorKinds are the value kinds of the indicator columns, by
// canonical label.
var indicatorKinds = map[string]vkind{
	colTarget: vValue, colActual: vValue, colWeight: vWeight, colScore: vScore, colUnit: vUnit,
}

// degluer holds the state of one line's reading.
type degluer struct {
	s        string
	rows     [][]gcut
	row      []gcut
	budCols  []vkind  // the budget header's value columns
	indCols  []vkind  // the indicator header's columns after the name
	inInd    bool     // past the indicator header
	inHeader bool     // the open row is a header
	rowRole  grole    // what began the open row
	budCanon []string // the budget header's value columns, by canonical label
	total    []jixiao.Figure
	blockMax decimal.Decimal // the open 一级 group's stated weight, 0 if none
	cut      int             // rows of figures split with certainty
	indHead  []gcut          // the indicator header's cells, once it is over
}

// deglue splits a run-together table line into rows of cells, or reports
// that the line is not one.
func deglue(s string) ([][]gcut, bool) {
	if !gluedLine(s) {
		return nil, false
	}
	d := &degluer{s: s}
	d.run()
	d.endRow()
	if d.cut == 0 {
		return nil, false // labels run together, but no figures split: no table read
	}
	return d.rows, true
}

func (d *degluer) endRow() {
	if d.inHeader && d.inInd {
		d.indHead = d.row
	}
	if len(d.row) > 0 {
		d.rows = append(d.rows, d.row)
	}
	d.row, d.inHeader = nil, false
}

func (d *degluer) cell(text string, off int) {
	d.row = append(d.row, gcut{text, off})
}

// labelAt is the longest label at byte p that d's state lets stand there,
// with any remark ("(万元)", "(70分)") and colon after it.
func (d *degluer) labelAt(p int) (glabel, int, bool) {
	rest := d.s[p:]
	for _, l := range gluedLabels {
		if !strings.HasPrefix(rest, l.text) {
			continue
		}
		if d.inInd && l.role != gLevel && l.role != gTotal && l.role != gNote && !d.inHeader {
			continue // inside the indicator rows, only group names and 总分 are labels
		}
		end := p + len(l.text)
		end = remarkEnd(d.s, end)
		return l, end, true
	}
	return glabel{}, 0, false
}

// remarkEnd extends a label over a parenthesised remark and a colon.
func remarkEnd(s string, end int) int {
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		switch r {
		case '(', '（':
			c := strings.IndexAny(s[end:], ")）")
			if c < 0 || c > 40 {
				return end
			}
			_, cn := utf8.DecodeRuneInString(s[end+c:])
			end += c + cn
		case ':', '：':
			end += n
		default:
			return end
		}
	}
	return end
}

func (d *degluer) run() {
	s := d.s
	p := 0
	for p < len(s) {
		if l, end, ok := d.labelAt(p); ok {
			if d.rowNameLabel(l, end) {
				d.endRow() // the header is over: a row's name ends in this label
				continue
			}
			p = d.label(l, p, end)
			continue
		}
		if d.inInd && !d.inHeader {
			if _, n, ok := scrambledLevel1At(s, p); ok {
				// a 一级 label out of order, its weight glued after it
				d.endRow()
				d.cell(s[p:p+n], p)
				w, wend, _ := gluedGroupWeight(s, p+n)
				if q, ok := d.wordGroup(wend, w); ok {
					p = q
				} else {
					p += n
				}
				continue
			}
			if q := d.indicatorRow(p); q > p {
				p = q
				continue
			}
			// no row starts here (figures with no column to hold
			// them): read on as words, which always moves on
		}
		// free text up to the next label
		q := p
		for q < len(s) {
			if _, _, ok := d.labelAt(q); ok {
				break
			}
			_, n := utf8.DecodeRuneInString(s[q:])
			q += n
		}
		if d.inHeader && !d.inInd && len(d.budCols) > 0 {
			if f := leadFigures(s[p:q]); f >= 0 {
				// figures straight under the budget header, with no row
				// label (重庆's 部门整体 table): its 年度资金总额 row
				d.endRow()
				d.budgetFigures(p+f, true)
				p = q
				continue
			}
		}
		if d.inHeader && q < len(s) && !strings.ContainsAny(s[p:q], "0123456789%≥≤") && q-p <= maxQualifierBytes && !d.scrambled(s[p:q]) {
			if l, end, ok := d.labelAt(q); ok && d.rowNameLabel(l, end) {
				d.endRow() // "政府采购" + "执行率" + "100%": the first row's name
				continue
			} else if ok && (l.role == gBudCol || l.role == gIndCol) {
				// words run straight into a column label are its qualifier
				// (an OCR-garbled "全年(If整)" before 预算数): one header cell
				d.label(l, q, end)
				d.row[len(d.row)-1] = gcut{s[p:end], p}
				p = end
				continue
			}
		}
		if d.inHeader && d.inInd {
			if strings.ContainsAny(s[p:q], "0123456789%≥≤") && len(d.rowKinds()) > 0 {
				// figures: the header is over, this is its first row
				d.endRow()
				continue
			}
			// words after the indicator header's labels: a column of
			// words, or a label whose characters OCR scrambled
			k := vText
			if key, ok := scrambledLabel(normLabel(s[p:q])); ok {
				k = indicatorKinds[key]
			}
			d.indCols = append(d.indCols, k)
		}
		d.cell(strings.TrimSpace(s[p:q]), p)
		p = q
	}
}

// label takes the label from p to end and what follows it when the label
// heads a row of figures.
func (d *degluer) label(l glabel, p, end int) int {
	text := d.s[p:end]
	switch l.role {
	case gField, gGoal:
		if !(l.role == gGoal && d.rowIs(gGoal)) {
			d.endRow()
		}
		d.cell(text, p)
		d.row[len(d.row)-1].text = text
		d.mark(l.role)
	case gBudHead:
		d.endRow()
		d.budCols, d.budCanon = d.budCols[:0], d.budCanon[:0]
		d.inHeader = true
		d.cell(text, p)
	case gBudCol:
		if d.inHeader && d.inInd {
			// 分值, 得分, 权重 head indicator columns too
			k := vValue
			switch budgetLabels[l.text] {
			case colWeight:
				k = vWeight
			case colScore:
				k = vScore
			}
			d.indCols = append(d.indCols, k)
		}
		if d.inHeader && !d.inInd {
			d.budCols = append(d.budCols, l.kind)
			d.budCanon = append(d.budCanon, budgetLabels[l.text])
		}
		d.cell(text, p)
	case gBudRow:
		if strings.HasPrefix(l.text, "其中") && end < len(d.s) {
			// 其中: names the row that follows
			if l2, end2, ok := d.labelAt(end); ok && l2.role == gBudRow {
				text, end = d.s[p:end2], end2
			}
		}
		d.endRow()
		d.cell(text, p)
		return d.budgetFigures(end, l.text == "年度资金总额" || l.text == "资金总额" || l.text == "年度财政资金总额")
	case gIndHead:
		if !d.inHeader || !d.inInd {
			d.endRow()
		}
		d.inInd, d.inHeader = true, true
		d.indCols = d.indCols[:0]
		d.cell(text, p)
	case gIndCol:
		if d.inHeader && d.inInd {
			d.indCols = append(d.indCols, l.kind)
		}
		d.cell(text, p)
	case gL3:
		if !d.inHeader {
			d.endRow()
			d.inInd, d.inHeader = true, true
		}
		d.indCols = d.indCols[:0]
		d.cell(text, p)
	case gLevel:
		if d.inHeader {
			d.endRow()
		}
		// a group name after a row's figures, or after another group
		// name of the same rank, starts a row
		if len(d.row) > 0 && (!d.rowOnlyLevels() || level2Names[l.text] && d.lastIsLevel2()) {
			d.endRow()
		}
		if level1Names[l.text] {
			d.blockMax = blockWeight(text)
		}
		d.cell(text, p)
		if level1Names[l.text] && d.inInd {
			if w, wend, ok := gluedGroupWeight(d.s, end); ok {
				if q, ok := d.wordGroup(wend, w); ok {
					return q
				}
			}
		}
	case gTotal:
		d.endRow()
		d.cell(text, p)
		return d.totalFigures(end)
	case gNote:
		d.endRow()
		d.cell(strings.TrimSpace(d.s[p:]), p)
		d.endRow()
		return len(d.s)
	}
	return end
}

// rowIs reports an open row begun by a label of the role.
func (d *degluer) rowIs(role grole) bool {
	return len(d.row) > 0 && d.rowRole == role
}

func (d *degluer) mark(role grole) { d.rowRole = role }

func (d *degluer) rowOnlyLevels() bool {
	for _, c := range d.row {
		if _, l1 := level1Label(normLabel(c.text)); !l1 && !level2Names[normLabel(c.text)] {
			return false
		}
	}
	return true
}

func (d *degluer) lastIsLevel2() bool {
	n := normLabel(d.row[len(d.row)-1].text)
	return level2Names[n] && !level1Names[n] || n == "满意度指标" && len(d.row) > 1
}

// blockWeight is the weight a 一级 label states ("产出指标(70分)" → 70).
func blockWeight(label string) decimal.Decimal {
	i := strings.IndexAny(label, "(（")
	if i < 0 {
		return decimal.Zero
	}
	t := strings.TrimRight(label[i:], ")）")
	t = strings.TrimLeft(t, "(（")
	t = strings.TrimSuffix(t, "分")
	if v, err := decimal.NewFromString(t); err == nil && v.IsPositive() {
		return v
	}
	return decimal.Zero
}

// leadFigures is the offset of the figures a text between labels holds
// when it is nothing else: at most a stray mark or two of OCR before them
// ("O76%107.6"), no word; -1 otherwise.
func leadFigures(t string) int {
	i := 0
	for i < len(t) && !isDigit(t[i]) {
		if t[i] >= utf8.RuneSelf || i >= 2 {
			return -1
		}
		i++
	}
	if i == len(t) || len(figureRun(t[i:])) != len(strings.TrimRight(t[i:], " ")) {
		return -1
	}
	return i
}
