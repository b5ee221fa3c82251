package extract

import (
	"strconv"
	"strings"

	"jixiao"
)

// indicatorRow reads one row of the indicator block against its header.
func (x *extractor) indicatorRow(r grow) {
	cells, guessed := x.alignIndicator(r)
	text := func(key string) string { c, _ := cells.get(key); return c.text }
	l1, l2, name := text(colL1), text(colL2), strings.TrimSpace(text(colL3))
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
		x.lastL2 = l2
	} else {
		l2 = x.lastL2
	}
	hasValues := false
	for _, key := range []string{colTarget, colActual, colWeight, colScore} {
		if text(key) != "" {
			hasValues = true
		}
	}
	if name == "" && !hasValues {
		return // a row naming only its 一级 or 二级 group
	}
	i := len(x.ev.Indicators)
	path := "indicators[" + strconv.Itoa(i) + "]"
	if guessed {
		x.note(path, r.pos, "该指标行有 %d 个单元格，表头有 %d 个，按“指标名称、指标值……”的顺序推定各栏，可能有误", countOrigin(r), x.indW)
	}
	if name == "" {
		x.note(path, r.pos, "三级指标名称为空")
	}
	unit := text(colUnit)
	in := jixiao.Indicator{
		Level1:    strings.TrimSpace(l1),
		Level2:    strings.TrimSpace(l2),
		Name:      name,
		Target:    jixiao.ParseValue(opPrefix(text(colOp), text(colTarget)) + withUnit(text(colTarget), unit)),
		Actual:    jixiao.ParseValue(withUnit(text(colActual), unit)),
		Standard:  text(colStandard),
		Weight:    jixiao.ParseFigure(text(colWeight)),
		Score:     jixiao.ParseFigure(text(colScore)),
		Deviation: text(colDeviation),
	}
	switch t := jixiao.ValueType(strings.TrimSpace(text(colValueType))); t {
	case jixiao.Quantitative, jixiao.Qualitative:
		in.Type = t
	}
	// The row's provenance keys (indicators[3].三级指标 …) are cut from
	// one string: one allocation for the row instead of one per column.
	var keys strings.Builder
	keys.Grow(len(indicatorColumns)*(len(path)+1) + indicatorColumnBytes)
	for _, key := range indicatorColumns {
		keys.WriteString(path)
		keys.WriteByte('.')
		keys.WriteString(key)
	}
	all, at := keys.String(), 0
	for _, key := range indicatorColumns {
		n := len(path) + 1 + len(key)
		if c, ok := cells.get(key); ok {
			x.prov(all[at:at+n], c.pos)
		}
		at += n
	}
	x.ev.Indicators = append(x.ev.Indicators, in)
}

// indicatorColumns are the columns whose position an indicator records.
var indicatorColumns = []string{colL1, colL2, colL3, colTarget, colActual, colStandard, colWeight, colScore, colDeviation}

var indicatorColumnBytes = func() int {
	n := 0
	for _, k := range indicatorColumns {
		n += len(k)
	}
	return n
}()

func countOrigin(r grow) int {
	n := 0
	for _, c := range r.cells {
		if c.origin {
			n++
		}
	}
	return n
}

// columnCells are the cells of an indicator row by column key: a dozen at
// most, looked up by a linear search instead of a map made for each row.
type columnCells struct {
	keys  []string
	cells []gcell
}

func (cc *columnCells) get(key string) (gcell, bool) {
	for i, k := range cc.keys {
		if k == key {
			return cc.cells[i], true
		}
	}
	return gcell{}, false
}

func (cc *columnCells) set(key string, c gcell) {
	for i, k := range cc.keys {
		if k == key {
			cc.cells[i] = c
			return
		}
	}
	cc.keys = append(cc.keys, key)
	cc.cells = append(cc.cells, c)
}

// alignIndicator maps a row's cells to the header's columns: by position
// when the row is as wide as the header, else by pattern (group names,
// then the 三级 name, then the remaining columns in header order).
func (x *extractor) alignIndicator(r grow) (columnCells, bool) {
	out := columnCells{keys: make([]string, 0, len(x.indHdr)), cells: make([]gcell, 0, len(x.indHdr))}
	if len(r.cells) == x.indW {
		for key, col := range x.indHdr {
			get := r.origin
			if key == colL1 || key == colL2 {
				get = r.at
			}
			if c, ok := get(col); ok {
				out.set(key, c)
			}
		}
		return out, false
	}
	var cells []gcell
	for _, c := range r.cells {
		if c.origin || c.vcarry {
			cells = append(cells, c)
		}
	}
	text := func(key string) string { c, _ := out.get(key); return c.text }
	nameAt := -1
	for i, c := range cells {
		n := c.norm
		switch {
		case c.text == "" || isValueText(c.text):
		case level1Names[n] && text(colL1) == "" && nameAt < 0:
			out.set(colL1, c)
		case level2Names[n] && text(colL2) == "" && nameAt < 0:
			out.set(colL2, c)
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
	out.set(colL3, cells[nameAt])
	l3 := x.indHdr[colL3]
	var after []string
	for _, key := range sortedCols(x.indHdr) {
		if x.indHdr[key] > l3 {
			after = append(after, key)
		}
	}
	for k, c := range cells[nameAt+1:] {
		if k < len(after) {
			out.set(after[k], c)
		}
	}
	return out, true
}

// opWords are the 指标性质 entries that are a direction, as Sichuan and
// Yunnan tables write them in their own column.
var opWords = map[string]bool{
	"=": true, "≥": true, ">": true, "≤": true, "<": true, ">=": true, "<=": true,
	"大于等于": true, "小于等于": true, "等于": true, "大于": true, "小于": true,
	"不低于": true, "不高于": true, "不少于": true, "不超过": true,
}

// opPrefix returns the direction to put before a target read from a
// separate 指标性质 column, unless the target already carries one.
func opPrefix(op, target string) string {
	o := strings.TrimSpace(op)
	if !opWords[jixiao.Fold(o)] || strings.TrimSpace(target) == "" {
		return ""
	}
	if jixiao.ParseValue(target).Op != jixiao.OpNone {
		return ""
	}
	return o
}

// withUnit appends a 度量单位 column's unit to a bare number.
func withUnit(v, unit string) string {
	v, unit = strings.TrimSpace(v), strings.TrimSpace(unit)
	if v == "" || unit == "" || strings.HasSuffix(v, unit) {
		return v
	}
	if pv := jixiao.ParseValue(v); pv.Type != jixiao.Quantitative || pv.Unit != "" || pv.Percent {
		return v
	}
	return v + unit
}
