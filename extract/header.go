package extract

import (
	"regexp"
	"strings"

	"jixiao/notation"

	"jixiao"
)

// headerFields reads "label | value" pairs such as 预算部门名称 | 某局.
func (x *extractor) headerFields(r grow) {
	if x.fields == nil {
		x.fields = map[string]string{}
	}
	for i := 0; i < len(r.cells); i++ {
		c := r.cells[i]
		if c.origin && c.norm == "自评总分" && !x.ev.StatedTotal.Stated() {
			// 重庆's 部门整体 table states its total in the header
			if v := x.nextValue(r, i); v != nil && notation.IsFigure(v.Text) {
				x.ev.StatedTotal = notation.ParseFigure(v.Text)
				x.prov("total", v.Pos)
				x.totalRead = true
				i = indexOf(r, v)
				continue
			}
		}
		field, ok := headerLabels[c.norm]
		if !c.origin || !ok {
			continue
		}
		v := x.nextValue(r, i)
		if v == nil || headerLabels[v.norm] != "" {
			x.pending = append(x.pending, field)
			continue
		}
		x.setField(field, v.Text, v.Pos)
		i = indexOf(r, v)
	}
}

func indexOf(r grow, c *gcell) int {
	for i := range r.cells {
		if &r.cells[i] == c {
			return i
		}
	}
	return len(r.cells)
}

// fillPending takes the values of header fields whose labels stood alone
// on the row above.
func (x *extractor) fillPending(r grow) {
	var vals []gcell
	for _, c := range r.cells {
		if c.origin && c.Text != "" {
			vals = append(vals, c)
		}
	}
	fields := x.pending
	x.pending = nil
	if len(vals) > 0 && headerLabels[vals[0].norm] != "" || x.structural(r) {
		for _, f := range fields {
			x.note(f, r.pos, "表头项“"+fieldLabel(f)+"”没有填写内容")
		}
		x.row(r) // a row of labels or a block header, not of values
		return
	}
	for i, f := range fields {
		if i < len(vals) {
			x.setField(f, vals[i].Text, vals[i].Pos)
		}
	}
}

// structural reports a row that starts a block of the table rather than
// holding header values.
func (x *extractor) structural(r grow) bool {
	if x.isBudgetHeader(r) || x.isIndicatorHeader(r) {
		return true
	}
	for _, c := range r.cells {
		if isTitle(c.Text) || goalLabel(c.norm) || isTotalLabel(c.norm) || c.norm == "总分" {
			return true
		}
	}
	return false
}

// fieldLabel names a header field in notes.
func fieldLabel(f string) string {
	for label, field := range headerLabels {
		if field == f && (label == "预算部门名称" || label == "主管部门" || label == "实施单位" ||
			label == "项目名称" || label == "项目编码" || label == "年度") {
			return label
		}
	}
	return f
}

func (x *extractor) setField(field, value string, pos jixiao.Position) {
	if _, seen := x.fields[field]; seen {
		return
	}
	x.fields[field] = value
	x.prov(field, pos)
}

var codedProject = regexp.MustCompile(`^([0-9A-Z]{15,24})\s*[-—–_]\s*(\S.*)$`)

// finish settles kind, unit, year and notes what is missing.
func (x *extractor) finish(doc *jixiao.Document) {
	ev := x.ev
	f := x.fields
	if !x.found {
		x.note("", jixiao.Position{}, "未在文档中找到自评表（未识别到预算或绩效指标表头）")
	}
	ev.Kind = x.kind()
	if ev.Kind == "" {
		x.note("kind", x.titlePos, "无法判断自评表类型（部门整体或项目）")
	}
	ev.Department = f[fieldDepartment]
	ev.Project = f[fieldProject]
	ev.ProjectCode = f[fieldCode]
	if m := codedProject.FindStringSubmatch(ev.Project); m != nil && ev.ProjectCode == "" {
		// "51000021R000000019951-工资性支出": the integrated system's code before the name
		ev.ProjectCode, ev.Project = m[1], m[2]
	}
	switch {
	case f[fieldUnit] != "":
		ev.Unit = f[fieldUnit]
	case f[fieldImplementer] != "":
		ev.Unit = f[fieldImplementer]
		x.prov(fieldUnit, ev.Provenance[fieldImplementer])
	case ev.Kind != jixiao.KindProject && unitFromTitle(x.title) != "":
		ev.Unit = unitFromTitle(x.title)
		x.prov(fieldUnit, x.titlePos)
	default:
		x.note("unit", jixiao.Position{}, "未找到单位名称")
	}
	x.year(doc)
	if x.found && len(ev.Indicators) == 0 {
		x.note("indicators", jixiao.Position{}, "未读到绩效指标")
	}
	ev.Missing = x.missing()
}

func (x *extractor) kind() jixiao.Kind {
	t := x.title
	switch {
	case strings.Contains(t, "整体"):
		return jixiao.KindDepartment
	case strings.Contains(t, "项目"):
		return jixiao.KindProject
	}
	for _, s := range x.ev.Budget.Splits {
		if s.Name == splitIncome || s.Name == splitExpense {
			return jixiao.KindDepartment
		}
	}
	if x.fields[fieldProject] != "" || x.fields[fieldCode] != "" {
		return jixiao.KindProject
	}
	if x.fields[fieldUnit] != "" {
		return jixiao.KindDepartment
	}
	return ""
}

var (
	titleYearPrefix = regexp.MustCompile(`^(20\d\d)\s*年度?`)
	titleYearSuffix = regexp.MustCompile(`(20\d\d)\s*年度?$`)
)

// The years yearIn looks for: "20xx" followed, after any ASCII spaces, by
// the suffix. As regular expressions: (20\d\d), (20\d\d)\s*年, (20\d\d)\s*年度.
const (
	yearDigits  = ""
	yearOfTitle = "年"
	yearOfText  = "年度"
)

var titleSuffixes = []string{
	"部门整体支出绩效自评表", "部门整体绩效自评表", "整体支出绩效自评表", "整体绩效自评表",
	"部门支出绩效自评表", "支出绩效自评表", "绩效自评表", "自评表",
}

// unitFromTitle reads the unit from a title such as
// "雁峰区司法局整体绩效自评表" or "2024年度某局部门整体支出绩效自评表".
func unitFromTitle(t string) string {
	t = strings.TrimSpace(t)
	if m := titleYearPrefix.FindString(t); m != "" {
		t = t[len(m):]
	}
	for _, s := range titleSuffixes {
		if u, ok := strings.CutSuffix(t, s); ok {
			u = strings.TrimSpace(u)
			if m := titleYearSuffix.FindString(u); m != "" {
				u = strings.TrimSpace(u[:len(u)-len(m)])
			}
			return u
		}
	}
	return ""
}

// year takes the year from the 年度 field, the title, or the first
// "20xx年度" in the document's text, in that order.
func (x *extractor) year(doc *jixiao.Document) {
	if y := x.fields[fieldYear]; y != "" {
		if n, ok := yearIn(y, yearDigits); ok {
			x.ev.Year = n
			return
		}
	}
	if n, ok := yearIn(x.title, yearOfTitle); ok {
		x.ev.Year = n
		x.prov(fieldYear, x.titlePos)
		return
	}
	if n, ok := yearIn(x.yearLine, yearOfTitle); ok {
		x.ev.Year = n
		x.prov(fieldYear, x.yearPos)
		return
	}
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable {
			continue
		}
		if n, ok := yearIn(b.Text, yearOfText); ok {
			x.ev.Year = n
			x.prov(fieldYear, b.Pos)
			return
		}
	}
	x.note("year", jixiao.Position{}, "未找到年度")
}

// yearIn finds the first year followed by suffix in the first few
// kilobytes of s: a year stated further into a long paragraph is not the
// document's. It is scanned for by hand: every paragraph up to the first
// with a year is searched, and a regular expression cost more than the
// rest of the table's reading.
func yearIn(s string, suffix string) (int, bool) {
	if len(s) > 4096 {
		s = s[:4096]
	}
	for i := 0; i+4 <= len(s); i++ {
		if s[i] != '2' || s[i+1] != '0' || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		j := i + 4
		for j < len(s) && isRegexpSpace(s[j]) && suffix != "" {
			j++
		}
		if strings.HasPrefix(s[j:], suffix) {
			return 2000 + int(s[i+2]-'0')*10 + int(s[i+3]-'0'), true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isRegexpSpace is \s of Go's regular expressions.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
