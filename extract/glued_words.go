package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Some templates write a 一级 group's weight in a column of its own
// ("管理指标30预算编审管理…", 江西's 自评权重) and most of their targets
// and actuals in words: run together, a row is words, then its 分值 and
// 得分 glued ("…按规定执行44"), then its 偏差 words, then the next row.
// No row can be cut on its own (where do the words of one row end and the
// figures of the next begin?), but the group can: the glued pairs of its
// rows are the runs of digits that no unit, sign or point ties to a value,
// each split into a 分值 and an 得分 at most that 分值, and the 分值 must
// add up to the group's weight. wordGroup takes the one way to choose the
// pairs that does; with none, or more than one, the group is left to the
// row-by-row reading. Inside each row, only what its grammar fixes is
// read (a target and actual that are figures, or a figure then words);
// the rest stays unread, never guessed.

// maxGroupPairs bounds the candidate pairs of one group whose choices are
// searched.
const maxGroupPairs = 24

// pairRun is a run of digits in a group's text that may be a row's glued
// 分值 and 得分: the ways to split it, and whether it may also be a value
// (digits a unit follows: "43个别人" is 4 | 3 then words, or 43个).
type pairRun struct {
	from, to int
	splits   [][2]string
	optional bool
}

// gluedGroupWeight is the weight glued after a 一级 label at end ("30" of
// "管理指标30预算…"): digits with no point or percent sign, then words.
func gluedGroupWeight(s string, end int) (decimal.Decimal, int, bool) {
	q := end
	for q < len(s) && isDigit(s[q]) {
		q++
	}
	if q == end || q-end > 3 || q >= len(s) || s[end] == '0' {
		return decimal.Zero, end, false
	}
	if r, _ := utf8.DecodeRuneInString(s[q:]); r < utf8.RuneSelf {
		return decimal.Zero, end, false // a point, a percent sign or Latin: a figure, not a weight
	}
	if unitAt(s[q:]) > 0 {
		return decimal.Zero, end, false
	}
	w, err := decimal.NewFromString(s[end:q])
	if err != nil || w.Cmp(hundred) > 0 {
		return decimal.Zero, end, false
	}
	return w, q, true
}

// wordGroup reads the rows of a 一级 group from from (past its label, which
// is in the open row, and its weight), and returns where the group ends;
// false when the group cannot be read so and is left to the row reader.
func (d *degluer) wordGroup(from int, weight decimal.Decimal) (int, bool) {
	kinds := d.rowKinds()
	if len(kinds) != 4 || kinds[0] != vValue || kinds[1] != vValue || kinds[2] != vWeight || kinds[3] != vScore {
		return from, false
	}
	hasDev := len(d.indCols) > len(kinds)
	end := d.groupEnd(from)
	body := d.s[from:end]
	runs := pairRuns(body, weight)
	if len(runs) == 0 || len(runs) > maxGroupPairs {
		return from, false
	}
	choice, ok := choosePairs(runs, weight)
	if !ok || !weight.IsPositive() {
		return from, false
	}
	type row struct {
		seg      [2]int // the row's words, offsets in body
		w, score string
		at       int // where its pair starts
	}
	var rows []row
	prev := 0
	for i, k := range choice {
		if k < 0 {
			continue
		}
		r := runs[i]
		rows = append(rows, row{[2]int{prev, r.from}, r.splits[k][0], r.splits[k][1], r.from})
		prev = r.to
	}
	if len(rows) == 0 {
		return from, false
	}
	for _, r := range rows {
		if !hasHan(body[r.seg[0]:r.seg[1]]) {
			return from, false // a pair with no words before it: no row
		}
	}
	tail := strings.TrimSpace(body[prev:])
	if tail != "" && !hasDev {
		return from, false // words after the last row, with no column for them
	}
	// Each row's words start with the 偏差 words of the row before when
	// the header has a column for them: where they end is told only by
	// a label (a 二级 name) or a numbered name ("任务2:"), else not at all.
	lay := d.groupLayout()
	first := d.row // the group's label, and any 二级 label before it
	d.row = nil
	mgmt := len(first) > 0 && normLabel(first[0].text) == "管理指标"
	var out [][]gcut
	for i, r := range rows {
		seg := body[r.seg[0]:r.seg[1]]
		start, known := 0, true
		if hasDev && i > 0 {
			start, known = rowStart(seg, mgmt)
		}
		if i > 0 && known && start > 0 {
			out[i-1] = lay.put(out[i-1], lay.dev, gcut{strings.TrimSpace(seg[:start]), from + r.seg[0]}) // the row before's 偏差
		}
		words := seg[start:]
		off := from + r.seg[0] + start
		row := lay.row(off)
		if i == 0 {
			row = lay.levels(row, first, d.s[from-len(weightText(d.s, from)):from], from)
		}
		if lend, ok := level2At(words, mgmt); ok {
			row = lay.put(row, lay.l2, gcut{words[:lend], off})
			words, off = words[lend:], off+lend
		}
		c := splitWordRow(words)
		row = lay.put(row, lay.name, gcut{strings.TrimSpace(c.name), off})
		target, actual := gcut{unreadMark, off + len(c.name)}, gcut{unreadMark, off + len(c.name)}
		if c.t >= 0 {
			target = gcut{words[c.t:c.a], off + c.t}
		}
		if c.a >= 0 {
			actual = gcut{words[c.a:], off + c.a}
		}
		row = lay.put(row, lay.name+1, target)
		row = lay.put(row, lay.name+2, actual)
		row = lay.put(row, lay.name+3, gcut{r.w, from + r.at})
		row = lay.put(row, lay.name+4, gcut{r.score, from + r.at + len(r.w)})
		out = append(out, row)
		d.cut++
	}
	if tail != "" {
		out[len(out)-1] = lay.put(out[len(out)-1], lay.dev, gcut{tail, from + prev})
	}
	d.rows = append(d.rows, out...)
	return end, true
}

// weightText is the group weight's digits that end at p.
func weightText(s string, p int) string {
	i := p
	for i > 0 && isDigit(s[i-1]) {
		i--
	}
	return s[i:p]
}

// rowLayout places a group's cells under the indicator header's columns,
// so that each row is as wide as the header and each cell in its column
// (the 一级 and its weight in the first row only, the merged cells below
// them empty); without a header that names the 三级 column, the cells
// follow each other.
type rowLayout struct {
	width          int
	l1, weight, l2 int // -1 where the header has no such column
	name, dev      int
}

func (d *degluer) groupLayout() rowLayout {
	lay := rowLayout{l1: -1, weight: -1, l2: -1, name: -1, dev: -1}
	for i, c := range d.indHead {
		switch key, _ := headerKey(normLabel(c.text), indicatorLabels); {
		case key == colL1:
			lay.l1 = i
		case key == colL2:
			lay.l2 = i
		case key == colL3:
			lay.name = i
		case key == colDeviation:
			lay.dev = i
		case lay.l1 >= 0 && lay.weight < 0 && lay.l2 < 0 && lay.name < 0 && strings.HasSuffix(c.text, "权重"):
			lay.weight = i // 自评权重: the 一级's own weight
		}
	}
	if lay.name < 0 || lay.dev >= 0 && lay.dev != lay.name+5 {
		return rowLayout{l1: -1, weight: -1, l2: -1, name: -1, dev: -1}
	}
	lay.width = len(d.indHead)
	return lay
}

// row is an empty row of the header's width, its cells at off.
func (l rowLayout) row(off int) []gcut {
	if l.name < 0 {
		return nil
	}
	r := make([]gcut, l.width)
	for i := range r {
		r[i].off = off
	}
	return r
}

// put sets column col of row to c; without a layout, c follows the row's
// cells.
func (l rowLayout) put(row []gcut, col int, c gcut) []gcut {
	if l.name < 0 {
		return append(row, c)
	}
	if col < 0 || col >= len(row) {
		return row
	}
	row[col] = c
	return row
}

// levels puts the group's label cells (and its weight) in the first row.
func (l rowLayout) levels(row, labels []gcut, weight string, off int) []gcut {
	if l.name < 0 {
		return append(labels, row...)
	}
	for i, c := range labels {
		n := normLabel(c.text)
		switch {
		case i == 0 && l.l1 >= 0 && !level2Names[n]:
			row[l.l1] = c
		case l.l2 >= 0:
			row[l.l2] = c
		}
	}
	if l.weight >= 0 && weight != "" {
		row[l.weight] = gcut{weight, off - len(weight)}
	}
	return row
}

// groupEnd is where the group starting at p ends: at the next 一级 label,
// 总分, the note below the table, or the line's end.
func (d *degluer) groupEnd(p int) int {
	for q := p; q < len(d.s); {
		if l, end, ok := d.labelAt(q); ok {
			if l.role == gTotal || l.role == gNote || l.role == gLevel && level1Names[l.text] && !(level2Names[l.text] && d.level2Follows(q+len(l.text))) {
				return q
			}
			q = end // (效益指标 inside 经济效益指标 is no 一级 label)
			continue
		}
		if _, n, ok := scrambledLevel1At(d.s, q); ok && n > 0 {
			return q
		}
		_, n := utf8.DecodeRuneInString(d.s[q:])
		q += n
	}
	return len(d.s)
}

// level2Follows reports a 二级 name at p: the 一级 name before it (满意度指标)
// heads a group rather than naming one.
func (d *degluer) level2Follows(p int) bool {
	l, _, ok := d.labelAt(p)
	return ok && l.role == gLevel && level2Names[l.text]
}

// level2At is the length of the 二级 label words start with; in a
// 管理指标 group (mgmt), the template's 管理 names count too.
func level2At(words string, mgmt bool) (int, bool) {
	for _, l := range gluedLabels {
		if l.role == gLevel && level2Names[l.text] && !level1Names[l.text] && strings.HasPrefix(words, l.text) {
			return len(l.text), true
		}
	}
	if mgmt {
		for _, n := range managementLevel2 {
			if strings.HasPrefix(words, n) {
				return len(n), true
			}
		}
	}
	return 0, false
}

// managementLevel2 are the 二级 names of 江西's older 部门整体 template
// under 管理指标, longest first: they are no national 二级 names, and a
// 三级 name elsewhere may well be 资产管理, so they are anchors only at the
// start of a row of that group.
var managementLevel2 = [...]string{
	"部门结转结余资金管理", "预决算信息公开管理", "预算编审管理", "预算执行管理", "部门预算管理", "政府采购管理", "资产管理",
}

// scrambledLevel1At reports a 一级 label whose characters OCR or a
// vertical cell put out of order ("出标产指" for 产出指标) at p, followed
// by its glued weight, and the label's length.
func scrambledLevel1At(s string, p int) (string, int, bool) {
	for _, n := range [...]int{4, 5} {
		q, k := p, 0
		for k < n && q < len(s) {
			r, size := utf8.DecodeRuneInString(s[q:])
			if r < utf8.RuneSelf {
				break
			}
			q, k = q+size, k+1
		}
		if k < n {
			continue
		}
		if key, ok := scrambledIn(s[p:q], level1Scrambles); ok && s[p:q] != key {
			if _, _, ok := gluedGroupWeight(s, q); ok {
				return key, q - p, true
			}
		}
	}
	return "", 0, false
}

// pairRuns finds the runs of digits of a group's text that may be a row's
// glued 分值 and 得分.
func pairRuns(body string, max decimal.Decimal) []pairRun {
	var out []pairRun
	for i := 0; i < len(body); {
		if !isDigit(body[i]) {
			i++
			continue
		}
		j := i
		for j < len(body) && isDigit(body[j]) {
			j++
		}
		from, to := i, j
		i = j
		if to-from < 2 || from > 0 && (body[from-1] == '.' || isOpByte(body, from)) {
			continue
		}
		if to < len(body) && strings.IndexByte(".%:：", body[to]) >= 0 || strings.HasPrefix(body[to:], "：") {
			continue
		}
		splits := pairSplits(body[from:to], max)
		if len(splits) == 0 {
			continue
		}
		out = append(out, pairRun{from, to, splits, unitAt(body[to:]) > 0})
	}
	return out
}

// isOpByte reports a comparison sign right before byte p.
func isOpByte(s string, p int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	return isOpRune(r)
}

// pairSplits are the ways to split glued digits into a 分值 (positive, at
// most max) and an 得分 at most it.
func pairSplits(run string, max decimal.Decimal) [][2]string {
	var out [][2]string
	for k := 1; k < len(run); k++ {
		w, s := run[:k], run[k:]
		if !plainNumber(w, 0, max) || !plainNumber(s, 0, decimal.Zero) {
			continue
		}
		wv, _ := decimal.NewFromString(w)
		sv, _ := decimal.NewFromString(s)
		if wv.IsPositive() && sv.Cmp(wv) <= 0 {
			out = append(out, [2]string{w, s})
		}
	}
	return out
}

// choosePairs picks, for every run, one of its splits (or none, for an
// optional run) so that the 分值 add up to weight; it reports the choice
// when exactly one does.
func choosePairs(runs []pairRun, weight decimal.Decimal) ([]int, bool) {
	var found []int
	n, steps := 0, 0
	cur := make([]int, len(runs))
	var walk func(i int, sum decimal.Decimal)
	walk = func(i int, sum decimal.Decimal) {
		steps++
		if n > 1 || steps > maxSplitSteps || sum.Cmp(weight) > 0 {
			return
		}
		if i == len(runs) {
			if sum.Equal(weight) {
				n++
				found = append(found[:0], cur...)
			}
			return
		}
		if runs[i].optional {
			cur[i] = -1
			walk(i+1, sum)
		}
		for k, sp := range runs[i].splits {
			cur[i] = k
			w, _ := decimal.NewFromString(sp[0])
			walk(i+1, sum.Add(w))
		}
	}
	walk(0, decimal.Zero)
	return found, n == 1 && steps <= maxSplitSteps
}

// rowStart is where a row's own words start in words that may begin with
// the row before's 偏差 words: at a 二级 name or a numbered name
// ("任务2:"), or in a 管理指标 group (mgmt) a 管理 name, when one is
// there; known is false when none is.
func rowStart(words string, mgmt bool) (int, bool) {
	best := -1
	if mgmt {
		for _, n := range managementLevel2 {
			if i := strings.Index(words, n); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
	}
	for _, l := range gluedLabels {
		if l.role == gLevel && level2Names[l.text] {
			if i := strings.Index(words, l.text); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
	}
	if i := numberedName(words); i >= 0 && (best < 0 || i < best) {
		best = i
	}
	if best < 0 {
		return 0, false
	}
	return best, true
}

// numberedWords are the words a numbered name starts with ("任务1:").
var numberedWords = [...]string{"任务", "目标", "指标"}

// numberedName is where the first numbered name in words starts, -1 if
// none.
func numberedName(words string) int {
	best := -1
	for _, w := range numberedWords {
		for i := 0; i < len(words); {
			j := strings.Index(words[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			k := at + len(w)
			m := k
			for m < len(words) && isDigit(words[m]) {
				m++
			}
			if m > k && (strings.HasPrefix(words[m:], ":") || strings.HasPrefix(words[m:], "：")) {
				if best < 0 || at < best {
					best = at
				}
				break
			}
			i = k
		}
	}
	return best
}

// wordCut is how a row's words (its name, target and actual) were cut:
// offsets into the words, -1 where the cut is not known. The name is
// read when t >= 0 or nameOnly; the actual alone may be read (a >= 0, t <
// 0) when the figure before it ends the target but where the target starts
// is not known.
type wordCut struct {
	name     string
	t, a     int
	nameOnly bool // the name is read, the target and actual are not
}

// splitWordRow splits a row's words (its name, target and actual) where
// their grammar fixes the cut: two figures at the end ("…准确率95%以上97%"),
// or a figure then words ("…控制率100%按规定执行"), the name before them
// ending in no comparison word (in "利用率高于80%" the words before the
// figure may be the target's). A target may also start with the comparison
// words of its figure ("结余率小于5%", "业务收入超上年度增收27万元") where
// the name before them is plainly one (wordTargetStart). Where the name and
// target cannot be cut, the actual words after a figure ending the target
// are still read; with no cut known at all, the name is all the words.
func splitWordRow(words string) wordCut {
	none := wordCut{name: words, t: -1, a: -1}
	fig := lastFigure(words)
	if fig < 0 {
		// words only: the target may start with 按规定 after a plain name,
		// but where the target ends and the actual starts is not known
		if t := wordTargetStart(words, true); t > 0 {
			return wordCut{name: words[:t], t: -1, a: -1, nameOnly: true}
		}
		return none
	}
	fEnd := figureEnd(words, fig)
	var t, a int
	if fEnd == len(words) {
		// a figure ends the row: the actual; a figure before it, the target
		prev := lastFigure(words[:fig])
		if prev < 0 || figureEnd(words, prev) != fig {
			return changeActual(words, fig)
		}
		t, a = prev, fig
	} else {
		rest := words[fEnd:]
		if strings.ContainsAny(rest, "0123456789") {
			return none
		}
		t, a = fig, fEnd
	}
	name := words[:t]
	if !hasHan(name) || comparisonEnd(name) || nameFigure(name) {
		if fEnd < len(words) {
			// the figure ends the target, the words after it are the actual:
			// the target starts at its comparison words, or is not known
			if s := wordTargetStart(words[:fig], false); s > 0 {
				return wordCut{name: words[:s], t: s, a: a}
			}
			return wordCut{name: words[:a], t: -1, a: a}
		}
		return none
	}
	return wordCut{name: name, t: t, a: a}
}

// changeActual cuts a row whose words end in one figure with a change word
// before it ("…人次增加增372人次", "业务收入超上年度增收27万元"): a comparison
// word before a figure is the figure's own, so the actual is the change
// word and the figure; the words before it end in the target, which must
// start with comparison words after a plain name and hold no figure.
func changeActual(words string, fig int) wordCut {
	none := wordCut{name: words, t: -1, a: -1}
	w := comparisonSuffix(words[:fig])
	if w == 0 {
		return none
	}
	a := fig - w
	head := words[:a]
	t := wordTargetStart(head, false)
	if t <= 0 || strings.ContainsAny(head[t:], "0123456789") {
		return none
	}
	return wordCut{name: head[:t], t: t, a: a}
}

// comparisonSuffix is the length of the longest comparison word s ends in.
func comparisonSuffix(s string) int {
	n := 0
	for _, w := range comparisonWords {
		if len(w) > n && strings.HasSuffix(s, w) {
			n = len(w)
		}
	}
	return n
}

// wordTargetStart is where the target starts in words that hold a row's name
// and then its target: at the first comparison word (or 按规定, when
// byRule), when the words before it are plainly a name, 0 otherwise.
// Plainly a name: words that end in a measure (率, 人次, 收入…), with no
// comparison, negation or rule word of a target in them, no figure but a
// numbered name's ("任务1:") and no two ideographs twice (a target restates
// its name's words: in "安全性、利用率无资产损失、利用率高于80%" the name is
// not "…利用率" before 高于).
func wordTargetStart(words string, byRule bool) int {
	at := -1
	for _, w := range comparisonWords {
		if i := strings.Index(words, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if i := strings.Index(words, "按规定"); i >= 0 && (at < 0 || i < at) {
		if !byRule {
			return 0 // a rule word in the target's place: words, not a comparison
		}
		at = i
	} else if byRule {
		return 0
	}
	if at <= 0 {
		return 0
	}
	name := words[:at]
	if !plainName(name) {
		return 0
	}
	return at
}

// measureEnds are the words an indicator's name ends in when it names
// what is measured.
var measureEnds = [...]string{"率", "次", "数", "量", "额", "度", "收入"}

// targetWords are the words of a target or actual that no plain name
// holds.
var targetWords = [...]string{"无", "不", "未", "非", "按规定", "已"}

func plainName(name string) bool {
	if !hasHan(name) || nameFigure(name) {
		return false
	}
	ends := false
	for _, e := range measureEnds {
		if strings.HasSuffix(name, e) {
			ends = true
		}
	}
	if !ends {
		return false
	}
	for _, w := range targetWords {
		if strings.Contains(name, w) {
			return false
		}
	}
	for _, w := range comparisonWords {
		if strings.Contains(name, w) {
			return false
		}
	}
	return !repeatsPair(name)
}

// repeatsPair reports two ideographs that stand together twice in s.
func repeatsPair(s string) bool {
	rs := []rune(s)
	seen := map[[2]rune]bool{}
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		p := [2]rune{rs[i], rs[i+1]}
		if seen[p] {
			return true
		}
		seen[p] = true
	}
	return false
}

// lastFigure is where the last figure in words starts (a number, with the
// comparison sign before it), -1 if none. Digits a colon follows are a
// numbered name's ("任务1:"), not a figure.
func lastFigure(words string) int {
	for i := len(words) - 1; i >= 0; i-- {
		if !isDigit(words[i]) {
			continue
		}
		j := i
		for j > 0 && (isDigit(words[j-1]) || words[j-1] == '.') {
			j--
		}
		e := i + 1
		if e < len(words) && (words[e] == ':' || strings.HasPrefix(words[e:], "：")) {
			i = j
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(words[:j]); isOpRune(r) {
			j -= n
		}
		return j
	}
	return -1
}

// figureEnd is where the figure starting at p ends: its digits, then a
// percent sign or a unit, then a qualifier (以上).
func figureEnd(words string, p int) int {
	q := p
	if r, n := utf8.DecodeRuneInString(words[q:]); isOpRune(r) {
		q += n
	}
	for q < len(words) && (isDigit(words[q]) || words[q] == '.') {
		q++
	}
	switch {
	case q < len(words) && words[q] == '%':
		q++
	case unitAt(words[q:]) > 0:
		q += unitAt(words[q:])
	}
	return q + qualifierAt(words[q:])
}

// qualifiers are the words a target's figure may carry after it.
var qualifiers = [...]string{"及以上", "及以下", "以上", "以下", "以内"}

func qualifierAt(s string) int {
	for _, w := range qualifiers {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// comparisonWords end the words before a figure that are the target's own
// ("小于5%", "超上年2%", "利用率高于80%"): the cut between the name and the
// target is then not known.
var comparisonWords = [...]string{
	"小于", "大于", "高于", "低于", "等于", "不低于", "不少于", "不高于", "不超过", "超过", "超", "达到", "达", "提高", "增加",
	"增", "减少", "下降", "降低", "控制在", "在", "为", "上年", "以上", "以下", "以内", "不足", "至少", "至", "约",
	"增收", "减收",
}

func comparisonEnd(name string) bool {
	for _, w := range comparisonWords {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

// nameFigure reports a name holding a figure of its own (other than a
// numbered name's "任务1:"): the words may then be cut at either figure.
func nameFigure(name string) bool {
	for i := 0; i < len(name); i++ {
		if isDigit(name[i]) {
			j := i
			for j < len(name) && isDigit(name[j]) {
				j++
			}
			if !(strings.HasPrefix(name[j:], ":") || strings.HasPrefix(name[j:], "：")) {
				return true
			}
			i = j
		}
	}
	return false
}

// level1Label reports a 一级 name, or one whose characters are out of
// order ("出标产指"), and the name it is.
func level1Label(n string) (string, bool) {
	if level1Names[n] {
		return n, true
	}
	return scrambledIn(n, level1Scrambles)
}
