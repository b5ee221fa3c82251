package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"jixiao"
)

// ExtractReport reads the 自评报告's data out of the narrative of doc: the
// paragraphs and headings outside its tables, sorted into the sections of
// the Hunan outline by their headings. Every figure keeps its stated text;
// nothing is computed. The notes say which parts of the report could not
// be found. It returns nil (and no notes) when doc has no narrative that
// reads as a report: no preface and no known section heading.
func ExtractReport(doc *jixiao.Document) (*jixiao.Report, []Note) {
	lines := narrativeLines(doc)
	rx := &reportExtractor{rep: &jixiao.Report{}}
	for _, l := range lines {
		rx.line(l)
	}
	if !rx.any {
		return nil, nil
	}
	rx.finish(projectReport(lines))
	return rx.rep, rx.notes
}

// maxReportLines bounds the narrative read: a real report has a few
// hundred lines at most.
const maxReportLines = 5000

// rline is one line of narrative with where it came from.
type rline struct {
	text string
	pos  jixiao.Position
}

// narrativeLines returns the non-empty lines of the document's headings
// and paragraphs, trimmed, in reading order.
func narrativeLines(doc *jixiao.Document) []rline {
	var out []rline
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable {
			continue
		}
		for s := range strings.SplitSeq(b.Text, "\n") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, rline{s, b.Pos})
			}
			if len(out) >= maxReportLines {
				return out
			}
		}
	}
	return out
}

// rsec is a section of the report outline.
type rsec int

const (
	rsNone rsec = iota
	rsProfile
	rsBudget // 一般公共预算支出情况
	rsGovFund
	rsStateCapital
	rsSocial
	rsPerformance
	rsProblems
	rsMeasures
	rsApplication
	rsOther
)

// rsub is a part of 基本情况.
type rsub int

const (
	subFunctions rsub = iota
	subInstitutions
	subComposition
	subStaff
)

// sectionKeys map heading words to sections, most specific first: a
// heading is the section of the first key it contains.
var sectionKeys = []struct {
	key string
	sec rsec
	sub rsub
}{
	{"决算单位构成", rsProfile, subComposition},
	{"单位构成", rsProfile, subComposition},
	{"内设机构", rsProfile, subInstitutions},
	{"机构设置", rsProfile, subInstitutions},
	{"机构情况", rsProfile, subInstitutions},
	{"人员情况", rsProfile, subStaff},
	{"人员构成", rsProfile, subStaff},
	{"部门职能", rsProfile, subFunctions},
	{"职能职责", rsProfile, subFunctions},
	{"主要职能", rsProfile, subFunctions},
	{"基本情况", rsProfile, subFunctions},
	{"一般公共预算支出", rsBudget, 0},
	{"政府性基金预算支出", rsGovFund, 0},
	{"国有资本经营预算支出", rsStateCapital, 0},
	{"社会保险基金预算支出", rsSocial, 0},
	{"整体支出绩效情况", rsPerformance, 0},
	{"绩效目标完成情况", rsPerformance, 0},
	{"绩效目标实现情况", rsPerformance, 0},
	{"支出绩效情况", rsPerformance, 0},
	{"绩效情况", rsPerformance, 0},
	{"存在的问题", rsProblems, 0},
	{"存在问题", rsProblems, 0},
	{"改进措施", rsMeasures, 0},
	{"整改措施", rsMeasures, 0},
	{"拟应用", rsApplication, 0},
	{"结果应用", rsApplication, 0},
	{"其他需要说明", rsOther, 0},
}

// numbering matches an outline number at the start of a line: 一、 （一）
// (1) 1、 1． 1.
var numbering = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?|\d{1,2}[、.．](?:\D|$))\s*`)

// pageNumber is a page's number standing alone: "—3—", "- 3 -", "第3页".
var pageNumber = regexp.MustCompile(`^(?:[—\-－]\s*\d{1,4}\s*[—\-－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$`)

// stripTitle removes a report title run into the preface ("…自评报告根据…"),
// as a PDF's paragraphs may have it.
func stripTitle(s string) string {
	i, j := strings.Index(s, "自评报告"), strings.Index(s, "报告如下")
	if i >= 0 && i < j && utf8.RuneCountInString(s[:i]) <= 40 {
		if rest := strings.TrimSpace(s[i+len("自评报告"):]); rest != "" {
			return rest
		}
	}
	return s
}

// itemNumber is a parenthesised item number inside a paragraph, after the
// end of the item before it.
var itemNumber = regexp.MustCompile(`[。；;]（\d{1,2}）`)

// splitNumbered cuts "（1）…。（2）…" into its items.
func splitNumbered(s string) []string {
	var out []string
	for {
		loc := itemNumber.FindStringIndex(s)
		if loc == nil {
			return append(out, s)
		}
		cut := loc[0] + len("。")
		if s[loc[0]] == ';' {
			cut = loc[0] + 1
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
}

// joinLines joins the lines of one item, cut by a page or column break,
// the way a paragraph's lines are joined.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			prev := b.String()[b.Len()-1]
			if prev < 0x80 && l[0] < 0x80 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// endsReport reports a line after which the report's sections are over:
// the attachments' heading, or a table's title.
func endsReport(s string) bool {
	n := utf8.RuneCountInString(s)
	return strings.HasPrefix(s, "附件") && n <= 12 || strings.HasSuffix(s, "自评表") && n <= 60
}

// topHeading is a first-level outline number: 一、 二、 …
var topHeading = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}、`)

// stripNumber removes an outline number; ok reports there was one.
func stripNumber(s string) (rest string, ok bool) {
	loc := numbering.FindStringIndex(s)
	if loc == nil {
		return s, false
	}
	rest = s[loc[1]:]
	// "1.5万元" is a number, not an item: the pattern took one rune after
	// the dot to tell, which belongs to the text.
	if m := s[:loc[1]]; len(m) > 0 && m[0] >= '0' && m[0] <= '9' {
		if i := strings.IndexAny(m, "、.．"); i >= 0 {
			_, w := utf8.DecodeRuneInString(m[i:])
			rest = strings.TrimLeft(s[i+w:], " ")
		}
	}
	return rest, true
}

// heading recognises a section heading: a short line naming a section, or
// a numbered line whose first sentence names one ("（二）决算单位构成。雁峰区…").
// body is the text after an inline heading.
func heading(s string) (sec rsec, sub rsub, body string, ok bool) {
	t, numbered := stripNumber(s)
	title, rest, _ := strings.Cut(t, "。")
	switch {
	case utf8.RuneCountInString(t) <= 24 && !strings.ContainsAny(t, "，；") && !strings.HasSuffix(t, "。") &&
		!strings.HasPrefix(t, "20"):
		title, rest = strings.TrimRight(t, "。:："), ""
	case numbered && utf8.RuneCountInString(title) <= 16:
	default:
		return 0, 0, "", false
	}
	for _, k := range sectionKeys {
		if strings.Contains(title, k.key) {
			return k.sec, k.sub, strings.TrimSpace(rest), true
		}
	}
	return 0, 0, "", false
}

type reportExtractor struct {
	rep   *jixiao.Report
	notes []Note
	any   bool // a preface or a section heading was seen

	sec rsec
	sub rsub

	perf     []string // lines of 部门整体支出绩效情况
	perfPos  jixiao.Position
	problems []string
	measures []string
	staff    []string
	fund     map[rsec][]string
	seen     map[rsec]bool
}

func (rx *reportExtractor) note(field string, pos jixiao.Position, format string, args ...any) {
	rx.notes = append(rx.notes, Note{Field: "report." + field, Message: sprintf(format, args...), Pos: pos})
}

// line files one line of narrative under its section.
func (rx *reportExtractor) line(l rline) {
	r := rx.rep
	if pageNumber.MatchString(l.text) {
		return
	}
	if r.Preface == "" && rx.sec == rsNone && strings.Contains(l.text, "报告如下") {
		r.Preface, rx.any = stripTitle(l.text), true
		return
	}
	if endsReport(l.text) {
		rx.sec = rsNone
		return
	}
	if topHeading.MatchString(l.text) && utf8.RuneCountInString(l.text) <= 24 {
		// A top-level heading of a section this reader does not know ends
		// the one before it.
		rx.sec = rsNone
	}
	if sec, sub, body, ok := heading(l.text); ok {
		rx.sec, rx.sub, rx.any = sec, sub, true
		if rx.seen == nil {
			rx.seen = map[rsec]bool{}
		}
		rx.seen[sec] = true
		if body == "" {
			return
		}
		l.text = body
	}
	switch rx.sec {
	case rsProfile:
		rx.profile(l)
	case rsBudget:
		rx.budget(l)
	case rsGovFund, rsStateCapital, rsSocial:
		if rx.fund == nil {
			rx.fund = map[rsec][]string{}
		}
		rx.fund[rx.sec] = append(rx.fund[rx.sec], l.text)
	case rsPerformance:
		if len(rx.perf) == 0 {
			rx.perfPos = l.pos
		}
		rx.perf = append(rx.perf, l.text)
	case rsProblems:
		rx.problems = append(rx.problems, l.text)
	case rsMeasures:
		rx.measures = append(rx.measures, l.text)
	case rsApplication:
		r.Application = joinText(r.Application, l.text)
	case rsOther:
		r.Other = joinText(r.Other, l.text)
	}
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// profile reads a line of 基本情况.
func (rx *reportExtractor) profile(l rline) {
	p := &rx.rep.Profile
	if staffLine(l.text) {
		rx.staff = append(rx.staff, l.text)
		return
	}
	switch rx.sub {
	case subFunctions:
		_, numbered := stripNumber(l.text)
		switch {
		case numbered:
			// A PDF's paragraphs may hold several items: "…。（3）…".
			for _, it := range splitNumbered(l.text) {
				t, _ := stripNumber(it)
				p.Functions = append(p.Functions, strings.TrimSpace(t))
			}
		case strings.Contains(l.text, "内设"):
			p.Institutions = joinText(p.Institutions, l.text)
		case len(p.Functions) > 0:
			// the rest of an item a page break cut
			n := len(p.Functions) - 1
			p.Functions[n] = joinLines(p.Functions[n] + "\n" + l.text)
		}
	case subInstitutions:
		if strings.Contains(l.text, "单位构成") {
			p.Composition = joinText(p.Composition, l.text)
		} else {
			p.Institutions = joinText(p.Institutions, l.text)
		}
	case subComposition:
		p.Composition = joinText(p.Composition, l.text)
	case subStaff:
		rx.staff = append(rx.staff, l.text)
	}
}

// projectFields are the parts a 项目 report is expected to have.
var projectFields = map[string]bool{"performance": true, "problems": true, "measures": true}

// projectReport reports a 项目支出 report, whose outline has no 部门
// sections (职能, 收入, 其他预算): their absence is not noted.
func projectReport(lines []rline) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(l.text) <= 60 && strings.Contains(l.text, "项目") && strings.Contains(l.text, "绩效自评报告") {
			return true
		}
	}
	return false
}

// finish reads what needs a whole section and notes what is missing.
func (rx *reportExtractor) finish(project bool) {
	r := rx.rep
	rx.readStaff()
	rx.otherBudgets()
	rx.performance()
	r.Problems = problems(rx.problems)
	r.Measures = items(strings.Join(rx.measures, "\n"))
	var z jixiao.Position
	missing := func(field, what string, absent bool) {
		if absent && (!project || projectFields[field]) {
			rx.note(field, z, "自评报告中未找到%s", what)
		}
	}
	missing("preface", "开头的说明段落（……现报告如下）", r.Preface == "")
	missing("profile.functions", "部门职能（（1）（2）……各项）", len(r.Profile.Functions) == 0)
	missing("profile.institutions", "机构设置（内设机构）", r.Profile.Institutions == "")
	missing("profile.composition", "决算单位构成", r.Profile.Composition == "")
	missing("profile.staff", "人员情况（在职人员人数）", !r.Profile.Staff.Active.Stated() && r.Profile.Staff.Text == "")
	missing("income", "本年收入（本年收入合计……其中：……）", len(r.Income) == 0)
	missing("spending.by_source", "按资金来源分类的本年支出", len(r.Spending.BySource) == 0)
	missing("spending.by_nature", "按支出性质分类的本年支出（基本支出、项目支出）", len(r.Spending.ByNature) == 0)
	missing("spending.by_economic", "按经济分类的本年支出（工资福利支出等）", len(r.Spending.ByEconomic) == 0)
	missing("government_fund", "政府性基金预算支出情况", !r.GovernmentFund.Stated())
	missing("state_capital", "国有资本经营预算支出情况", !r.StateCapital.Stated())
	missing("performance", "部门整体支出绩效情况", r.Performance == "" && len(r.Achievements) == 0)
	missing("achievements", "主要成效（一是……二是……）", len(r.Achievements) == 0)
	missing("problems", "存在的问题及原因分析", len(r.Problems) == 0)
	missing("measures", "下一步改进措施", len(r.Measures) == 0)
	missing("application", "绩效自评结果拟应用和公开情况", r.Application == "")
}
