package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"jixiao/notation"

	"github.com/shopspring/decimal"

	"jixiao"
)

// maxGluedRun bounds the run of figures deglue splits, and maxSplitSteps
// the cuts it tries: past either, the run is left unread rather than
// searched at length.
const (
	maxGluedRun   = 64
	maxSplitSteps = 20000
)

var hundred = decimal.NewFromInt(100)

// gluedUnits are the units a figure run together with the next cell may
// end in: after a number, one of these ends the figure.
var gluedUnits = []string{
	"平方米", "立方米", "平方公里", "公里", "千米", "厘米", "毫米", "万元", "亿元", "元/户", "元/人", "元", "万人", "人次", "人", "户",
	"次", "篇", "份", "个", "天", "亩", "吨", "台", "套", "项", "处", "座", "家", "所", "小时", "年", "月", "期", "场",
	"批", "件", "辆", "条", "本", "册", "名", "米", "分", "km", "kg",
}

func isOpRune(r rune) bool {
	switch r {
	case '≥', '≤', '>', '<', '=', '＞', '＜', '＝', '≧', '≦', '﹦':
		return true
	}
	return false
}

// numberEnds are the byte ends of the plain numbers s starts with: no
// leading zero but in 0 and 0.x, at most places decimals (-1: any).
func numberEnds(s string, places int) []int {
	var out []int
	if s == "" || !isDigit(s[0]) {
		return nil
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		if s[0] != '0' || i == 1 {
			out = append(out, i)
		}
	}
	if s[0] == '0' && i > 1 {
		out = out[:1] // "0" only: "01" is no figure
		i = 1
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) && (places < 0 || j-i <= places) {
			j++
			out = append(out, j)
		}
	}
	return out
}

// figureRun is the run of figure bytes (digits, '.', '%') at the start of s.
func figureRun(s string) string {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == '.' || s[i] == '%') {
		i++
	}
	return s[:i]
}

// cutRun returns every way to cut run into len(ok) cells, the i-th cell
// accepted by ok[i]; it stops at limit ways or when the search grows past
// maxSplitSteps (then too reports false).
func cutRun(run string, ok []func(string) bool, limit int) ([][]string, bool) {
	var out [][]string
	steps := 0
	cur := make([]string, 0, len(ok))
	var walk func(rest string) bool
	walk = func(rest string) bool {
		steps++
		if steps > maxSplitSteps {
			return false
		}
		k := len(cur)
		if k == len(ok) {
			if rest == "" {
				out = append(out, append([]string(nil), cur...))
			}
			return len(out) < limit
		}
		for n := 1; n <= len(rest); n++ {
			c := rest[:n]
			if !ok[k](c) {
				continue
			}
			cur = append(cur, c)
			more := walk(rest[n:])
			cur = cur[:k]
			if !more {
				return false
			}
		}
		return true
	}
	done := walk(run)
	return out, done || len(out) >= limit
}

// plainNumber reports a figure of at most places decimals, written as a
// figure is (no leading zero), no greater than max when max is positive.
func plainNumber(c string, places int, max decimal.Decimal) bool {
	ends := numberEnds(c, places)
	if len(ends) == 0 || ends[len(ends)-1] != len(c) || strings.HasSuffix(c, ".") {
		return false
	}
	v, err := decimal.NewFromString(c)
	return err == nil && (!max.IsPositive() || v.Cmp(max) <= 0)
}

// percentFigure reports a figure ending in its percent sign.
func percentFigure(c string) bool {
	n, ok := strings.CutSuffix(c, "%")
	return ok && plainNumber(n, -1, decimal.Zero)
}

// budgetFigures splits the run of figures after a budget row's label into
// the header's columns. The total row fills every column and must agree
// with itself (执行率 = 执行数 / 预算数, 得分 = 分值 × 执行率); a 其中 row fills
// the first amount columns, each at most the total's.
func (d *degluer) budgetFigures(p int, total bool) int {
	run := figureRun(d.s[p:])
	if run == "" || len(d.budCols) == 0 {
		return p
	}
	end := p + len(run)
	if len(run) > maxGluedRun {
		d.marks(len(d.budCols), p)
		return end
	}
	okFor := func(k vkind) func(string) bool {
		switch k {
		case vAmount:
			return func(c string) bool { return plainNumber(c, 2, decimal.Zero) }
		case vWeight:
			return func(c string) bool { return plainNumber(c, 2, hundred) }
		case vScore:
			return func(c string) bool { return plainNumber(c, 2, hundred) }
		case vRate:
			return percentFigure
		}
		return func(string) bool { return false }
	}
	if total {
		// every column filled; failing that, the amounts lost at the
		// row's start (OCR that kept only 执行率, 分值 and 得分): the
		// figures are the last columns', the lost ones unread
		// (all of them: a run that holds some amounts is read whole or
		// not at all, lest a wrong 执行率 be read away)
		amounts := 0
		for amounts < len(d.budCols) && d.budCols[amounts] == vAmount {
			amounts++
		}
		var good [][]string
		lost := 0
		for _, try := range [...]int{0, amounts} {
			if try == len(d.budCols) || try > 0 && (len(good) > 0 || amounts == 0) {
				break
			}
			lost = try
			cols := d.budCols[lost:]
			oks := make([]func(string) bool, len(cols))
			for i, k := range cols {
				oks[i] = okFor(k)
			}
			ways, _ := cutRun(run, oks, 64)
			for _, w := range ways {
				if budgetAgrees(d.budCanon[lost:], w) {
					good = append(good, w)
				}
			}
		}
		if len(good) != 1 {
			d.marks(len(d.budCols), p)
			return end
		}
		d.total = d.total[:0]
		d.cut++
		d.marks(lost, p)
		for range lost {
			d.total = append(d.total, jixiao.Figure{})
		}
		for i, c := range good[0] {
			d.cell(c, p)
			p += len(c)
			d.total = append(d.total, notation.ParseFigure(good[0][i]))
		}
		return end
	}
	if rc := slices.Index(d.budCols, vRate); rc > 0 && percentFigure(run) {
		// a 其中 row of its 执行率 alone (its amounts lost with the cells'
		// bounds): the amounts are not read, the rate is
		d.cut++
		d.marks(rc, p)
		d.cell(run, p)
		return end
	}
	// a 其中 row: the amounts, as many as it has
	var good [][]string
	for k := 1; k <= len(d.budCols) && d.budCols[k-1] == vAmount; k++ {
		oks := make([]func(string) bool, k)
		for i := range k {
			i := i
			oks[i] = func(c string) bool {
				if !plainNumber(c, 2, decimal.Zero) {
					return false
				}
				if i < len(d.total) && d.total[i].Valid {
					v, _ := decimal.NewFromString(c)
					return v.Cmp(d.total[i].Value) <= 0
				}
				return true
			}
		}
		ways, complete := cutRun(run, oks, 2)
		if !complete {
			good = append(good, nil, nil)
			break
		}
		good = append(good, ways...)
	}
	if len(good) != 1 {
		d.marks(1, p)
		return end
	}
	d.cut++
	for _, c := range good[0] {
		d.cell(c, p)
		p += len(c)
	}
	return end
}

// budgetAgrees checks a cut of the total row against its own arithmetic.
func budgetAgrees(canon, w []string) bool {
	var full, exec, weight, rate, score *jixiao.Figure
	figs := make([]jixiao.Figure, len(w))
	for i, c := range w {
		figs[i] = notation.ParseFigure(c)
		f := &figs[i]
		switch canon[i] {
		case colFullYear:
			full = f
		case colInitial:
			if full == nil {
				full = f
			}
		case colExecuted:
			exec = f
		case colWeight:
			weight = f
		case colRate:
			rate = f
		case colScore:
			score = f
		}
	}
	if rate != nil && full != nil && exec != nil {
		if full.Value.IsZero() {
			return false
		}
		got := exec.Value.Div(full.Value).Shift(2)
		if !within(got, rate.Value) {
			return false
		}
	}
	if weight != nil && score != nil {
		if score.Value.Cmp(weight.Value) > 0 {
			return false
		}
		if rate != nil {
			r := rate.Value.Shift(-2)
			if r.Cmp(decimal.NewFromInt(1)) > 0 {
				r = decimal.NewFromInt(1)
			}
			if !within(weight.Value.Mul(r), score.Value) {
				return false
			}
		}
	}
	return true
}

// within reports a computed value that rounds to the stated one at the
// stated one's places (half a unit of its last place either side).
func within(computed, stated decimal.Decimal) bool {
	places := -stated.Exponent()
	if places < 0 {
		places = 0
	}
	half := decimal.New(5, -places-1)
	return computed.Sub(stated).Abs().Cmp(half) <= 0
}

// totalFigures splits the 总分 row's run: its 分值 sum and its 得分, as the
// indicator header has them, each at most 100, the score at most the sum.
func (d *degluer) totalFigures(p int) int {
	run := figureRun(d.s[p:])
	if run == "" {
		return p
	}
	end := p + len(run)
	if len(run) > maxGluedRun {
		d.marks(1, p)
		return end
	}
	pts := func(c string) bool { return plainNumber(c, 2, hundred) }
	var good [][]string
	for k := 1; k <= 2; k++ {
		oks := []func(string) bool{pts, pts}[:k]
		ways, _ := cutRun(run, oks, 4)
		for _, w := range ways {
			if k == 2 && notation.ParseFigure(w[1]).Value.Cmp(notation.ParseFigure(w[0]).Value) > 0 {
				continue
			}
			good = append(good, w)
		}
	}
	if len(good) != 1 {
		d.marks(1, p)
		return end
	}
	for _, c := range good[0] {
		d.cell(c, p)
		p += len(c)
	}
	return end
}

// marks puts n unread marks in the open row.
func (d *degluer) marks(n, p int) {
	for range n {
		d.cell(unreadMark, p)
	}
}

// indicatorRow reads one 三级 row from p: its name (the words up to the
// first figure), then a value for each column of the header up to 得分,
// cut so that each is a figure of its column's kind, the score at most
// the weight, the weight at most its group's. The row ends where a name,
// a group name or 总分 begins.
func (d *degluer) indicatorRow(p int) int {
	s := d.s
	q := p
	for q < len(s) {
		r, n := utf8.DecodeRuneInString(s[q:])
		if isDigit(s[q]) || isOpRune(r) || s[q] == '%' {
			break
		}
		if q > p {
			if l, _, ok := d.labelAt(q); ok && (l.role == gLevel || l.role == gTotal || l.role == gNote) {
				break
			}
		}
		q += n
	}
	name := strings.TrimSpace(s[p:q])
	kinds := d.rowKinds()
	if len(d.row) > 0 && !d.rowOnlyLevels() {
		d.endRow()
	}
	if name != "" {
		d.cell(name, p)
	}
	if q >= len(s) || len(kinds) == 0 {
		return q
	}
	if l, _, ok := d.labelAt(q); ok && (l.role == gLevel || l.role == gTotal || l.role == gNote) {
		d.endRow() // a name with no figures: a group of its own, or a cut row
		return q
	}
	cells, end, ok := d.cutValues(q, kinds)
	if !ok && name != "" {
		if cuts, end, nameLen, ok := d.wordTarget(p, q, kinds); ok {
			d.cut++
			nc := &d.row[len(d.row)-1]
			nc.text = strings.TrimSpace(s[p : p+nameLen])
			d.row = append(d.row, cuts...)
			d.endRow()
			return end
		}
	}
	if !ok {
		d.marks(len(kinds), q)
		d.endRow()
		return skipFigures(s, q)
	}
	d.cut++
	cuts := make([]gcut, len(cells))
	off := q
	for i, c := range cells {
		cuts[i] = gcut{c, off}
		off += len(c)
	}
	if name != "" {
		nc := &d.row[len(d.row)-1]
		nc.text = wordsOutOfName(nc, kinds, cuts)
	}
	d.row = append(d.row, cuts...)
	d.endRow()
	return end
}

// wordsOutOfName takes back out of a row's name (the words up to its first
// figure) the cells of words run into it, when the row's own cells for
// them came out empty: a target and actual written alike after it
// ("资金使用合规性好好": 好, 好), a 指标性质 ("管理制度健全性性标定指", OCR's
// 定性指标), a 计量单位 its figures carry ("党性教育培训次数次" before
// "26次"); and the 绩效指标 label of the merged first column before it.
// It returns the name left.
func wordsOutOfName(nc *gcut, kinds []vkind, cuts []gcut) string {
	name := strings.TrimPrefix(nc.text, "绩效指标")
	base := nc.off + len(nc.text) - len(name)
	nc.off = base
	at := func(k vkind, nth int) *gcut {
		for i, kk := range kinds {
			if kk == k {
				if nth == 0 {
					return &cuts[i]
				}
				nth--
			}
		}
		return nil
	}
	t, a := at(vValue, 0), at(vValue, 1)
	if t != nil && a != nil && t.text == "" && a.text == "" {
		if w, ok := doubledTail(name); ok {
			name = name[:len(name)-2*len(w)]
			*t, *a = gcut{w, base + len(name)}, gcut{w, base + len(name) + len(w)}
		}
	}
	if op := at(vText, 0); op != nil && op.text == "" {
		for _, n := range [...]int{4, 5} { // 定性指标 and a character twice
			if w := lastRunes(name, n); w != "" && w != name && natureWord(w) {
				name = name[:len(name)-len(w)]
				*op = gcut{w, base + len(name)}
				break
			}
		}
	}
	if u := at(vUnit, 0); u != nil && u.text == "" && t != nil && t.text != "" && isDigit(t.text[0]) {
		// the unit run into the name, a word of the target after it
		// ("组织宣传活动次数次到" before "0次": 次, then 到0次)
		for _, unit := range gluedUnits {
			i := strings.LastIndex(name, unit)
			w := ""
			if i > 0 {
				w = name[i+len(unit):]
			}
			if n := utf8.RuneCountInString(w); n < 1 || n > 2 || !hasHan(w) || unitAt(w) > 0 || !strings.HasSuffix(t.text, unit) ||
				base+len(name) != t.off || a == nil || !strings.HasSuffix(a.text, unit) {
				continue
			}
			name = name[:i]
			*u = gcut{unit, base + i}
			*t = gcut{w + t.text, base + i + len(unit)}
			return name
		}
	}
	if u := at(vUnit, 0); u != nil && u.text == "" && t != nil && t.text != "" {
		for _, unit := range gluedUnits {
			if strings.HasSuffix(name, unit) && len(name) > len(unit) && strings.HasSuffix(t.text, unit) && isDigit(t.text[0]) {
				name = name[:len(name)-len(unit)]
				*u = gcut{unit, base + len(name)}
				break
			}
		}
	}
	return name
}

// doubledTail is the words a name ends with twice ("好好" → 好), of one
// to four characters.
func doubledTail(name string) (string, bool) {
	for n := 4; n >= 1; n-- {
		w := lastRunes(name, n)
		if w == "" || len(name) < 2*len(w) || len(name) == 2*len(w) {
			continue
		}
		if strings.HasSuffix(name[:len(name)-len(w)], w) {
			return w, true
		}
	}
	return "", false
}

// lastRunes is the last n characters of s, "" when it has fewer.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if n > 0 {
		return ""
	}
	return s[i:]
}

// rowKinds are the kinds of the indicator header's columns after the name
// up to its last figure column: trailing columns of words are left out
// (a run-together row cannot tell them from the next row's name).
func (d *degluer) rowKinds() []vkind {
	k := d.indCols
	for len(k) > 0 && (k[len(k)-1] == vText || k[len(k)-1] == vNone) {
		k = k[:len(k)-1]
	}
	return k
}

// skipFigures passes the figures at q and the units glued to them.
func skipFigures(s string, q int) int {
	for q < len(s) {
		r, n := utf8.DecodeRuneInString(s[q:])
		switch {
		case isDigit(s[q]) || s[q] == '.' || s[q] == '%' || isOpRune(r):
			q += n
		case q > 0 && isDigit(s[q-1]) && unitAt(s[q:]) > 0:
			q += unitAt(s[q:])
		default:
			return q
		}
	}
	return q
}

// unitAt is the length of the unit s starts with, 0 if none.
func unitAt(s string) int {
	for _, u := range gluedUnits {
		if strings.HasPrefix(s, u) {
			return len(u)
		}
	}
	return 0
}

// cutValues cuts the row's values from q: every cutting whose cells each
// fit their column and whose end is a row's end; exactly one must remain.
func (d *degluer) cutValues(q int, kinds []vkind) ([]string, int, bool) {
	s := d.s
	type way struct {
		cells []string
		end   int
	}
	var ways []way
	steps := 0
	cur := make([]string, 0, len(kinds))
	var weight decimal.Decimal
	// the target and actual are both filled or, in a table whose values
	// may be left empty (one with an 调整指标值 column), both empty
	emptyValues := slices.Contains(kinds, vAdjust)
	values := 0 // 0 undecided, 1 filled, 2 empty
	var walk func(p, k int) bool
	walk = func(p, k int) bool {
		steps++
		if steps > maxSplitSteps || len(ways) > 1 {
			return false
		}
		if k == len(kinds) {
			if d.rowEnd(p) && coefAgrees(kinds, cur) {
				ways = append(ways, way{append([]string(nil), cur...), p})
			}
			return len(ways) <= 1
		}
		kind := kinds[k]
		if kind == vAdjust && values != 1 {
			// an adjusted target only where there is a target
			cur = append(cur, "")
			more := walk(p, k+1)
			cur = cur[:k]
			return more
		}
		if optional(kind) || kind == vValue && emptyValues && values != 1 {
			prev := values
			if kind == vValue {
				values = 2
			}
			cur = append(cur, "")
			more := walk(p, k+1)
			cur, values = cur[:k], prev
			if !more {
				return false
			}
		}
		if kind == vValue && values == 2 {
			return true
		}
		prevValues := values
		if kind == vValue {
			values = 1
		}
		defer func() { values = prevValues }()
		for _, e := range d.valueEnds(p, kinds[k], k+1 < len(kinds) && kinds[k+1] == vValue, weight) {
			c := s[p:e]
			if (kind == vValue || kind == vAdjust) && (!inUnit(c, unitOf(kinds, cur)) || !alike(c, kinds, cur) || natureWord(c)) {
				continue
			}
			if kinds[k] == vScore && weight.IsPositive() {
				if v, err := decimal.NewFromString(c); err != nil || v.Cmp(weight) > 0 {
					continue
				}
			}
			prev := weight
			if kinds[k] == vWeight {
				weight, _ = decimal.NewFromString(c)
			}
			cur = append(cur, c)
			more := walk(e, k+1)
			cur = cur[:k]
			weight = prev
			if !more {
				return false
			}
		}
		return true
	}
	walk(q, 0)
	if len(ways) != 1 || steps > maxSplitSteps {
		return nil, 0, false
	}
	return ways[0].cells, ways[0].end, true
}

// rowEnd reports a place a row may end: the line's end, a group name, 总分,
// or a word starting the next row's name.
func (d *degluer) rowEnd(p int) bool {
	if p >= len(d.s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(d.s[p:])
	if p > 0 && isDigit(d.s[p-1]) && unitAt(d.s[p:]) > 0 {
		return false // a unit after digits ends their figure, not the row
	}
	return !isDigit(d.s[p]) && d.s[p] != '.' && d.s[p] != '%' && !isOpRune(r)
}

// valueEnds are the ends of the cells of kind k that may start at p.
func (d *degluer) valueEnds(p int, k vkind, nextValue bool, weight decimal.Decimal) []int {
	s := d.s[p:]
	if s == "" {
		return nil
	}
	switch k {
	case vWeight:
		max := hundred
		if d.blockMax.IsPositive() {
			max = d.blockMax
		}
		return pointEnds(s, p, max)
	case vScore:
		return pointEnds(s, p, hundred)
	case vUnit:
		if s[0] == '%' {
			return []int{p + 1}
		}
		if n := unitAt(s); n > 0 {
			return []int{p + n}
		}
		return nil
	case vValue, vAdjust:
		return valueEnds(s, p, nextValue)
	case vCoef:
		if ends := numberEnds(s, -1); len(ends) > 0 {
			var out []int
			for _, e := range ends {
				if e < len(s) && s[e] == '%' {
					out = append(out, p+e+1)
				}
			}
			return out
		}
	case vYesNo:
		for _, w := range [...]string{"是", "否"} {
			if strings.HasPrefix(s, w) {
				return []int{p + len(w)}
			}
		}
	case vText:
		// words up to the next figure (指标性质: 定量指标)
		if e := wordsEnd(s); e > 0 && e <= maxWordCellBytes {
			return []int{p + e}
		}
	}
	return nil
}

// maxWordCellBytes bounds the words of a column of words cut out of a row.
const maxWordCellBytes = 24

// unitOf is the 计量单位 cut so far in a row, "" if none.
func unitOf(kinds []vkind, cur []string) string {
	for i, c := range cur {
		if kinds[i] == vUnit {
			return c
		}
	}
	return ""
}

// inUnit reports a value written in the row's 计量单位: a number then
// carries it (the "%" of "92%"), unless it is 0; words carry none. A
// number cut before its unit ("10" of "100%") is not one.
func inUnit(c, unit string) bool {
	if unit == "" || c == "0" || c == "" || !isDigit(c[len(c)-1]) && !strings.HasSuffix(c, "%") {
		return true
	}
	return strings.HasSuffix(c, unit)
}

// valueForm is how a value is written: "%" for a percentage, its unit
// for a number with one, "#" for a bare number, "" for words or a bare 0
// (which goes with any).
func valueForm(c string) string {
	if c == "" || c == "0" || !isDigit(c[len(c)-1]) && !strings.ContainsAny(c, "0123456789") {
		return ""
	}
	i := len(c)
	for i > 0 && !isDigit(c[i-1]) {
		i--
	}
	if i == len(c) {
		return "#"
	}
	return c[i:]
}

// alike reports a value written as the row's other values are: a target
// and its actual share their percent sign or unit ("10" then "0%" is
// "100%" cut in the wrong place).
func alike(c string, kinds []vkind, cur []string) bool {
	f := valueForm(c)
	if f == "" {
		return true
	}
	for i, o := range cur {
		if kinds[i] == vValue || kinds[i] == vAdjust {
			if g := valueForm(o); g != "" && g != f {
				return false
			}
		}
	}
	return true
}

// natureWord reports the words of a 指标性质 cell (定量指标, 定性指标, or
// their characters scrambled by OCR), which are no target.
func natureWord(c string) bool {
	if c == "定量指标" || c == "定性指标" {
		return true
	}
	_, ok := scrambledIn(c, natureScrambles)
	return ok
}

// coefAgrees checks a row's 得分系数 against its own arithmetic: 得分 =
// 指标权重 × 得分系数.
func coefAgrees(kinds []vkind, cur []string) bool {
	var coef, weight, score jixiao.Figure
	for i, k := range kinds {
		switch k {
		case vCoef:
			coef = notation.ParseFigure(cur[i])
		case vWeight:
			weight = notation.ParseFigure(cur[i])
		case vScore:
			score = notation.ParseFigure(cur[i])
		}
	}
	if !coef.Valid || !weight.Valid || !score.Valid {
		return true
	}
	return within(weight.Value.Mul(coef.Value).Shift(-2), score.Value)
}

// optional reports the kinds of a column a row may leave empty.
func optional(k vkind) bool { return k == vUnit || k == vText || k == vAdjust }

func pointEnds(s string, p int, max decimal.Decimal) []int {
	var out []int
	for _, e := range numberEnds(s, 2) {
		if e < len(s) && (s[e] == '%' || s[e] == '.') || unitAt(s[e:]) > 0 {
			continue // 分 and 得分 are bare points: the sign is the next figure's end
		}
		if plainNumber(s[:e], 2, max) {
			out = append(out, p+e)
		}
	}
	return out
}

// valueEnds are the ends of a target or actual at the start of s: an
// optional comparison sign, a number, then a percent sign, a unit or
// nothing; or words up to the next figure, or half of them when they are
// one phrase written twice (the target copied as the actual) and a value
// follows.
func valueEnds(s string, p int, nextValue bool) []int {
	i := 0
	if r, n := utf8.DecodeRuneInString(s); isOpRune(r) {
		i = n
	}
	if i < len(s) && isDigit(s[i]) {
		var out []int
		// a percent sign or a unit after the digits belongs to the figure
		for _, e := range numberEnds(s[i:], -1) {
			e += i
			switch n := unitAt(s[e:]); {
			case e < len(s) && s[e] == '%':
				out = append(out, p+e+1)
			case n > 0:
				out = append(out, p+e+n)
			default:
				out = append(out, p+e)
			}
		}
		return out
	}
	if i > 0 {
		return nil
	}
	// words
	e := wordsEnd(s)
	if e == 0 {
		return nil
	}
	w := s[:e]
	if h := len(w) / 2; nextValue && len(w)%2 == 0 && w[:h] == w[h:] && utf8.ValidString(w[:h]) {
		return []int{p + h}
	}
	return []int{p + e}
}

// wordsEnd is the byte length of the words s starts with, up to the first
// figure: a digit, a comparison sign or a percent sign.
func wordsEnd(s string) int {
	e := 0
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if isDigit(s[e]) || isOpRune(r) || s[e] == '%' {
			break
		}
		e += n
	}
	return e
}

// wordTarget reads a row whose target is words in the row's unit, run
// into its name after the unit cell ("制作宣传品数量份第O份" before
// "20份100%55否": 份, then the target 第O份, as OCR garbled it): the
// row's other cells are cut as usual after it, and the reading is taken
// when exactly one unit gives one and the actual is in that unit. It
// returns the row's cells from its unit on, where they end, and the
// length of the name left.
func (d *degluer) wordTarget(p, q int, kinds []vkind) ([]gcut, int, int, bool) {
	ti := slices.Index(kinds, vValue)
	if ti < 0 || slices.Index(kinds[:ti], vUnit) < 0 {
		return nil, 0, 0, false
	}
	name := d.s[p:q]
	var found []gcut
	var foundEnd, foundName, n int
	for _, u := range gluedUnits {
		if !strings.HasSuffix(name, u) {
			continue
		}
		i := strings.LastIndex(name[:len(name)-len(u)], u)
		if i <= 0 {
			continue
		}
		w := name[i+len(u):]
		if r := utf8.RuneCountInString(w); r < 2 || r > 4 || strings.ContainsAny(w, "0123456789") {
			continue
		}
		rest := kinds[ti+1:]
		cells, end, ok := d.cutValues(q, rest)
		ai := slices.Index(rest, vValue)
		if !ok || ai < 0 || !strings.HasSuffix(cells[ai], u) {
			continue
		}
		out := make([]gcut, 0, len(kinds))
		for _, k := range kinds[:ti] {
			switch k {
			case vUnit:
				out = append(out, gcut{u, p + i})
			default:
				out = append(out, gcut{"", p + i + len(u)})
			}
		}
		out = append(out, gcut{w, p + i + len(u)})
		off := q
		for _, c := range cells {
			out = append(out, gcut{c, off})
			off += len(c)
		}
		found, foundEnd, foundName, n = out, end, i, n+1
	}
	return found, foundEnd, foundName, n == 1
}
