package report

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/score"
)

// Labels of the official table. Importers find cells by these labels, so
// they are written exactly as here and nowhere else.
const (
	LabelLevel1    = "一级指标"
	LabelLevel2    = "二级指标"
	LabelLevel3    = "三级指标"
	LabelTarget    = "年度指标值"
	LabelActual    = "实际完成值"
	LabelStandard  = "评(扣)分标准"
	LabelWeight    = "分值"
	LabelScore     = "得分"
	LabelDeviation = "偏差原因分析及改进措施"
	LabelTotalRow  = "年度资金总额"
	LabelRequest   = "年度预算申请"
	LabelInitial   = "年初预算数"
	LabelFullYear  = "全年预算数"
	LabelExecuted  = "全年执行数"
	LabelRate      = "执行率"
	LabelTotal     = "总分"
	LabelGoal      = "年度总体目标"
	LabelExpected  = "预期目标"
	LabelAchieved  = "实际完成情况"
	LabelIndicator = "绩效指标"
)

// RulesNote is the line under a table's title naming its rule set,
// "规则集：hunan（湖南省（湘财绩〔2020〕7号））".
func RulesNote(rs *jixiao.RuleSet) string {
	if rs.Title == "" {
		return "规则集：" + rs.Name
	}
	return "规则集：" + rs.Name + "（" + rs.Title + "）"
}

// TableTitle is the title of ev's 自评表.
func TableTitle(ev *jixiao.Evaluation) string {
	if ev.Kind == jixiao.KindProject {
		return "项目支出绩效自评表"
	}
	return ev.Unit + "部门整体支出绩效自评表"
}

// Table lays out ev's 自评表 in the official layout (财预〔2020〕10号 附件,
// with the Hunan 部门整体 budget block): header rows, the budget block with
// its breakdowns, 年度总体目标, the indicator block with merged 一级/二级
// cells, and 总分. Figures print as the unit stated them; where a figure is
// not stated and res computed it, the computed one is printed instead.
func Table(ev *jixiao.Evaluation, res *score.Result, rs *jixiao.RuleSet) *Grid {
	return table(ev, res, rs, false)
}

// TableAsStated is Table printing every stated figure exactly as written
// ("0.0", "20"), as a copy of a published document must.
func TableAsStated(ev *jixiao.Evaluation, res *score.Result, rs *jixiao.RuleSet) *Grid {
	return table(ev, res, rs, true)
}

func table(ev *jixiao.Evaluation, res *score.Result, rs *jixiao.RuleSet, asStated bool) *Grid {
	hasStd := false
	for _, in := range ev.Indicators {
		if in.Standard != "" {
			hasStd = true
		}
	}
	// the first column holds the block labels (部门预算资金（万元）, 年度总体目标,
	// 绩效指标): wide enough for four characters and the unit on a line;
	// the 一级 column holds 满意度指标 on one line (in 16 mm a word
	// processor printed 满意度指 / 标), taken from 偏差原因, whose text
	// wraps anyway; the figure columns (the budget block's amounts and
	// 执行率 too) keep room for 2969.52 and 61.23% on a line
	widths := []float64{20, 23, 17, 19, 18, 18, 12, 18, 23}
	if hasStd {
		widths = []float64{20, 23, 15, 16, 15, 15, 19, 11, 15, 19}
	}
	g := NewGrid(widths...)
	g.Title = TableTitle(ev)
	g.BreakLabels = !asStated
	if ev.Year > 0 {
		g.Subtitle = fmt.Sprintf("（%d年度）", ev.Year)
	}
	if rs != nil && rs.Name != "" {
		// The rule set the table was scored by travels with it: a checker
		// reading the table back (extract reads this line) scores it by the
		// same weights and rounding, and a reviewer sees which they were.
		g.Note = RulesNote(rs)
	}
	t := tableBuilder{g: g, ev: ev, res: res, rs: rs, n: len(widths), asStated: asStated}
	t.header()
	t.budget()
	t.goal()
	t.indicators(hasStd)
	return g
}

type tableBuilder struct {
	asStated bool
	g        *Grid
	ev       *jixiao.Evaluation
	res      *score.Result
	rs       *jixiao.RuleSet
	n        int
}

func label(s string) Cell { return Cell{Text: s, Header: true} }
func text(s string) Cell  { return Cell{Text: s, Align: AlignLeft} }

// pair writes "label | value" rows; a second pair shares the row when given.
func (t *tableBuilder) pair(l1, v1, l2, v2 string) {
	r := t.g.AddRow()
	t.g.Set(r, 0, Cell{Text: l1, Header: true, ColSpan: 2})
	if l2 == "" {
		t.g.Set(r, 2, Cell{Text: v1, Align: AlignLeft, ColSpan: t.n - 2})
		return
	}
	half := 2 + (t.n-2)/2
	t.g.Set(r, 2, Cell{Text: v1, Align: AlignLeft, ColSpan: half - 3})
	t.g.Set(r, half-1, Cell{Text: l2, Header: true})
	t.g.Set(r, half, Cell{Text: v2, Align: AlignLeft, ColSpan: t.n - half})
}

func (t *tableBuilder) header() {
	ev := t.ev
	if ev.Kind == jixiao.KindProject {
		t.pair("项目名称", ev.Project, "", "")
		if ev.ProjectCode != "" {
			t.pair("项目编码", ev.ProjectCode, "", "")
		}
		t.pair("主管部门", ev.Department, "实施单位", ev.Unit)
		return
	}
	t.pair("预算部门名称", ev.Unit, "", "")
	if ev.Department != "" {
		t.pair("主管部门", ev.Department, "", "")
	}
}

// budgetCol is one figure column of the budget block.
type budgetCol struct {
	label string
	id    string
}

func (t *tableBuilder) budgetCols() []budgetCol {
	cols := []budgetCol{{LabelInitial, "I"}, {LabelFullYear, "A"}, {LabelExecuted, "B"}, {LabelWeight, "W"}, {LabelRate, "rate"}, {LabelScore, "score"}}
	if t.ev.Budget.Request.Stated() {
		cols = append([]budgetCol{{LabelRequest, "R"}}, cols...)
	}
	return cols
}

func (t *tableBuilder) budget() {
	b := &t.ev.Budget
	cols := t.budgetCols()
	first := t.n - len(cols) // first figure column
	rows := 2
	for _, s := range b.Splits {
		rows += len(s.Rows)
		if splitHeader(s) {
			rows++
		}
	}
	block := "部门预算资金（万元）"
	if t.ev.Kind == jixiao.KindProject {
		block = "项目资金（万元）"
	}
	r := t.g.AddRow()
	for i := 1; i < rows; i++ {
		t.g.AddRow()
	}
	t.g.Set(r, 0, Cell{Text: block, Header: true, RowSpan: rows})
	t.g.Headings = append(t.g.Headings, Heading{Row: r, End: r + rows})
	t.g.Set(r, 1, Cell{ColSpan: first - 1})
	for j, c := range cols {
		t.g.Set(r, first+j, label(c.label))
	}
	r++
	t.g.Set(r, 1, Cell{Text: LabelTotalRow, Header: true, ColSpan: first - 1})
	for j, c := range cols {
		t.g.Set(r, first+j, t.totalFigure(c.id))
	}
	for _, s := range b.Splits {
		if splitHeader(s) {
			r++
			t.g.Set(r, 1, Cell{Text: s.Name, Align: AlignLeft, ColSpan: first - 1})
			for j := range cols {
				t.g.Set(r, first+j, Cell{})
			}
		}
		for _, row := range s.Rows {
			r++
			t.g.Set(r, 1, Cell{Text: row.Name, Align: AlignLeft, ColSpan: first - 1})
			for j, c := range cols {
				var cell Cell
				switch c.id {
				case "I":
					cell = t.figureCell(row.Initial, KindAmount)
				case "A":
					cell = t.figureCell(row.FullYear, KindAmount)
				case "B":
					cell = t.figureCell(row.Executed, KindAmount)
				case "rate":
					cell = t.figureCell(row.Rate, KindPercent)
				case "W", "score":
					cell = Cell{Text: "—"}
				}
				t.g.Set(r, first+j, cell)
			}
		}
	}
}

// splitHeader reports whether a breakdown gets a row with its name. The
// 部门整体 table heads its breakdowns (按收入性质分, 按支出性质分); the
// national project template lists 当年财政拨款, 上年结转资金, 其他资金 under
// 年度资金总额 with no heading row.
func splitHeader(s jixiao.BudgetSplit) bool {
	return s.Name != "资金来源" || len(s.Rows) == 0
}

// figureCell prints a stated figure; a number keeps its value for
// spreadsheets. Amounts, scores and percentages are printed with the rule
// set's decimals (0.0 as 0.00, 20 as 20.00), as a spreadsheet shows them
// with its number format, so that every format prints the same text; a
// figure stated with more decimals than that keeps them, so that no
// rounding hides what the unit wrote.
func (t *tableBuilder) figureCell(f jixiao.Figure, k Kind) Cell {
	c := Cell{Text: f.Text, Kind: k}
	if f.Valid {
		c.Valid = true
		c.Number = f.Value
		if k == KindPercent {
			c.Number = f.Fraction()
		}
		c.Text = t.fixed(f, k)
	}
	if !f.Stated() || !f.Valid {
		c.Kind = KindText
	}
	return c
}

// fixed writes a valid figure with the rule set's decimals for its kind,
// unless it states more.
func (t *tableBuilder) fixed(f jixiao.Figure, k Kind) string {
	ro := t.rs.Rounding
	places := int32(-1)
	switch k {
	case KindAmount:
		places = ro.AmountPlaces
	case KindScore:
		places = ro.ScorePlaces
	case KindPercent:
		places = ro.PercentPlaces
	}
	plain := strings.TrimSuffix(strings.TrimSpace(f.Text), "%")
	if _, err := decimal.NewFromString(plain); err != nil || t.asStated || places < 0 || !f.Value.Equal(f.Value.Round(places)) {
		// "674.85万元", "1,234.5": printed as written
		return f.Text
	}
	if k == KindPercent {
		if !f.Percent {
			return f.Text
		}
		return f.Value.StringFixed(places) + "%"
	}
	return f.Value.StringFixed(places)
}

func (t *tableBuilder) totalFigure(id string) Cell {
	b, e, ro := &t.ev.Budget, &t.res.Execution, t.rs.Rounding
	var c Cell
	switch id {
	case "R":
		c = t.figureCell(b.Request, KindAmount)
	case "I":
		c = t.figureCell(b.Initial, KindAmount)
	case "A":
		c = t.figureCell(b.FullYear, KindAmount)
	case "B":
		c = t.figureCell(b.Executed, KindAmount)
	case "W":
		c = t.figureCell(b.Weight, KindWeight)
		if !b.Weight.Stated() {
			c = Cell{Text: e.Weight.String(), Kind: KindWeight, Number: e.Weight, Valid: true}
		}
	case "rate":
		c = t.figureCell(b.Rate, KindPercent)
		if !b.Rate.Stated() && e.RateKnown {
			c = Cell{Text: ro.Percent(e.Rate).StringFixed(ro.PercentPlaces) + "%", Kind: KindPercent, Number: ro.Rate(e.Rate), Valid: true}
		}
		if e.RateFrom == "computed" && c.Valid && ro.Percent(e.Rate).Equal(ro.Percent(c.Number)) {
			denom := "{budget.A}"
			if e.Denominator == jixiao.DenomInitial {
				denom = "{budget.I}"
			}
			c.Formula = "{budget.B}/" + denom
		}
	case "score":
		c = t.figureCell(b.Score, KindScore)
		if !b.Score.Stated() && e.ScoreKnown {
			c = scoreCell(e.Score, ro.ScorePlaces)
		}
		if c.Valid && t.execFormulaGives(c.Number) {
			c.Formula = fmt.Sprintf("ROUND({budget.W}*MIN({budget.rate},%s),%d)", t.rs.Execution.Cap, ro.ScorePlaces)
		}
	}
	c.ID = "budget." + id
	return c
}

// execFormulaGives reports whether the execution score formula, over the
// 分值 and 执行率 cells as the table shows them, gives want: a stated 分值
// that differs from the rule set's would make a live formula show a score
// nobody stated.
func (t *tableBuilder) execFormulaGives(want decimal.Decimal) bool {
	b, e, ro := &t.ev.Budget, &t.res.Execution, t.rs.Rounding
	w := e.Weight
	if b.Weight.Stated() {
		if !b.Weight.Valid {
			return false
		}
		w = b.Weight.Value
	}
	var rate decimal.Decimal
	switch {
	case b.Rate.Stated() && b.Rate.Valid:
		rate = b.Rate.Fraction()
	case !b.Rate.Stated() && e.RateKnown:
		rate = ro.Rate(e.Rate)
	default:
		return false
	}
	return ro.Score(w.Mul(decimal.Min(rate, t.rs.Execution.Cap))).Equal(want)
}

func scoreCell(d decimal.Decimal, places int32) Cell {
	return Cell{Text: d.StringFixed(places), Kind: KindScore, Number: d, Valid: true}
}

func (t *tableBuilder) goal() {
	r := t.g.AddRow()
	t.g.AddRow()
	half := 1 + (t.n-1)/2
	t.g.Set(r, 0, Cell{Text: LabelGoal, Header: true, RowSpan: 2})
	t.g.Set(r, 1, Cell{Text: LabelExpected, Header: true, ColSpan: half - 1})
	t.g.Set(r, half, Cell{Text: LabelAchieved, Header: true, ColSpan: t.n - half})
	t.g.Set(r+1, 1, Cell{Text: t.ev.Goal.Expected, Align: AlignLeft, ColSpan: half - 1})
	t.g.Set(r+1, half, Cell{Text: t.ev.Goal.Actual, Align: AlignLeft, ColSpan: t.n - half})
}

func (t *tableBuilder) indicators(hasStd bool) {
	ins := t.ev.Indicators
	heads := []string{LabelLevel1, LabelLevel2, LabelLevel3, LabelTarget, LabelActual}
	if hasStd {
		heads = append(heads, LabelStandard)
	}
	heads = append(heads, LabelWeight, LabelScore, LabelDeviation)
	wcol := len(heads) - 2 // 分值 column (the block label is column 0)
	r := t.g.AddRow()
	for range ins {
		t.g.AddRow()
	}
	t.g.Set(r, 0, Cell{Text: LabelIndicator, Header: true, RowSpan: len(ins) + 1})
	t.g.Headings = append(t.g.Headings, Heading{Row: r, End: r + 1 + len(ins)})
	for j, h := range heads {
		t.g.Set(r, 1+j, label(h))
	}
	ro := t.rs.Rounding
	for i, in := range ins {
		row := r + 1 + i
		if i == 0 || ins[i-1].Level1 != in.Level1 {
			t.g.Set(row, 1, Cell{Text: in.Level1, RowSpan: runLen(ins, i, func(a, b jixiao.Indicator) bool { return a.Level1 == b.Level1 })})
		}
		if in.Level2 == "" || i == 0 || ins[i-1].Level1 != in.Level1 || ins[i-1].Level2 != in.Level2 {
			span := 1
			if in.Level2 != "" {
				span = runLen(ins, i, func(a, b jixiao.Indicator) bool { return a.Level1 == b.Level1 && a.Level2 == b.Level2 })
			}
			t.g.Set(row, 2, Cell{Text: in.Level2, RowSpan: span})
		}
		cells := []Cell{text(in.Name), {Text: in.Target.Text()}, {Text: in.Actual.Text()}}
		if hasStd {
			cells = append(cells, text(in.Standard))
		}
		w := t.figureCell(in.Weight, KindWeight)
		w.ID = fmt.Sprintf("ind.%d.W", i)
		s := t.figureCell(in.Score, KindScore)
		if !in.Score.Stated() && i < len(t.res.Rows) && t.res.Rows[i].Computed {
			s = scoreCell(t.res.Rows[i].Score, ro.ScorePlaces)
		}
		s.ID = fmt.Sprintf("ind.%d.score", i)
		cells = append(cells, w, s, text(in.Deviation))
		for j, c := range cells {
			t.g.Set(row, 3+j, c)
		}
	}
	t.total(wcol, len(ins))
}

// runLen counts the rows from i on that the predicate keeps together.
func runLen(ins []jixiao.Indicator, i int, same func(a, b jixiao.Indicator) bool) int {
	n := 1
	for i+n < len(ins) && same(ins[i], ins[i+n]) {
		n++
	}
	return n
}

func (t *tableBuilder) total(wcol, nind int) {
	r := t.g.AddRow()
	t.g.Set(r, 0, Cell{Text: LabelTotal, Header: true, ColSpan: wcol})
	ids := []string{"{budget.W}"}
	sids := []string{"{budget.score}"}
	for i := 0; i < nind; i++ {
		ids = append(ids, fmt.Sprintf("{ind.%d.W}", i))
		sids = append(sids, fmt.Sprintf("{ind.%d.score}", i))
	}
	w := Cell{Text: t.res.WeightSum.String(), Kind: KindWeight, Number: t.res.WeightSum, Valid: true, ID: "total.W"}
	if t.sumMatches(ids, t.res.WeightSum) {
		w.Formula = "SUM(" + strings.Join(ids, ",") + ")"
	}
	t.g.Set(r, wcol, w)
	s := t.figureCell(t.ev.StatedTotal, KindScore)
	if !t.ev.StatedTotal.Stated() {
		s = scoreCell(t.res.Total, t.rs.Rounding.ScorePlaces)
	}
	s.ID = "total.score"
	if s.Valid && t.sumMatches(sids, s.Number) {
		s.Formula = "SUM(" + strings.Join(sids, ",") + ")"
	}
	t.g.Set(r, wcol+1, s)
	t.g.Set(r, wcol+2, Cell{})
}

// sumMatches reports whether the numeric cells named by ids add up to want,
// so that a SUM formula shows what the table states.
func (t *tableBuilder) sumMatches(ids []string, want decimal.Decimal) bool {
	byID := map[string]Cell{}
	for _, row := range t.g.Rows {
		for _, c := range row {
			if c.ID != "" {
				byID["{"+c.ID+"}"] = c
			}
		}
	}
	sum := decimal.Zero
	for _, id := range ids {
		c, ok := byID[id]
		if !ok || !c.Valid {
			return false
		}
		sum = sum.Add(c.Number)
	}
	return sum.Equal(want)
}
