package web

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/notation"

	"jixiao"
)

// The editor's form: every field of the table a unit fills in, named so
// that a finding's location maps to the input it concerns ("b.executed",
// "i.3.score", "s.1.0.fullyear"). The report's data ("rd.…",
// report_form.go) and its text ("r.text.4", one per heading or paragraph)
// follow the table.

// budgetCols are the figures of 年度资金总额, in table order.
var budgetCols = []struct{ Key, Label string }{
	{"request", "年度预算申请"}, {"initial", "年初预算数"}, {"fullyear", "全年预算数"},
	{"executed", "全年执行数"}, {"weight", "分值"}, {"rate", "执行率"}, {"score", "得分"},
}

// splitCols are the figures of a breakdown row.
var splitCols = []struct{ Key, Label string }{
	{"initial", "年初预算数"}, {"fullyear", "全年预算数"}, {"executed", "全年执行数"}, {"rate", "执行率"},
}

// indicatorCols are the columns of a 三级 indicator row.
var indicatorCols = []struct{ Key, Label string }{
	{"level1", "一级指标"}, {"level2", "二级指标"}, {"name", "三级指标"}, {"target", "年度指标值"},
	{"actual", "实际完成值"}, {"unit", "度量单位"}, {"type", "指标值类型"}, {"weight", "分值"}, {"score", "得分"},
	{"standard", "评（扣）分标准"}, {"deviation", "偏差原因分析及改进措施"}, {"order", "次序"},
}

type formField struct {
	Name, ID, Label, Value string
	Autofocus              bool // the field a row button leaves focused
}

type indicatorForm struct {
	Index    int
	Path     string // "indicators[3]", as comments name it
	From     string // the row's place in the stored version ("" for a row added): see formContent
	Fields   map[string]formField
	Comments []*jixiao.Comment
}

// evaluationForm is the editor's view of an evaluation's content.
type evaluationForm struct {
	Header     []formField
	Budget     []formField
	Splits     listForm // the breakdowns, each with its rows as its one inner list
	Goal       []formField
	Indicators []indicatorForm
	Total      []formField
	Report     []reportTextField // the report's headings and paragraphs
	ReportData []reportGroup     // the report's data
	HasReport  bool              // false: the evaluation has no report yet
}

// reportTextField is one heading or paragraph of the report in the form:
// "r.text.4", a single line for a heading, a text area for a paragraph.
type reportTextField struct {
	formField
	Ref     formField // the hidden textRef
	Index   int
	Heading bool
	Added   bool // the unit added it: no block of the source
	Rows    int  // the text area's height
}

func field(name, label, value string) formField {
	return formField{Name: name, ID: fieldID(name), Label: label, Value: value}
}

// newEvaluationForm fills the form from ev, with one blank indicator row
// at the end for a row to be added without JavaScript.
func newEvaluationForm(ev *jixiao.Evaluation) evaluationForm {
	var f evaluationForm
	year := ""
	if ev.Year != 0 {
		year = strconv.Itoa(ev.Year)
	}
	f.Header = []formField{field("unit", "单位名称", ev.Unit), field("department", "主管部门", ev.Department),
		field("year", "年度", year)}
	if ev.Kind == jixiao.KindProject {
		f.Header = append(f.Header, field("project", "项目名称", ev.Project), field("project_code", "项目编码", ev.ProjectCode))
	}
	f.Header = append(f.Header, field("amount_unit", "金额单位（空为万元）", ev.AmountUnit))
	b := ev.Budget
	for i, fig := range []jixiao.Figure{b.Request, b.Initial, b.FullYear, b.Executed, b.Weight, b.Rate, b.Score} {
		f.Budget = append(f.Budget, field("b."+budgetCols[i].Key, budgetCols[i].Label, fig.Text))
	}
	f.Splits = newListForm(splitList(&ev.Budget))
	f.Goal = []formField{field("goal.expected", "预期目标", ev.Goal.Expected), field("goal.actual", "实际完成情况", ev.Goal.Actual)}
	for i, in := range ev.Indicators {
		f.Indicators = append(f.Indicators, indicatorRowForm(i, in))
		f.Indicators[i].From = strconv.Itoa(i)
	}
	f.Indicators = append(f.Indicators, indicatorRowForm(len(ev.Indicators), jixiao.Indicator{}))
	f.Total = []formField{field("total", "总分", ev.StatedTotal.Text), field("grade", "等级", ev.StatedGrade)}
	if ev.Report != nil {
		f.HasReport = true
		f.Report = reportTextForm(ev.Report)
		f.ReportData = reportDataForm(ev.Report)
	}
	return f
}

// splitList is the budget's breakdowns as a rowList: "s.1.name" is the
// second breakdown's name, "s.1.0.fullyear" a figure of its first row.
func splitList(b *jixiao.Budget) rowList {
	return listOf("s", "预算分项", "项", &b.Splits, func(pre string, sp *jixiao.BudgetSplit) []reportAccessor {
		return []reportAccessor{strField(pre+"name", "分项名称", "line", &sp.Name)}
	}, func(sp *jixiao.BudgetSplit) bool { return sp.Name == "" && len(sp.Rows) == 0 },
		func(pre string, sp *jixiao.BudgetSplit) []rowList {
			return []rowList{listOf(pre, rowName(sp.Name, pre+"."), "行", &sp.Rows, func(pre string, row *jixiao.BudgetRow) []reportAccessor {
				of := rowName(row.Name, pre)
				return []reportAccessor{strField(pre+"name", sp.Name+" "+of+" 名称", "line", &row.Name),
					figField(pre+"initial", sp.Name+" "+of+" 年初预算数", &row.Initial), figField(pre+"fullyear", sp.Name+" "+of+" 全年预算数", &row.FullYear),
					figField(pre+"executed", sp.Name+" "+of+" 全年执行数", &row.Executed), figField(pre+"rate", sp.Name+" "+of+" 执行率", &row.Rate)}
			}, func(r *jixiao.BudgetRow) bool {
				return r.Name == "" && !r.Initial.Stated() && !r.FullYear.Stated() && !r.Executed.Stated() && !r.Rate.Stated()
			}, nil)}
		})
}

// reportTextForm labels each paragraph by the heading above it, so that a
// screen reader hears which section a text area belongs to.
func reportTextForm(rep *jixiao.Report) []reportTextField {
	l := textList(rep)
	out := make([]reportTextField, 0, len(rep.Text))
	under := "报告开头"
	for k, t := range rep.Text {
		head := t.Kind == jixiao.BlockHeading
		label := fmt.Sprintf("第 %d 段（%s）", k+1, under)
		if head {
			under = strings.TrimSpace(t.Text)
			label = fmt.Sprintf("第 %d 段：标题", k+1)
		}
		acc := l.fields(k)
		// a text area tall enough for the paragraph, at about 50 characters a line
		rows := min(max(utf8.RuneCountInString(t.Text)/50+1, 2), 10)
		out = append(out, reportTextField{formField: field(acc[0].name, label, t.Text), Ref: field(acc[1].name, "", acc[1].get()),
			Index: k, Heading: head, Added: t.Block < 0, Rows: rows})
	}
	return out
}

func indicatorRowForm(i int, in jixiao.Indicator) indicatorForm {
	vals := []string{in.Level1, in.Level2, in.Name, in.Target.Raw, in.Actual.Raw, in.Unit, string(in.Type), in.Weight.Text,
		in.Score.Text, in.Standard, in.Deviation, strconv.Itoa(i + 1)}
	row := indicatorForm{Index: i, Path: indicatorPath(i), Fields: map[string]formField{}}
	for k, c := range indicatorCols {
		row.Fields[c.Key] = field(fmt.Sprintf("i.%d.%s", i, c.Key), fmt.Sprintf("第 %d 行 %s", i+1, c.Label), vals[k])
	}
	return row
}

// evaluationFromForm returns base with the form's fields written over it.
// What the form does not hold (provenance, a list the form leaves out)
// stays as in base; rows left blank are dropped.
func evaluationFromForm(base *jixiao.Evaluation, form url.Values) (*jixiao.Evaluation, error) {
	return fromForm(base, form, false)
}

// fromForm is evaluationFromForm, keeping the blank rows of the lists when
// keepBlank.
func fromForm(base *jixiao.Evaluation, form url.Values, keepBlank bool) (*jixiao.Evaluation, error) {
	ev, _, err := formContent(base, form, keepBlank)
	return ev, err
}

// formContent is fromForm, with where each of the indicators it returns
// stood in base (-1 for a row added), which the form says in each row's
// "i.N.from": a comment pinned to a row follows it when the rows are
// saved moved (jixiao.RepinPath). The row numbers N cannot say it: they
// are those of the form, which a row button renders again from content
// not yet saved. A place the form names twice or base does not have is
// taken for a row added.
func formContent(base *jixiao.Evaluation, form url.Values, keepBlank bool) (*jixiao.Evaluation, []int, error) {
	ev := *base
	get := func(name string) string { return strings.TrimSpace(form.Get(name)) }
	ev.Unit, ev.Department = get("unit"), get("department")
	if _, ok := form["amount_unit"]; ok {
		ev.AmountUnit = get("amount_unit")
	}
	if ev.Kind == jixiao.KindProject {
		ev.Project, ev.ProjectCode = get("project"), get("project_code")
	}
	ev.Year = 0
	if y := get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return nil, nil, invalidField("year", "年度“%s”应为四位数字的年份", y)
		}
		ev.Year = n
	}
	fig := func(name string) jixiao.Figure { return notation.ParseFigure(get(name)) }
	b := &ev.Budget
	for i, dst := range []*jixiao.Figure{&b.Request, &b.Initial, &b.FullYear, &b.Executed, &b.Weight, &b.Rate, &b.Score} {
		*dst = fig("b." + budgetCols[i].Key)
	}
	b.Splits = slices.Clone(base.Budget.Splits)
	for i := range b.Splits {
		b.Splits[i].Rows = slices.Clone(b.Splits[i].Rows)
	}
	readList(splitList(b), form, keepBlank)
	ev.Goal = jixiao.Goal{Expected: get("goal.expected"), Actual: get("goal.actual")}
	type placed struct {
		in    jixiao.Indicator
		order float64
		from  int
	}
	var rows []placed
	taken := map[int]bool{}
	for _, i := range indicatorIndexes(form) {
		p := fmt.Sprintf("i.%d.", i)
		if form.Get(p+"remove") != "" {
			continue
		}
		unit := get(p + "unit")
		in := jixiao.Indicator{Level1: get(p + "level1"), Level2: get(p + "level2"), Name: get(p + "name"),
			Target: notation.ParseValueIn(get(p+"target"), unit), Actual: notation.ParseValueIn(get(p+"actual"), unit), Unit: unit,
			Type: jixiao.ValueType(get(p + "type")), Weight: fig(p + "weight"), Score: fig(p + "score"),
			Standard: get(p + "standard"), Deviation: get(p + "deviation")}
		if blankIndicator(in) {
			continue
		}
		if in.Type != "" && in.Type != jixiao.Quantitative && in.Type != jixiao.Qualitative {
			return nil, nil, invalidField(p+"type", "第 %d 行指标值类型应为“定量”或“定性”", len(rows)+1)
		}
		from, err := strconv.Atoi(get(p + "from"))
		if err != nil || from < 0 || from >= len(base.Indicators) || taken[from] {
			from = -1
		}
		taken[from] = true
		// 次序 moves a row; a row without a readable one stays where it is
		order, err := strconv.ParseFloat(get(p+"order"), 64)
		if err != nil {
			order = float64(i + 1)
		}
		rows = append(rows, placed{in, order, from})
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].order < rows[b].order })
	ev.Indicators = nil
	from := make([]int, 0, len(rows))
	for _, r := range rows {
		ev.Indicators = append(ev.Indicators, r.in)
		from = append(from, r.from)
	}
	ev.StatedTotal, ev.StatedGrade = fig("total"), get("grade")
	rep := base.Report
	if _, added := form["rd.present"]; rep == nil && added {
		rep = &jixiao.Report{} // the unit adds a report to a table that had none
	}
	if rep != nil {
		ev.Report = reportDataFromForm(rep, form, keepBlank)
		readList(textList(ev.Report), form, keepBlank)
	}
	return &ev, from, nil
}

// indicatorIndexes returns the row numbers the form holds, in order.
func indicatorIndexes(form url.Values) []int {
	seen := map[int]bool{}
	for k := range form {
		rest, ok := strings.CutPrefix(k, "i.")
		if !ok {
			continue
		}
		n, _, _ := strings.Cut(rest, ".")
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < 10000 {
			seen[i] = true
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

func blankIndicator(in jixiao.Indicator) bool {
	return in.Level1 == "" && in.Level2 == "" && in.Name == "" && in.Target.Raw == "" && in.Actual.Raw == "" && in.Unit == "" &&
		in.Weight.Text == "" && in.Score.Text == "" && in.Standard == "" && in.Deviation == "" && in.Type == ""
}

// findingAnchor returns the id of the form field a finding concerns, or of
// its section when it concerns a block as a whole: a finding on the
// report's text points at the paragraph it quotes.
func findingAnchor(ev *jixiao.Evaluation, l jixiao.Location) string {
	switch l.Block {
	case "header":
		return "sec-header"
	case "budget":
		for i, sp := range ev.Budget.Splits {
			if sp.Name != l.Item {
				continue
			}
			key := colKey(splitCols[:], l.Column)
			if l.Row > 0 && l.Row <= len(sp.Rows) && key != "" {
				return fmt.Sprintf("f-s-%d-%d-%s", i, l.Row-1, key)
			}
			if key != "" && len(sp.Rows) > 0 {
				return fmt.Sprintf("f-s-%d-0-%s", i, key)
			}
			return "sec-budget"
		}
		if key := colKey(budgetCols[:], l.Column); key != "" {
			return "f-b-" + key
		}
		return "sec-budget"
	case "goal":
		if l.Column == "预期目标" {
			return "f-goal-expected"
		}
		return "f-goal-actual"
	case "indicators":
		if l.Row > 0 {
			key := colKey(indicatorCols[:], l.Column)
			if key == "" {
				key = "name"
			}
			return fmt.Sprintf("f-i-%d-%s", l.Row-1, key)
		}
		return "sec-indicators"
	case "total":
		return "f-total"
	case "report":
		if ev.Report == nil || ev.Report.Text == nil {
			return ""
		}
		if !l.Source.IsZero() {
			for k, t := range ev.Report.Text {
				if t.Pos == l.Source {
					return fmt.Sprintf("f-r-text-%d", k)
				}
			}
		}
		return "sec-report"
	}
	return ""
}

func colKey(cols []struct{ Key, Label string }, label string) string {
	label = strings.NewReplacer("(", "（", ")", "）").Replace(label)
	for _, c := range cols {
		if c.Label == label || strings.ReplaceAll(c.Label, "（扣）", "扣") == label {
			return c.Key
		}
	}
	return ""
}

func fmtID(format string, i int) string { return fmt.Sprintf(format, i) }

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// commentTargets are what a comment may be pinned to, in form order, with
// the words the pages show for each path.
func commentTargets(ev *jixiao.Evaluation) []labelled {
	out := make([]labelled, 0, len(budgetCols)+len(ev.Indicators)+3)
	out = append(out, labelled{"header", "基本信息"})
	for _, c := range budgetCols {
		out = append(out, labelled{"budget." + c.Label, "预算：" + c.Label})
	}
	out = append(out, labelled{"goal", "年度总体目标"})
	for i, in := range ev.Indicators {
		out = append(out, labelled{indicatorPath(i), "指标第 " + strconv.Itoa(i+1) + " 行：" + in.Name})
	}
	return append(out, labelled{"report", "自评报告"})
}

// targetLabels maps each comment path of targets (commentTargets) to its
// words; a path the list does not know shows as itself.
func targetLabels(targets []labelled) map[string]string {
	// where a save leaves a comment whose indicator row was removed
	m := make(map[string]string, len(targets)+1)
	m["indicators"] = "绩效指标（意见所在的一行已删除）"
	for _, t := range targets {
		m[t.Code] = t.Label
	}
	return m
}

var (
	splitPath     = regexp.MustCompile(`^budget\.splits\[(\d+)\](?:\.rows\[(\d+)\])?\.?(.*)$`)
	indicatorPart = regexp.MustCompile(`^indicators\[(\d+)\]\.?(.*)$`)
)

// fieldWords names a field path ("budget.splits[1].rows[0].全年预算数",
// "indicators[4].一级指标") the way the table does: 按支出性质分 · 基本支出 ·
// 全年预算数, 指标第 5 行 · 一级指标.
func fieldWords(ev *jixiao.Evaluation, path string) string {
	if m := splitPath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		parts := []string{"预算"}
		if ev != nil && i < len(ev.Budget.Splits) {
			parts = append(parts, ev.Budget.Splits[i].Name)
			if m[2] != "" {
				if j, _ := strconv.Atoi(m[2]); j < len(ev.Budget.Splits[i].Rows) {
					parts = append(parts, ev.Budget.Splits[i].Rows[j].Name)
				}
			}
		}
		if m[3] != "" && m[3] != "name" {
			parts = append(parts, m[3])
		} else if m[3] == "name" {
			parts = append(parts, "名称")
		}
		return strings.Join(parts, " · ")
	}
	if m := indicatorPart.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		w := fmt.Sprintf("指标第 %d 行", i+1)
		if ev != nil && i < len(ev.Indicators) && ev.Indicators[i].Name != "" {
			w += "（" + ev.Indicators[i].Name + "）"
		}
		if m[2] != "" {
			w += " · " + m[2]
		}
		return w
	}
	if rest, ok := strings.CutPrefix(path, "budget."); ok {
		return "预算 · " + rest
	}
	if rest, ok := strings.CutPrefix(path, "goal."); ok {
		return "年度总体目标 · " + rest
	}
	if rest, ok := strings.CutPrefix(path, "report.text["); ok {
		return "自评报告 · " + strings.TrimSuffix(rest, "]") + "文字"
	}
	if rest, ok := strings.CutPrefix(path, "report."); ok {
		return "自评报告 · " + rest
	}
	return path
}

// focus marks the field with the given id in the form's lists and report
// text for autofocus.
func (f *evaluationForm) focus(id string) {
	if id == "" {
		return
	}
	f.Splits.focus(id)
	for i := range f.ReportData {
		markFocus(f.ReportData[i].Fields, id)
		for j := range f.ReportData[i].Lists {
			f.ReportData[i].Lists[j].focus(id)
		}
	}
	for i := range f.Report {
		f.Report[i].Autofocus = f.Report[i].Autofocus || f.Report[i].ID == id
	}
}

func (l *listForm) focus(id string) {
	for i := range l.Rows {
		markFocus(l.Rows[i].Fields, id)
		for j := range l.Rows[i].Lists {
			l.Rows[i].Lists[j].focus(id)
		}
	}
}

func markFocus(fs []reportDataField, id string) {
	for i := range fs {
		fs[i].Autofocus = fs[i].Autofocus || fs[i].ID == id
	}
}
