package extract

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
)

// indicatorRow reads one row of the indicator block against its header.
func (x *extractor) indicatorRow(r grow) {
	x.indFresh = false
	cells, guessed := x.alignIndicator(r)
	l1, l2, name := cells.text(iL1), cells.text(iL2), strings.TrimSpace(cells.text(iL3))
	if emptyMark(strings.TrimSpace(l1)) {
		l1 = "" // a dash in a merged group column: the group above goes on
	}
	if emptyMark(strings.TrimSpace(l2)) {
		l2 = ""
	}
	switch {
	case l1 != "":
		if l1 != x.lastL1 {
			x.lastL2 = ""
		}
		x.lastL1 = l1
	default:
		l1 = x.lastL1
	}
	if l2 != "" {
		if joined := strings.TrimSpace(x.lastL2) + strings.TrimSpace(l2); !level2Names[normLabel(l2)] && level2Names[normLabel(joined)] {
			// a merged 二级 cell cut by a page break ("成本" | "指标"): one
			// name, the rows above under it too
			x.renameLevel2(x.lastL2, joined)
			l2 = joined
		}
		x.lastL2 = l2
	} else {
		l2 = x.lastL2
	}
	filled := func(k icol) bool { t := strings.TrimSpace(cells.text(k)); return t != "" && !emptyMark(t) }
	hasValues := filled(iTarget) || filled(iActual) || filled(iWeight) || filled(iScore)
	if (name == "" || emptyMark(name)) && !hasValues {
		return // a row naming only its 一级 or 二级 group
	}
	if !hasValues && x.rowsLeft == 0 && cutGroupName(name) {
		return // the copy ends inside a 二级 cell: the group's start, not an indicator
	}
	// The row's provenance keys (indicators[3].一级指标 …) are cut from
	// one string, which starts with the row's own path: one allocation for
	// the row instead of one per column.
	keys, plen := indicatorKeys(len(x.ev.Indicators))
	path := keys[:plen]
	if guessed {
		x.note(path, r.pos, "该指标行有 "+strconv.Itoa(countOrigin(r))+" 个单元格，表头有 "+strconv.Itoa(x.indW)+" 个，按“指标名称、指标值……”的顺序推定各栏，可能有误")
	}
	if name == "" {
		x.note(path, r.pos, "三级指标名称为空")
	}
	unit, target := measureUnit(cells.text(iUnit)), cells.text(iTarget)
	in := jixiao.Indicator{
		Level1:    level1Name(levelName(groupName(l1))),
		Level2:    groupName(l2),
		Name:      name,
		Target:    notation.ParseValueIn(opPrefix(cells.text(iOp), target)+strings.TrimSpace(target), unit),
		Actual:    notation.ParseValueIn(cells.text(iActual), unit),
		Unit:      unit,
		Standard:  cells.text(iStandard),
		Weight:    notation.ParseFigure(cells.text(iWeight)),
		Score:     notation.ParseFigure(cells.text(iScore)),
		Deviation: cells.text(iDeviation),
	}
	switch t := jixiao.ValueType(strings.TrimSpace(cells.text(iValueType))); t {
	case jixiao.Quantitative, jixiao.Qualitative:
		in.Type = t
	}
	at := 0
	for _, k := range indicatorColumns {
		n := plen + 1 + len(icolNames[k])
		if c := cells[k]; c != nil {
			x.prov(keys[at:at+n], c.Pos)
		}
		at += n
	}
	x.ev.Indicators = append(x.ev.Indicators, in)
}

// indicatorColumns are the columns whose position an indicator records.
var indicatorColumns = []icol{iL1, iL2, iL3, iTarget, iActual, iStandard, iWeight, iScore, iDeviation}

// indicatorKeys returns the provenance keys of indicator i, one after the
// other in the order of indicatorColumns, and the length of its path
// ("indicators[3]"), which the string starts with. They are the same in
// every document: those of the first indicators are made once.
func indicatorKeys(i int) (string, int) {
	if i < commonIndicators {
		k := commonIndicatorKeys()[i]
		return k.all, k.plen
	}
	return makeIndicatorKeys(i)
}

// commonIndicators is how many indicators' keys are kept: more than
// nearly every 自评表 has.
const commonIndicators = 64

var commonIndicatorKeys = sync.OnceValue(func() *[commonIndicators]struct {
	all  string
	plen int
} {
	keys := new([commonIndicators]struct {
		all  string
		plen int
	})
	for i := range keys {
		keys[i].all, keys[i].plen = makeIndicatorKeys(i)
	}
	return keys
})

func makeIndicatorKeys(i int) (string, int) {
	var buf [512]byte
	b := strconv.AppendInt(append(buf[:0], "indicators["...), int64(i), 10)
	b = append(b, ']')
	plen := len(b)
	for j, k := range indicatorColumns {
		if j > 0 {
			b = append(b, b[:plen]...)
		}
		b = append(append(b, '.'), icolNames[k]...)
	}
	return string(b), plen
}

func countOrigin(r grow) int {
	n := 0
	for _, c := range r.cells {
		if c.origin {
			n++
		}
	}
	return n
}

// columnCells are the cells of an indicator row by column, nil where the
// row has none.
type columnCells [nIcol]*cellInfo

func (cc *columnCells) text(k icol) string {
	if c := cc[k]; c != nil {
		return c.Text
	}
	return ""
}

// setIndicatorHeader takes r as the indicator block's header: its columns
// by key, and the keys after the 三级 name in the order of their columns.
func (x *extractor) setIndicatorHeader(r grow) {
	x.indHdr, x.indW = headerCols(r, indicatorLabels, x.indHdr[:0]), len(r.cells)
	x.indSpan, x.indFresh = x.indSpan[:0], true
	for _, c := range r.cells {
		x.indSpan = append(x.indSpan, c.Cell != nil && c.ColSpan > 1)
	}
	x.indexIndicatorHeader()
}

// indexIndicatorHeader sets the header's columns by key, and the keys
// after the 三级 name in the order of their columns.
func (x *extractor) indexIndicatorHeader() {
	for k := range x.indAt {
		x.indAt[k] = -1
	}
	for _, h := range x.indHdr {
		x.indAt[icolOf(h.key)] = h.col
	}
	l3 := x.indAt[iL3]
	x.indAfter = x.indAfter[:0]
	for _, h := range x.indHdr {
		if h.col > l3 {
			x.indAfter = append(x.indAfter, icolOf(h.key))
		}
	}
}

// alignIndicator maps a row's cells to the header's columns: by position
// when the row is as wide as the header, else by pattern (group names,
// then the 三级 name, then the remaining columns in header order).
func (x *extractor) alignIndicator(r grow) (columnCells, bool) {
	var out columnCells
	if len(r.cells) == x.indW {
		for k, col := range x.indAt {
			if col < 0 {
				continue
			}
			get := r.origin
			if icol(k) == iL1 || icol(k) == iL2 {
				get = r.at
			}
			if c, ok := get(col); ok {
				out[k] = c.cellInfo
			}
		}
		return out, false
	}
	cells := x.infoBuf[:0]
	for _, c := range r.cells {
		if c.origin || c.vcarry {
			cells = append(cells, c.cellInfo)
		}
	}
	x.infoBuf = cells
	nameAt := -1
	for i, c := range cells {
		n := c.norm
		switch {
		case c.Text == "" || isValueText(c.Text):
		case isLevel1(n) && out.text(iL1) == "" && nameAt < 0:
			out[iL1] = c
		case level2Names[n] && out.text(iL2) == "" && nameAt < 0:
			out[iL2] = c
		case n == "绩效指标":
		default:
			if nameAt < 0 {
				nameAt = i
			}
		}
		if nameAt >= 0 {
			break
		}
	}
	if nameAt < 0 {
		return out, true
	}
	out[iL3] = cells[nameAt]
	for k, c := range cells[nameAt+1:] {
		if k < len(x.indAfter) {
			out[x.indAfter[k]] = c
		}
	}
	return out, true
}

// opWords are the 指标性质 entries that are a direction, as Sichuan and
// Yunnan tables write them in their own column.
var opWords = map[string]bool{
	"=": true, "≥": true, ">": true, "≤": true, "<": true, ">=": true, "<=": true,
	"﹦": true, "＝": true, "≧": true, "≦": true, // (the small and full-width forms a 繁體 conversion leaves)
	"大于等于": true, "小于等于": true, "等于": true, "大于": true, "小于": true,
	"不低于": true, "不高于": true, "不少于": true, "不超过": true,
}

// opPrefix returns the direction to put before a target read from a
// separate 指标性质 column, unless the target already carries one.
func opPrefix(op, target string) string {
	o := strings.TrimSpace(op)
	if !opWords[cjk.Fold(o)] || strings.TrimSpace(target) == "" {
		return ""
	}
	if notation.ParseValue(target).Op != jixiao.OpNone {
		return ""
	}
	return o
}

// measureUnit is a 度量单位 cell as the indicator keeps it: "%" for "％"
// or "百分比", "" for a dash, else the cell's text.
func measureUnit(c string) string {
	if u := notation.MeasureUnit(c); u != "" {
		return u
	}
	if c = strings.TrimSpace(c); emptyMark(c) {
		return ""
	}
	return c
}

// levelName is a 一级 or 二级 name without the weight a template writes
// into it: "产出指标(50分)", "效益指标（30分）".
func levelName(s string) string {
	t := strings.TrimSpace(s)
	if m := lostParen.FindStringIndex(t); m != nil && m[0] > 0 && level1Names[t[:m[0]]] {
		return t[:m[0]] // "效益指标30分)": the copy lost the opening bracket
	}
	if m := levelWeight.FindStringIndex(t); m != nil && m[0] > 0 {
		return strings.TrimSpace(t[:m[0]])
	}
	return t
}

var lostParen = regexp.MustCompile(`\d+(\.\d+)?\s*分?\s*[)）]$`)

// renameLevel2 gives the rows read under the 二级 name from the name to.
func (x *extractor) renameLevel2(from, to string) {
	for i := len(x.ev.Indicators) - 1; i >= 0 && strings.TrimSpace(x.ev.Indicators[i].Level2) == strings.TrimSpace(from); i-- {
		x.ev.Indicators[i].Level2 = to
	}
}

var levelWeight = regexp.MustCompile(`[(（]\s*\d+(\.\d+)?\s*分?\s*[)）]$`)

func isLevel1(n string) bool { _, ok := level1Label(n); return ok }

// level1Name is a 一级 name as the template spells it, when OCR or a
// vertical cell put its characters out of order ("出标产指").
func level1Name(s string) string {
	n := normLabel(s)
	if level1Names[n] {
		return s // (as written: a 繁體 name stays so)
	}
	if l, ok := scrambledIn(n, level1Scrambles); ok {
		return l
	}
	return s
}
