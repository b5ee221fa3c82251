package docx

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"jixiao/importer/internal/limit"
)

const maxLevels = 9

// level is one level of an abstract numbering definition.
type level struct {
	start   int
	format  string // numFmt: decimal, chineseCounting, bullet, …
	text    string // lvlText: "%1、", "（%2）"
	legal   bool   // isLgl: show all levels as decimal
	restart int    // lvlRestart: restart after this 1-based level; -1 when not set
}

type abstractNum struct {
	levels [maxLevels]level
}

type numInstance struct {
	abs       int
	overrides map[int]int // ilvl → startOverride
}

// numbering holds the list definitions and, while the body is read, the
// counters: per abstract definition, because instances that share one
// continue each other's numbering unless they override the start.
type numbering struct {
	abs      map[int]*abstractNum
	nums     map[int]*numInstance
	counters map[int]*[maxLevels]int
	used     map[int]bool // instances already seen in the body
}

func readNumbering(z *limit.Zip, part string, lim limit.Limits) (*numbering, error) {
	n := &numbering{abs: map[int]*abstractNum{}, nums: map[int]*numInstance{}, counters: map[int]*[maxLevels]int{}, used: map[int]bool{}}
	buf, err := readPart(z, part)
	if errors.Is(err, limit.ErrNoPart) {
		return n, nil
	} else if err != nil {
		return nil, partError(err)
	}
	defer release(buf)
	x := newScanner(buf.Bytes(), lim.MaxXMLDepth)
	var (
		a     *abstractNum
		lv    *level
		inst  *numInstance
		ovLvl = -1
	)
	for {
		t, err := x.next()
		if err == io.EOF {
			return n, nil
		} else if err != nil {
			return nil, err
		}
		if t.kind == tEnd {
			switch string(t.local) {
			case "abstractNum":
				a, lv = nil, nil
			case "lvl":
				lv = nil
			case "num":
				inst = nil
			case "lvlOverride":
				ovLvl = -1
			}
			continue
		}
		if t.kind != tStart {
			continue
		}
		v := attr(t.attr, "val")
		switch string(t.local) {
		case "abstractNum":
			id, _ := atoi(attr(t.attr, "abstractNumId"))
			a = &abstractNum{}
			for i := range a.levels {
				a.levels[i] = level{start: 1, format: "decimal", restart: -1}
			}
			n.abs[id] = a
		case "lvl":
			i, ok := atoi(attr(t.attr, "ilvl"))
			if a != nil && ok && i >= 0 && i < maxLevels {
				lv = &a.levels[i]
			} else if a != nil && inst == nil {
				lv = nil
			}
		case "start":
			if k, ok := atoi(v); ok && lv != nil {
				lv.start = k
			}
		case "numFmt":
			if lv != nil {
				lv.format = v
			}
		case "lvlText":
			if lv != nil {
				lv.text = v
			}
		case "isLgl":
			if lv != nil {
				lv.legal = v == "" || v == "1" || v == "true" || v == "on"
			}
		case "lvlRestart":
			if k, ok := atoi(v); ok && lv != nil {
				lv.restart = k
			}
		case "num":
			id, _ := atoi(attr(t.attr, "numId"))
			inst = &numInstance{abs: -1}
			n.nums[id] = inst
		case "abstractNumId":
			if k, ok := atoi(v); ok && inst != nil {
				inst.abs = k
			}
		case "lvlOverride":
			if k, ok := atoi(attr(t.attr, "ilvl")); ok && inst != nil && k >= 0 && k < maxLevels {
				ovLvl = k
			}
		case "startOverride":
			if k, ok := atoi(v); ok && inst != nil && ovLvl >= 0 {
				if inst.overrides == nil {
					inst.overrides = map[int]int{}
				}
				inst.overrides[ovLvl] = k
			}
		}
	}
}

// next advances the counters for a paragraph numbered (numID, ilvl) and
// returns its visible number text ("一、", "1.1"), or "" when the list is
// a bullet list or not defined.
func (n *numbering) next(numID, ilvl int) string {
	inst := n.nums[numID]
	if inst == nil || ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	a := n.abs[inst.abs]
	if a == nil {
		return ""
	}
	c := n.counters[inst.abs]
	if c == nil {
		c = new([maxLevels]int)
		for i := range c {
			c[i] = a.levels[i].start - 1
		}
		n.counters[inst.abs] = c
	}
	if !n.used[numID] {
		n.used[numID] = true
		for l, s := range inst.overrides {
			c[l] = s - 1
		}
	}
	c[ilvl]++
	for l := ilvl + 1; l < maxLevels; l++ {
		if r := a.levels[l].restart; r == 0 || (r > 0 && r <= ilvl) {
			continue
		}
		c[l] = a.levels[l].start - 1
	}
	lv := a.levels[ilvl]
	if lv.format == "bullet" {
		return ""
	}
	return expand(lv.text, func(k int) string {
		if k < 0 || k > ilvl {
			return ""
		}
		v := c[k]
		if k < ilvl && v < a.levels[k].start {
			v = a.levels[k].start // a level shown before it was ever used
		}
		f := a.levels[k].format
		if lv.legal {
			f = "decimal"
		}
		return formatNumber(v, f)
	})
}

// expand replaces %1…%9 in a lvlText.
func expand(text string, num func(int) string) string {
	if !strings.Contains(text, "%") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			b.WriteString(num(int(text[i+1] - '1')))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

var (
	cnDigits  = []rune("〇一二三四五六七八九")
	cnLegal   = []rune("零壹贰叁肆伍陆柒捌玖")
	heavenly  = []rune("甲乙丙丁戊己庚辛壬癸")
	zodiac    = []rune("子丑寅卯辰巳午未申酉戌亥")
	circled   = []rune("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
	fullWidth = []rune("０１２３４５６７８９")
)

// formatNumber renders n in a WordprocessingML number format; unknown
// formats and numbers out of a format's range fall back to decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
		if n > 0 && n < 100000 {
			return chineseCounting(n, cnDigits, '零', "十百千万")
		}
	case "chineseLegalSimplified", "ideographLegalTraditional":
		if n > 0 && n < 100000 {
			return chineseCounting(n, cnLegal, '零', "拾佰仟万")
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			s := []rune(strconv.Itoa(n))
			for i, r := range s {
				s[i] = cnDigits[r-'0']
			}
			return string(s)
		}
	case "ideographTraditional":
		if n > 0 && n <= len(heavenly) {
			return string(heavenly[n-1])
		}
	case "ideographZodiac":
		if n > 0 && n <= len(zodiac) {
			return string(zodiac[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n > 0 && n <= len(circled) {
			return string(circled[n-1])
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")"
	case "decimalEnclosedFullstop":
		return strconv.Itoa(n) + "."
	case "decimalFullWidth", "decimalFullWidth2":
		if n >= 0 {
			s := []rune(strconv.Itoa(n))
			for i, r := range s {
				s[i] = fullWidth[r-'0']
			}
			return string(s)
		}
	case "upperLetter", "lowerLetter":
		if n > 0 && n <= 26*10 {
			// Word repeats the letter: 27 → AA, 28 → BB.
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// chineseCounting writes n (1…99999) the way Word counts in Chinese:
// 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十.
func chineseCounting(n int, digits []rune, zeroR rune, units string) string {
	u := []rune(units) // 十 百 千 万
	if n < 20 && n >= 10 {
		if n == 10 {
			return string(u[0])
		}
		return string(u[0]) + string(digits[n-10])
	}
	var parts []rune
	pos := []int{10000, 1000, 100, 10, 1}
	unit := []rune{u[3], u[2], u[1], u[0], 0}
	zero := false
	started := false
	for i, p := range pos {
		d := n / p % 10
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			parts = append(parts, zeroR)
			zero = false
		}
		parts = append(parts, digits[d])
		if unit[i] != 0 {
			parts = append(parts, unit[i])
		}
		started = true
	}
	return string(parts)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
