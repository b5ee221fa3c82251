package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"jixiao/internal/cjk"
)

// unitKinds maps the units a figure may carry to its kind, longest first so
// that 万元 wins over 元 and 人次 over 人.
var unitKinds = []struct {
	unit string
	kind Kind
	wan  int32 // amounts: power of ten that turns the unit into 万元

	first rune // the unit's first rune and length in runes, set by init
	runes int
}{
	// physical measures, read so that their figures are attributed, never
	// added or compared (sameClass): a report's 公里 and 平方米 are
	// seldom parts of one whole it states
	{unit: "平方公里", kind: Measure}, {unit: "平方米", kind: Measure}, {unit: "立方米", kind: Measure},
	{unit: "万平方米", kind: Measure}, {unit: "万亩", kind: Measure}, {unit: "万吨", kind: Measure}, {unit: "万t", kind: Measure},
	{unit: "万户", kind: Measure}, {unit: "公里", kind: Measure}, {unit: "公顷", kind: Measure}, {unit: "公斤", kind: Measure},
	{unit: "千米", kind: Measure}, {unit: "千克", kind: Measure}, {unit: "小时", kind: Measure}, {unit: "米", kind: Measure},
	{unit: "吨", kind: Measure}, {unit: "亩", kind: Measure}, {unit: "天", kind: Measure}, {unit: "㎡", kind: Measure},
	{unit: "m²", kind: Measure}, {unit: "km", kind: Measure}, {unit: "hm", kind: Measure}, {unit: "kg", kind: Measure},
	{unit: "mm", kind: Measure}, {unit: "m", kind: Measure}, {unit: "‰", kind: Measure},
	{unit: "年一遇", kind: Measure}, // a return period: 防洪标准达到100年一遇
	{unit: "个百分点"}, {unit: "个月"}, {unit: "万人", kind: Measure}, {unit: "万余元", kind: Amount},
	{unit: "万元", kind: Amount}, {unit: "亿元", kind: Amount, wan: 4}, {unit: "千元", kind: Amount, wan: -1}, {unit: "元", kind: Amount, wan: -4},
	// 万 with no 元 (执行数29.6万,): an amount in 万元 when no word follows
	// it and its label names money (moneyWords), else no figure
	{unit: "万", kind: Amount},
	{unit: "%", kind: Percent}, {unit: "分", kind: Score},
	{unit: "人次", kind: Count}, {unit: "场次", kind: Count}, {unit: "件", kind: Count}, {unit: "人", kind: Count}, {unit: "个", kind: Count}, {unit: "次", kind: Count},
	{unit: "户", kind: Count}, {unit: "名", kind: Count}, {unit: "份", kind: Count}, {unit: "条", kind: Count}, {unit: "家", kind: Count},
	{unit: "项", kind: Count}, {unit: "场", kind: Count}, {unit: "起", kind: Count}, {unit: "篇", kind: Count}, {unit: "宗", kind: Count},
	{unit: "批", kind: Count}, {unit: "台", kind: Count}, {unit: "套", kind: Count}, {unit: "辆", kind: Count}, {unit: "处", kind: Count},
	{unit: "册", kind: Count}, {unit: "座", kind: Count}, {unit: "张", kind: Count},
	{unit: "架", kind: Count}, {unit: "期", kind: Count}, {unit: "所", kind: Count}, {unit: "栋", kind: Count},
	{unit: "株", kind: Count}, {unit: "棵", kind: Count}, {unit: "只", kind: Count}, {unit: "头", kind: Count}, {unit: "块", kind: Count},
}

// notScoreAfter are runes after 分 that make it part of a word (分钟, 分析).
const notScoreAfter = "钟之别析配类布摊成期值数管局行队解"

// markerKind names the words that open a group of parts in a sentence.
type markerKind uint8

const (
	markerOf    markerKind = iota + 1 // 其中
	markerBy                          // 按…分类
	markerTotal                       // a count said to be a total: 共15个
)

type marker struct {
	offset    int
	sent      int
	clause    int
	kind      markerKind
	bracketed bool // "（其中建筑工程3292万元）": the group ends with the bracket
}

// scanner reads the claims of paragraphs one after another, reusing its
// buffers: a report's paragraphs are converted to runes one at a time, and
// the claims of all of them are appended to one slice.
type scanner struct {
	text   string
	orig   []rune  // the paragraph's runes, as written
	folded []rune  // orig folded (cjk.FoldRune), when that changes any rune
	rs     []rune  // folded, or orig when folding changes nothing
	off    []int32 // off[i] is the byte offset of orig[i]; off[len(orig)] = len(text)
	valid  bool    // text is valid UTF-8: text[off[i]:off[j]] == string(orig[i:j])

	claims  []Claim
	markers []marker // the markers of the last paragraph scanned
}

// load converts a paragraph to runes.
func (sc *scanner) load(text string) {
	sc.text, sc.valid = text, true
	sc.grow(len(text))
	orig, off := sc.orig[:len(text)], sc.off[:len(text)+1]
	n, fold := 0, false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
		case (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			// a valid three-byte sequence, as all of CJK is, decoded
			// inline: range would call the runtime's decoder for each
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				sc.valid = false // an invalid byte, which string(runes) turns into U+FFFD
			}
		}
		if mayFold(r) && cjk.FoldRune(r) != r {
			fold = true
		}
		orig[n], off[n] = r, int32(i)
		n++
		i += size
	}
	off[n] = int32(len(text))
	sc.orig, sc.off = orig[:n], off[:n+1]
	sc.rs = sc.orig
	if fold {
		sc.folded = sc.folded[:0]
		for _, r := range sc.orig {
			sc.folded = append(sc.folded, cjk.FoldRune(r))
		}
		sc.rs = sc.folded
	}
}

// grow makes room in the buffers for a paragraph of n bytes, which has at
// most n runes: Extract sizes them once for its longest paragraph, and
// load writes them by index.
func (sc *scanner) grow(n int) {
	if cap(sc.orig) < n {
		sc.orig = make([]rune, n)
		sc.off = make([]int32, n+1)
	}
}

// mayFold reports the runes cjk.FoldRune may change: U+00A0 and the
// blocks of ≦ ≧ −, of U+3000 and of the full-width forms. Ideographs are
// none of them.
func mayFold(r rune) bool {
	return r >= 0x80 && r < 0xC0 || r >= 0x2000 && r < 0x4000 || r >= 0xF000 && r < 0x10000
}

// str returns the paragraph's runes i to j as written.
func (sc *scanner) str(i, j int) string {
	if sc.valid {
		return sc.text[sc.off[i]:sc.off[j]]
	}
	return string(sc.orig[i:j])
}

// paragraph reads the claims of one paragraph in a single pass, appending
// them to sc.claims, and its group markers to sc.markers.
func (sc *scanner) paragraph(text string, para int) {
	sc.markers = sc.markers[:0]
	if !hasDigit(text) {
		return // most paragraphs of a report state no figure
	}
	sc.load(text)
	rs := sc.rs
	first := len(sc.claims)
	sent, clause, boundary := 0, 0, 0
	clauseFrom, prevEnd := 0, -1 // where the clause run starts, and where the last claim ended
	depth, doc := 0, ""          // brackets open, and the document last named in the sentence
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= 0x4E00 && r <= 0x9FFF && r != '其' && r != '按' {
			continue // an ideograph: no digit, punctuation or marker, as most runes are
		}
		switch {
		case isSentenceEnd(r):
			sent++
			clause, depth, doc = 0, 0, ""
			boundary, clauseFrom = i+1, i+1
			continue
		case r == '；' || r == ';':
			clause++
			boundary, clauseFrom = i+1, i+1
			continue
		case r == '《':
			if j := closing(rs, i, '》'); j > 0 {
				doc = sc.str(i+1, j)
			}
			boundary = i + 1
			continue
		case r == '（' || r == '(':
			depth++
			boundary = i + 1
			if j := headingNumber(rs, i); j > 0 {
				clauseFrom = j // "…(二)资金及项目绩效目标我校…": a heading run into the text opens a passage
			}
			continue
		case r == '）' || r == ')':
			depth = max(depth-1, 0)
			boundary = i + 1
			continue
		case isLabelBoundary(r):
			boundary = i + 1
			continue
		case r == '其' && i+1 < len(rs) && rs[i+1] == '中':
			sc.markers = append(sc.markers, marker{offset: i, sent: sent, clause: clause, kind: markerOf, bracketed: depth > 0})
			continue
		case r == '按' && byMarker(rs, i):
			sc.markers = append(sc.markers, marker{offset: i, sent: sent, clause: clause, kind: markerBy, bracketed: depth > 0})
			continue
		case !isDigit(r) || (i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' || isLatin(rs[i-1]))):
			continue
		}
		if len(sc.claims)-first >= maxClaims {
			break
		}
		c, end, ok := sc.number(i)
		if !ok {
			i = end - 1
			continue
		}
		labelFrom := max(boundary, i-maxLabelRunes)
		labelTo := i
		if i > 0 && (rs[i-1] == '第' || rs[i-1] == '-' || rs[i-1] == '+') {
			i = end - 1
			continue
		}
		for labelTo > labelFrom && strings.ContainsRune("近约超逾", rs[labelTo-1]) {
			c.Approx = true
			labelTo--
		}
		if labelFrom == labelTo && labelTo > 0 {
			switch rs[labelTo-1] {
			case '（', '(', '：', ':':
				// "比上年（398件）": a figure in brackets qualifies the words
				// before them; "2、支出:799.12万元": a figure after a colon
				// is of the words before it
				labelTo--
				labelFrom = wordsBefore(rs, labelTo, prevEnd)
			case '）', ')':
				// "资金(残疾人事业发展补助资金)29.6万元": the brackets qualify the
				// words before them, and those words name the figure
				if open := openingBefore(rs, labelTo-1); open > 0 {
					labelTo = open
					labelFrom = wordsBefore(rs, labelTo, prevEnd)
				}
			}
		}
		if boundary > 0 && labelFrom == boundary {
			c.sep = rs[boundary-1] // the punctuation the label follows
		}
		raw := sc.str(labelFrom, labelTo)
		c.Label = cleanLabel(raw)
		if strings.HasSuffix(c.Text, "万") && !hasAny(c.Label, moneyWords) {
			i = end - 1 // a bare 万 whose label names no money: 覆盖人口3万
			continue
		}
		if n := len(sc.claims) - 1; n >= first && c.Kind == Amount && labelFrom == boundary && boundary == prevEnd && raw != "" && raw == sc.claims[n].Noun && sc.claims[n].Kind == Count {
			// "年初批复预算8个项目985万元": the amount of the things just
			// counted, named as the count is
			c.Label = sc.claims[n].Label + raw
		}
		c.totalled = saysTotal(raw)
		c.bracketed, c.doc = depth > 0, doc
		switch {
		case c.Kind == Count || c.Kind == Measure:
			c.Noun = sc.nounAt(end, maxNounRunes)
		case c.Label == "" || c.Kind == Amount && disposes(c.Label):
			// "10441万元资金全部拨付到位": a figure no words name is
			// described by the words after it, as one that is moved is
			// (将资金75.68万元分配至具体项目)
			c.Noun = sc.nounAt(end, maxAfterRunes)
		case c.Kind == Percent && strings.HasPrefix(raw, "按"):
			// "按照大型企业30%、中小微企业60%比例开展稳岗返还工作": the
			// words before name whom the percentage is for, the 比例 after
			// the list what it is
			c.Noun = sc.ratioAfter(end)
		case c.Kind == Percent && c.sep == '、' && len(sc.claims) > first && sc.claims[len(sc.claims)-1].Kind == Percent &&
			strings.HasPrefix(sc.claims[len(sc.claims)-1].Noun, "比例"):
			c.Noun = sc.claims[len(sc.claims)-1].Noun // the list's next percentage, of the same 比例
		}
		if namesNothing(Canonical(c.Label)) {
			c.Topic = sc.topic(clauseFrom, labelFrom)
		}
		c.Para, c.Offset, c.Sent, c.Clause = para, i, sent, clause
		if sc.valid {
			c.at = int(sc.off[i]) + 1
		}
		sc.claims = append(sc.claims, c)
		boundary, prevEnd = end, end
		i = end - 1
	}
}

// number reads a figure starting at rune i: digits, an optional fraction,
// then a unit. end is where reading stopped; ok is false when the number is
// not a figure (a date, an ordinal, a bare number).
func (sc *scanner) number(i int) (c Claim, end int, ok bool) {
	rs := sc.rs
	j, digits := i, 0
	var coef int64 // the digits as an integer, while there are at most 18
	for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' && thousands(rs, j))) {
		if isDigit(rs[j]) {
			digits++
			coef = coef*10 + int64(rs[j]-'0')
		}
		j++
	}
	places := int32(0)
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
			coef = coef*10 + int64(rs[j]-'0')
			j++
			places++
			digits++
		}
	}
	if digits > maxDigits {
		for j < len(rs) && (isDigit(rs[j]) || rs[j] == '.' || rs[j] == ',') {
			j++
		}
		return c, j, false
	}
	numEnd := j
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	if j < len(rs) && (rs[j] == '余' || rs[j] == '多') {
		c.Approx = true
		j++
	}
	kind, unit, wan, n := unitAt(rs, j)
	if kind == 0 {
		return c, max(numEnd, j+n), false
	}
	j += n
	var v decimal.Decimal
	if digits <= 18 {
		// the value decimal.NewFromString makes of the same digits,
		// without building the string
		v = decimal.New(coef, -places)
	} else {
		var err error
		if v, err = decimal.NewFromString(strings.ReplaceAll(string(rs[i:numEnd]), ",", "")); err != nil {
			return c, j, false
		}
	}
	if hasPrefixRunes(rs[j:], "左右") {
		c.Approx = true
		j += 2
	}
	if u, n := perUnit(rs, j); n > 0 {
		// a rate per unit (260元/辆, 125万吨/年): a figure the report
		// states, of a compound unit that adds to nothing
		kind, unit, wan = Measure, unit+u, 0
		j += n
	} else if j < len(rs) && strings.ContainsRune("*×÷/", rs[j]) {
		// a term of a formula (得分(20分*执行率)) or a ratio to a figure
		// (0.064次/10万公顷): no figure the report states
		return c, j, false
	}
	c.Kind, c.Unit, c.Value, c.Places = kind, unit, v, places
	c.Text = strings.TrimSpace(sc.str(i, j))
	c.Wan = v
	if kind == Amount && wan != 0 {
		c.Wan = v.Shift(wan)
	}
	return c, j, true
}

func unitAt(rs []rune, j int) (Kind, string, int32, int) {
	if j >= len(rs) || !unitFirst.has(rs[j]) {
		return 0, "", 0, 0
	}
	for _, ui := range unitsByFirst[rs[j]] {
		u := &unitKinds[ui]
		if !hasPrefixRunes(rs[j:], u.unit) {
			continue
		}
		n := u.runes
		if u.kind == Score && j+n < len(rs) && strings.ContainsRune(notScoreAfter, rs[j+n]) {
			return 0, "", 0, 0
		}
		if isLatin(rs[j+n-1]) && j+n < len(rs) && isLatin(rs[j+n]) {
			return 0, "", 0, 0 // a word, not a unit (5min)
		}
		unit := u.unit
		switch unit {
		case "万余元":
			unit = "万元"
		case "万":
			if j+n < len(rs) && (rs[j+n] >= 0x4E00 && rs[j+n] <= 0x9FFF || isLatin(rs[j+n]) || isDigit(rs[j+n])) {
				return 0, "", 0, 0 // 万 starting a word or a unit not listed (3万余人, 2万册)
			}
			unit = "万元"
		}
		return u.kind, unit, u.wan, n
	}
	return 0, "", 0, 0
}

// openingBefore is the index of the bracket that the one closing at
// rs[end] opens, or -1 when it opens before the sentence.
func openingBefore(rs []rune, end int) int {
	depth := 0
	for k := end; k >= 0 && !isSentenceEnd(rs[k]); k-- {
		switch rs[k] {
		case '）', ')':
			depth++
		case '（', '(':
			if depth--; depth == 0 {
				return k
			}
		}
	}
	return -1
}

// perUnit reads the "/辆" of a compound unit at rs[j]: a slash, then one
// or two ideographs or letters up to a boundary, or a figure and a unit of
// up to three (0.064次/10万公顷, 283.8mm/24h); n is 0 when there is none.
func perUnit(rs []rune, j int) (string, int) {
	if j >= len(rs) || rs[j] != '/' && rs[j] != '／' {
		return "", 0
	}
	k, most := j+1, 2
	if k < len(rs) && isDigit(rs[k]) {
		for k < len(rs) && (isDigit(rs[k]) || rs[k] == '.' && k+1 < len(rs) && isDigit(rs[k+1])) {
			k++
		}
		most = 3
	}
	u := k
	for k < len(rs) && k-u <= most && (rs[k] >= 0x4E00 && rs[k] <= 0x9FFF || isLatin(rs[k]) || rs[k] == '·') {
		k++
	}
	if k == u || k-u > most || k < len(rs) && (isDigit(rs[k]) || rs[k] == '/') {
		return "", 0
	}
	return "/" + string(rs[j+1:k]), k - j
}

// unitFirst holds the first runes of unitKinds: the rune after most
// numbers (月, 日, a digit) starts no unit. unitsByFirst lists the units
// each starts, in the table's order: a date's 年 is tried against 年一遇
// only.
var (
	unitFirst    = &runeSet{}
	unitsByFirst = map[rune][]int{}
)

func init() {
	for i := range unitKinds {
		u := &unitKinds[i]
		u.first, _ = utf8.DecodeRuneInString(u.unit)
		u.runes = utf8.RuneCountInString(u.unit)
		unitFirst.add(u.first)
		unitsByFirst[u.first] = append(unitsByFirst[u.first], i)
	}
}

// maxNounRunes bounds the noun read after a count's unit, maxAfterRunes
// the words read after a figure with no label, maxModelRunes the model
// code a noun may start with (25.29㎡P1.5LED显示屏).
const (
	maxNounRunes  = 4
	maxAfterRunes = 12
	maxModelRunes = 12
)

// ratioAfter is the words after the 比例 that ends a list of percentages
// begun at rune i ("、中小微企业60%比例开展稳岗返还工作" → 比例开展稳岗返还工作),
// "" when no 比例 ends it within the sentence's clause.
func (sc *scanner) ratioAfter(i int) string {
	rs := sc.rs
	for j := i; j < len(rs) && j-i < maxLabelRunes*2; j++ {
		switch {
		case hasPrefixRunes(rs[j:], "的比例") || hasPrefixRunes(rs[j:], "比例"):
			if rs[j] == '的' {
				j++
			}
			return sc.nounAt(j, maxAfterRunes)
		case isSentenceEnd(rs[j]) || rs[j] == '，' || rs[j] == ',':
			return ""
		}
	}
	return ""
}

// nounAt returns the ideographs from rune i on, at most n of them, after
// a model code of Latin letters and figures if one starts there: the
// thing a count or a measure counts when the text names it after the unit
// (8个项目, 25.29㎡P1.5LED显示屏).
func (sc *scanner) nounAt(i, n int) string {
	rs, j := sc.rs, i
	if j < len(rs) && isLatin(rs[j]) {
		for j < len(rs) && j-i < maxModelRunes && (isLatin(rs[j]) || isDigit(rs[j]) || rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1])) {
			j++
		}
	}
	for k := j; j < len(rs) && j-k < n && rs[j] >= 0x4E00 && rs[j] <= 0x9FFF; j++ {
	}
	return sc.str(i, j)
}

// wordsBefore is where the words that end at rune to start: at a
// boundary, a figure, the end of the claim before (floor), or
// maxLabelRunes back.
func wordsBefore(rs []rune, to, floor int) int {
	from := to
	for from > 0 && from > floor && to-from < maxLabelRunes && !isLabelBoundary(rs[from-1]) && !isSentenceEnd(rs[from-1]) && rs[from-1] != '；' && !isDigit(rs[from-1]) {
		from--
	}
	return from
}

// saysTotal reports a label with 共 in the sense of "in all" (实施项目共,
// 一共), not in a word of its own (一般公共预算, 共同, 共享).
func saysTotal(label string) bool {
	for i := 0; i < len(label); {
		k := strings.Index(label[i:], "共")
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(label[:k])
		after, _ := utf8.DecodeRuneInString(label[k+len("共"):])
		if !strings.ContainsRune("公中", before) && !strings.ContainsRune("同享建治用性识赢", after) {
			return true
		}
		i = k + len("共")
	}
	return false
}

// maxTopicRunes bounds a claim's topic, maxTopicScan how far into its
// clause run it is looked for: the words that open a clause run are at
// its start, and a run of thousands of figures must not be read again for
// each.
const (
	maxTopicRunes    = 40
	maxTopicScan     = 400
	maxTopicSegments = 4 // words passed over before the topic: 2023年度，评价结果显示，…
)

// topic is what the clause run from rune from is about, for a claim whose
// label, ending at rune to, names nothing: its first words up to a comma
// or colon, passing over words that only date or introduce what follows
// (2023年度，…; 评价结果显示，…); "" when the claim's own words are the
// first. Of a long run of words the last maxTopicRunes are kept, which
// hold the subject's noun (…开展农村文化活动(“送戏进万村”)).
func (sc *scanner) topic(from, to int) string {
	rs := sc.rs
	to = min(to, from+maxTopicScan)
	for n := 0; from < to && n < maxTopicSegments; n++ {
		end := from
		for end < to && !isTopicEnd(rs[end]) {
			end++
		}
		if end == to {
			return "" // the claim's own words open the clause run
		}
		seg := cjk.TrimSpace(sc.str(max(from, end-maxTopicRunes), end))
		if !introduces(seg) {
			return seg
		}
		from = end + 1
	}
	return ""
}

// headingNumber reports a heading's number in brackets at rs[i] ((二),
// （十一）) and the index after it; 0 when there is none.
func headingNumber(rs []rune, i int) int {
	k := i + 1
	for k < len(rs) && k-i <= 3 && strings.ContainsRune("一二三四五六七八九十", rs[k]) {
		k++
	}
	if k == i+1 || k >= len(rs) || rs[k] != '）' && rs[k] != ')' {
		return 0
	}
	return k + 1
}

func isTopicEnd(r rune) bool { return r == '，' || r == ',' || r == '：' || r == ':' }

// introduces reports words that only date or introduce what follows them.
func introduces(seg string) bool {
	s := seg
	for range 4 {
		s = stripDate(cjk.TrimSpace(s))
	}
	if s == "" {
		return true
	}
	for _, w := range introWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// maxTitleRunes bounds how far a document title (《…》) is looked for its end.
const maxTitleRunes = 80

// closing returns the index of the rune that closes the one at rs[i], within
// maxTitleRunes and the sentence, or -1.
func closing(rs []rune, i int, end rune) int {
	for k := i + 1; k < len(rs) && k <= i+maxTitleRunes; k++ {
		switch {
		case rs[k] == end:
			return k
		case isSentenceEnd(rs[k]):
			return -1
		}
	}
	return -1
}

// byMarker reports whether 按 at rs[i] opens a classification: 按…分类 or
// 按…分 within a few runes and no punctuation.
func byMarker(rs []rune, i int) bool {
	for k := i + 1; k < len(rs) && k <= i+12; k++ {
		if rs[k] == '分' {
			return k > i+1
		}
		if isLabelBoundary(rs[k]) || isSentenceEnd(rs[k]) || isDigit(rs[k]) {
			return false
		}
	}
	return false
}

func thousands(rs []rune, j int) bool {
	if j == 0 || !isDigit(rs[j-1]) {
		return false
	}
	for k := 1; k <= 3; k++ {
		if j+k >= len(rs) || !isDigit(rs[j+k]) {
			return false
		}
	}
	return j+4 >= len(rs) || !isDigit(rs[j+4])
}

func hasPrefixRunes(rs []rune, p string) bool {
	k := 0
	for _, r := range p {
		if k >= len(rs) || rs[k] != r {
			return false
		}
		k++
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// hasDigit reports an ASCII or full-width digit in s. Full-width digits
// are U+FF10 to U+FF19, encoded EF BC 90 to EF BC 99.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n'
}

func isLabelBoundary(r rune) bool {
	switch r {
	case '，', ',', '：', ':', '、', '（', '）', '(', ')', '“', '”', '"', '《', '》', '【', '】', '[', ']':
		return true
	}
	return false
}

// leading and trailing words that are not part of what a figure measures.
var (
	leadWords  = []string{"其中", "另外", "以及", "其余", "全年共", "全年", "共计", "累计", "截至", "截止", "目前", "另", "和", "及", "并", "而", "共", "止", "底", "末", "为", "是"}
	trailWords = []string{"合计为", "总计为", "共计", "达到", "约为", "分别为", "为", "是", "达", "约", "近", "共", "了", "的", "有",
		// the direction of a target (年初指标值为不低于85%) is no part of its name
		"不低于", "不少于", "不高于", "不超过", "不大于", "不小于", "低于", "高于", "大于", "小于", "少于"}

	// introWords end words that introduce what follows them (评价结果显示，…)
	introWords = []string{"显示", "表明", "来看", "所示", "如下"}
	// moneyWords mark a label of money, which a bare 万 needs to be an amount
	moneyWords = []string{"资金", "经费", "预算", "支出", "收入", "执行数", "决算", "拨款", "金额", "投入", "补助", "补贴", "投资"}

	// keptWords start with a lead word and are words of their own: 及时将资金
	// is no 及 of 时将资金
	keptWords = []string{"及时", "共同", "共享", "共建", "和谐", "为民", "底线"}

	leadFirst = firstRunes(leadWords)
	trailLast = lastRunes(trailWords)
)

// cleanLabel trims what surrounds the noun phrase before a figure: dates
// (2024年, 12月31日止), connectives (其中, 和) and verbs of stating (为, 达到).
func cleanLabel(label string) string {
	s := afterHeaders(cjk.TrimSpace(label))
	for range 8 {
		before := s
		s = trimLeftSeparators(s)
		s = stripDate(s)
		if startsWithAny(s, leadFirst) {
			for _, w := range leadWords {
				if s == w {
					break // the label is the word: 共计 is not a 共 of 计
				}
				if strings.HasPrefix(s, w) && !namesBudget(w, s[len(w):]) && !startsWord(s) {
					s = s[len(w):]
					break
				}
			}
		}
		if s == before {
			break
		}
	}
	for range 4 {
		before := s
		if endsWithAny(s, trailLast) {
			for _, w := range trailWords {
				// 未达到 is what did not reach, not a 未 that reached
				if strings.HasSuffix(s, w) && len(s) > len(w) && s[:len(s)-len(w)] != "未" {
					s = s[:len(s)-len(w)]
					break
				}
			}
		}
		if s == before {
			break
		}
	}
	return cjk.TrimSpace(s)
}

// tableHeaders are a table's labels that run into the text after them when
// a table is copied without its cell borders (…实际完成情况本项目共申请预算
// 资金2026400元): what a figure measures starts after them.
var tableHeaders = []string{"年度总体目标", "预期目标", "实际完成情况", "偏差原因分析及改进措施"}

func afterHeaders(s string) string {
	for _, h := range tableHeaders {
		if i := strings.LastIndex(s, h); i >= 0 && i+len(h) < len(s) {
			s = s[i+len(h):]
		}
	}
	return s
}

func startsWord(s string) bool {
	for _, w := range keptWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// disposes reports a label that ends in 将 and what it moves (及时将资金):
// what is done with the figure the words after it say (…75.68万元分配至具体项目).
func disposes(label string) bool {
	k := strings.LastIndex(label, "将")
	return k >= 0 && !atLeastRunes(label[k+len("将"):], 4) && !strings.HasSuffix(label[:k], "即")
}

// namesBudget reports whether lead word w begins the name of a budget
// figure with rest: 全年预算数 and 全年执行数 are not a 预算数 and an 执行数 of
// the whole year, they are the 全年 columns of the table.
func namesBudget(w, rest string) bool {
	return w == "全年" && (strings.HasPrefix(rest, "预算") || strings.HasPrefix(rest, "执行") || strings.HasPrefix(rest, "决算"))
}

// stripDate removes one leading date part: 2024年, 2024年度, 12月, 31日.
func stripDate(s string) string {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 {
		return s
	}
	for _, w := range []string{"年度", "年", "月份", "月", "日", "号"} {
		if strings.HasPrefix(s[i:], w) {
			return s[i+len(w):]
		}
	}
	return s
}

// Canonical is the form labels are compared in: folded, without spaces,
// 的 or colons. A label that is already in that form, as most are, is
// returned as it is.
func Canonical(label string) string {
	clean := true
	for i := 0; i < len(label); {
		r, n := decodeRune(label, i)
		if canonicalDrops(r) || mayFold(r) && cjk.FoldRune(r) != r || r == utf8.RuneError {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return label
	}
	var b strings.Builder
	for _, r := range cjk.Fold(label) {
		if canonicalDrops(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func canonicalDrops(r rune) bool {
	return cjk.IsSpace(r) || r == '的' || r == ':' || r == '：'
}
