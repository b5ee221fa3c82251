package claims

import (
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"jixiao"
)

// unitKinds maps the units a figure may carry to its kind, longest first so
// that 万元 wins over 元 and 人次 over 人.
var unitKinds = []struct {
	unit string
	kind Kind
	wan  int32 // amounts: power of ten that turns the unit into 万元
}{
	{"个百分点", 0, 0}, {"个月", 0, 0}, {"万人", 0, 0}, {"万余元", Amount, 0},
	{"万元", Amount, 0}, {"亿元", Amount, 4}, {"千元", Amount, -1}, {"元", Amount, -4},
	{"%", Percent, 0}, {"分", Score, 0},
	{"人次", Count, 0}, {"场次", Count, 0}, {"件", Count, 0}, {"人", Count, 0}, {"个", Count, 0}, {"次", Count, 0},
	{"户", Count, 0}, {"名", Count, 0}, {"份", Count, 0}, {"条", Count, 0}, {"家", Count, 0},
	{"项", Count, 0}, {"场", Count, 0}, {"起", Count, 0}, {"篇", Count, 0}, {"宗", Count, 0},
	{"批", Count, 0}, {"台", Count, 0}, {"套", Count, 0}, {"辆", Count, 0}, {"处", Count, 0},
	{"册", Count, 0}, {"座", Count, 0}, {"张", Count, 0},
}

// notScoreAfter are runes after 分 that make it part of a word (分钟, 分析).
const notScoreAfter = "钟之别析配类布摊成期值数管局行队解"

// markerKind names the words that open a group of parts in a sentence.
type markerKind uint8

const (
	markerOf markerKind = iota + 1 // 其中
	markerBy                       // 按…分类
)

type marker struct {
	offset int
	sent   int
	clause int
	kind   markerKind
}

// scanned is a paragraph's claims and group markers.
type scanned struct {
	claims  []Claim
	markers []marker
}

// scanParagraph reads the claims of one paragraph in a single pass.
func scanParagraph(text string, para int) scanned {
	var out scanned
	if !hasDigit(text) {
		return out // most paragraphs of a report state no figure
	}
	folded := jixiao.Fold(text)
	rs := []rune(folded)
	orig := rs
	if folded != text {
		if orig = []rune(text); len(orig) != len(rs) {
			rs = orig // Fold is rune for rune; never expected
		}
	}
	sent, clause, boundary := 0, 0, 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isSentenceEnd(r):
			sent++
			clause = 0
			boundary = i + 1
			continue
		case r == '；' || r == ';':
			clause++
			boundary = i + 1
			continue
		case isLabelBoundary(r):
			boundary = i + 1
			continue
		case r == '其' && i+1 < len(rs) && rs[i+1] == '中':
			out.markers = append(out.markers, marker{offset: i, sent: sent, clause: clause, kind: markerOf})
			continue
		case r == '按' && byMarker(rs, i):
			out.markers = append(out.markers, marker{offset: i, sent: sent, clause: clause, kind: markerBy})
			continue
		case !isDigit(r) || (i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' || isLatin(rs[i-1]))):
			continue
		}
		if len(out.claims) >= maxClaims {
			break
		}
		c, end, ok := number(rs, orig, i)
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
		if labelFrom == labelTo && labelTo > 0 && (rs[labelTo-1] == '（' || rs[labelTo-1] == '(') {
			// "比上年（398件）": a figure in brackets qualifies the words before them
			labelTo--
			labelFrom = labelTo
			for labelFrom > 0 && labelTo-labelFrom < maxLabelRunes && !isLabelBoundary(rs[labelFrom-1]) && !isSentenceEnd(rs[labelFrom-1]) && rs[labelFrom-1] != '；' && !isDigit(rs[labelFrom-1]) {
				labelFrom--
			}
		}
		c.Label = cleanLabel(orig[labelFrom:labelTo])
		c.Para, c.Offset, c.Sent, c.Clause = para, i, sent, clause
		out.claims = append(out.claims, c)
		boundary = end
		i = end - 1
	}
	return out
}

// number reads a figure starting at rs[i]: digits, an optional fraction,
// then a unit. end is where reading stopped; ok is false when the number is
// not a figure (a date, an ordinal, a bare number).
func number(rs, orig []rune, i int) (c Claim, end int, ok bool) {
	j, digits := i, 0
	for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' && thousands(rs, j))) {
		if isDigit(rs[j]) {
			digits++
		}
		j++
	}
	places := int32(0)
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
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
	v, err := decimal.NewFromString(strings.ReplaceAll(string(rs[i:numEnd]), ",", ""))
	if err != nil {
		return c, j, false
	}
	if hasPrefixRunes(rs[j:], "左右") {
		c.Approx = true
		j += 2
	}
	c.Kind, c.Unit, c.Value, c.Places = kind, unit, v, places
	c.Text = strings.TrimSpace(string(orig[i:j]))
	c.Wan = v
	if kind == Amount {
		c.Wan = v.Shift(wan)
	}
	return c, j, true
}

func unitAt(rs []rune, j int) (Kind, string, int32, int) {
	for _, u := range unitKinds {
		if !hasPrefixRunes(rs[j:], u.unit) {
			continue
		}
		n := len([]rune(u.unit))
		if u.kind == Score && j+n < len(rs) && strings.ContainsRune(notScoreAfter, rs[j+n]) {
			return 0, "", 0, 0
		}
		unit := u.unit
		if unit == "万余元" {
			unit = "万元"
		}
		return u.kind, unit, u.wan, n
	}
	return 0, "", 0, 0
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

// hasDigit reports an ASCII or full-width digit in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return strings.ContainsAny(s, "０１２３４５６７８９")
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
	trailWords = []string{"合计为", "总计为", "共计", "达到", "约为", "分别为", "为", "是", "达", "约", "近", "共", "了", "的", "有"}
)

// cleanLabel trims what surrounds the noun phrase before a figure: dates
// (2024年, 12月31日止), connectives (其中, 和) and verbs of stating (为, 达到).
func cleanLabel(rs []rune) string {
	s := strings.TrimSpace(string(rs))
	for range 8 {
		before := s
		s = strings.TrimLeft(s, " \t：:，,、")
		s = stripDate(s)
		for _, w := range leadWords {
			if strings.HasPrefix(s, w) && len(s) > len(w) {
				s = s[len(w):]
				break
			}
		}
		if s == before {
			break
		}
	}
	for range 4 {
		before := s
		for _, w := range trailWords {
			if strings.HasSuffix(s, w) && len(s) > len(w) {
				s = s[:len(s)-len(w)]
				break
			}
		}
		if s == before {
			break
		}
	}
	return strings.TrimSpace(s)
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
// 的 or colons.
func Canonical(label string) string {
	var b strings.Builder
	for _, r := range jixiao.Fold(label) {
		if unicode.IsSpace(r) || r == '的' || r == ':' || r == '：' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
