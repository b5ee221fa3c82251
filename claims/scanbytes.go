package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"jixiao"
)

// paragraphBytes is paragraph read in place, byte by byte, for the text
// nearly every paragraph of a report is: valid UTF-8 in which no rune
// folds (no full-width digit, ％ or ideographic space). Then every rune
// the scan tests is the rune as written, the digits, points, commas and
// spaces of a figure are single bytes, and no rune buffer is needed. It
// returns false on any other text, which paragraphRunes then reads from
// the start: the claims and markers it appended are to be dropped.
//
// It follows paragraphRunes step by step, with byte offsets where that
// has rune indexes; ri counts runes for the offsets claims and markers
// report. FuzzScanPaths checks the two agree.
func (sc *scanner) paragraphBytes(text string, para int) bool {
	sc.text, sc.valid = text, true
	first := len(sc.claims)
	sent, clause, boundary, ri := 0, 0, 0, 0
	for i := 0; i < len(text); {
		// ideographs (U+4000 to U+9FFF, three bytes from E4 to E9) other than
		// 其 and 按: no digit, punctuation or marker, as most runes are
		for i+2 < len(text) {
			c, c1, c2 := text[i], text[i+1], text[i+2]
			if c < 0xE4 || c > 0xE9 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 ||
				c == 0xE5 && c1 == 0x85 && c2 == 0xB6 || c == 0xE6 && c1 == 0x8C && c2 == 0x89 {
				break
			}
			i, ri = i+3, ri+1
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 || mayFold(r) && jixiao.FoldRune(r) != r {
				return false
			}
		}
		next := i + size
		switch {
		case isSentenceEnd(r):
			sent++
			clause = 0
			boundary = next
		case r == '；' || r == ';':
			clause++
			boundary = next
		case isLabelBoundary(r):
			boundary = next
		case r == '其' && strings.HasPrefix(text[next:], "中"):
			sc.markers = append(sc.markers, marker{offset: ri, sent: sent, clause: clause, kind: markerOf})
		case r == '按' && byMarkerBytes(text, next):
			sc.markers = append(sc.markers, marker{offset: ri, sent: sent, clause: clause, kind: markerBy})
		case !isDigit(r) || (i > 0 && (isDigitByte(text[i-1]) || text[i-1] == '.' || isLatin(rune(text[i-1])))):
		default:
			if len(sc.claims)-first >= maxClaims {
				// paragraphRunes would have read the rest as runes
				return validUnfolded(text[i:])
			}
			end, read := sc.figureBytes(i, ri, boundary, sent, clause, para)
			if read {
				boundary = end
			}
			next = end
			ri += utf8.RuneCountInString(text[i:next])
			i = next
			continue
		}
		i, ri = next, ri+1
	}
	return true
}

// figureBytes reads the figure whose first digit is text[i], rune ri, and
// appends its claim unless it is none; end is where the scan goes on.
func (sc *scanner) figureBytes(i, ri, boundary, sent, clause, para int) (end int, read bool) {
	text := sc.text
	c, end, ok := sc.numberBytes(i)
	if !ok {
		return end, false
	}
	labelFrom := boundary // max(boundary, i-maxLabelRunes) in runes
	for k, n := i, 0; k > boundary; n++ {
		if n == maxLabelRunes {
			labelFrom = k
			break
		}
		k--
		for !utf8.RuneStart(text[k]) {
			k--
		}
	}
	labelTo := i
	if i > 0 {
		if r, _ := runeBefore(text, i); r == '第' || r == '-' || r == '+' {
			return end, false
		}
	}
	for labelTo > labelFrom {
		r, size := runeBefore(text, labelTo)
		if !strings.ContainsRune("近约超逾", r) {
			break
		}
		c.Approx = true
		labelTo -= size
	}
	if labelFrom == labelTo && labelTo > 0 {
		if r, size := runeBefore(text, labelTo); r == '（' || r == '(' {
			// "比上年（398件）": a figure in brackets qualifies the words before them
			labelTo -= size
			labelFrom = labelTo
			for n := 0; labelFrom > 0 && n < maxLabelRunes; n++ {
				r, size := runeBefore(text, labelFrom)
				if isLabelBoundary(r) || isSentenceEnd(r) || r == '；' || isDigit(r) {
					break
				}
				labelFrom -= size
			}
		}
	}
	c.Label = cleanLabel(text[labelFrom:labelTo])
	c.Para, c.Offset, c.Sent, c.Clause = para, ri, sent, clause
	c.at = i + 1
	sc.claims = append(sc.claims, c)
	return end, true
}

// numberBytes is number over the text in place: i and end are byte
// offsets.
func (sc *scanner) numberBytes(i int) (c Claim, end int, ok bool) {
	text := sc.text
	j, digits := i, 0
	var coef int64 // the digits as an integer, while there are at most 18
	for j < len(text) && (isDigitByte(text[j]) || (text[j] == ',' && thousandsBytes(text, j))) {
		if isDigitByte(text[j]) {
			digits++
			coef = coef*10 + int64(text[j]-'0')
		}
		j++
	}
	places := int32(0)
	if j+1 < len(text) && text[j] == '.' && isDigitByte(text[j+1]) {
		j++
		for j < len(text) && isDigitByte(text[j]) {
			coef = coef*10 + int64(text[j]-'0')
			j++
			places++
			digits++
		}
	}
	if digits > maxDigits {
		for j < len(text) && (isDigitByte(text[j]) || text[j] == '.' || text[j] == ',') {
			j++
		}
		return c, j, false
	}
	numEnd := j
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if strings.HasPrefix(text[j:], "余") || strings.HasPrefix(text[j:], "多") {
		c.Approx = true
		j += len("余")
	}
	kind, unit, wan, n := unitAtBytes(text, j)
	if kind == 0 {
		return c, max(numEnd, j+n), false
	}
	j += n
	var v decimal.Decimal
	if digits <= 18 {
		v = sc.values.newDecimal(coef, -places)
	} else {
		var err error
		if v, err = decimal.NewFromString(strings.ReplaceAll(text[i:numEnd], ",", "")); err != nil {
			return c, j, false
		}
	}
	if strings.HasPrefix(text[j:], "左右") {
		c.Approx = true
		j += len("左右")
	}
	c.Kind, c.Unit, c.Value, c.Places = kind, unit, v, places
	c.Text = strings.TrimSpace(text[i:j])
	c.Wan = v
	if kind == Amount && wan != 0 {
		c.Wan = shift(v, wan)
	}
	return c, j, true
}

// unitAtBytes is unitAt at byte j of text; n is the unit's length in bytes.
func unitAtBytes(text string, j int) (kind Kind, unit string, wan int32, n int) {
	if j >= len(text) {
		return 0, "", 0, 0
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if !unitFirst.has(r) {
		return 0, "", 0, 0
	}
	for _, u := range unitKinds {
		if u.first != r || !strings.HasPrefix(text[j:], u.unit) {
			continue
		}
		n := len(u.unit)
		if u.kind == Score && j+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j+n:]); strings.ContainsRune(notScoreAfter, next) {
				return 0, "", 0, 0
			}
		}
		unit := u.unit
		if unit == "万余元" {
			unit = "万元"
		}
		return u.kind, unit, u.wan, n
	}
	return 0, "", 0, 0
}

// byMarkerBytes is byMarker for the 按 that ends at byte k of text.
func byMarkerBytes(text string, k int) bool {
	for n := 1; k < len(text) && n <= 12; n++ {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r == '分' {
			return n > 1
		}
		if isLabelBoundary(r) || isSentenceEnd(r) || isDigit(r) {
			return false
		}
		k += size
	}
	return false
}

// thousandsBytes is thousands for the comma at byte j of text: the digits
// around it are single bytes.
func thousandsBytes(text string, j int) bool {
	if j == 0 || !isDigitByte(text[j-1]) {
		return false
	}
	for k := 1; k <= 3; k++ {
		if j+k >= len(text) || !isDigitByte(text[j+k]) {
			return false
		}
	}
	return j+4 >= len(text) || !isDigitByte(text[j+4])
}

// runeBefore returns the rune that ends at byte k > 0 of text, and its
// length; text[:k] is valid UTF-8. In valid UTF-8 a three-byte lead three
// bytes back can only start the rune that ends at k.
func runeBefore(text string, k int) (rune, int) {
	if c := text[k-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if k >= 3 && text[k-3]&0xF0 == 0xE0 {
		return rune(text[k-3]&0x0F)<<12 | rune(text[k-2]&0x3F)<<6 | rune(text[k-1]&0x3F), 3
	}
	return utf8.DecodeLastRuneInString(text[:k])
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// validUnfolded reports whether s is valid UTF-8 in which no rune folds.
func validUnfolded(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || mayFold(r) && jixiao.FoldRune(r) != r {
			return false
		}
		i += size
	}
	return true
}
