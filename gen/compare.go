package gen

import (
	"fmt"
	"strings"

	"jixiao"
)

// Mismatch is one table field that did not read back as written.
type Mismatch struct {
	Field string // "budget.执行率", "indicators[3].年度指标值", "总分"
	Want  string // as generated
	Got   string // as extracted
}

func (m Mismatch) String() string { return fmt.Sprintf("%s: want %q, got %q", m.Field, m.Want, m.Got) }

// Compare compares an extracted evaluation with the generated one on every
// field of the 自评表: header, budget figures and breakdowns, the goal,
// each indicator (target and actual as raw text, weight, score, deviation)
// and the total. Figures compare as decimals (20 = 20.00; 61.23% ≠ 0.6123),
// text after trimming and collapsing white space.
func Compare(want, got *jixiao.Evaluation) []Mismatch {
	var out []Mismatch
	str := func(field, w, g string) {
		if norm(w) != norm(g) {
			out = append(out, Mismatch{field, w, g})
		}
	}
	fig := func(field string, w, g jixiao.Figure) {
		if !sameFigure(w, g) {
			out = append(out, Mismatch{field, w.Text, g.Text})
		}
	}
	str("kind", string(want.Kind), string(got.Kind))
	str("unit", want.Unit, got.Unit)
	str("department", want.Department, got.Department)
	str("project", want.Project, got.Project)
	str("project_code", want.ProjectCode, got.ProjectCode)
	str("year", fmt.Sprint(want.Year), fmt.Sprint(got.Year))

	wb, gb := &want.Budget, &got.Budget
	fig("budget.年度预算申请", wb.Request, gb.Request)
	fig("budget.年初预算数", wb.Initial, gb.Initial)
	fig("budget.全年预算数", wb.FullYear, gb.FullYear)
	fig("budget.全年执行数", wb.Executed, gb.Executed)
	fig("budget.分值", wb.Weight, gb.Weight)
	fig("budget.执行率", wb.Rate, gb.Rate)
	fig("budget.得分", wb.Score, gb.Score)
	str("budget.splits", fmt.Sprint(len(wb.Splits)), fmt.Sprint(len(gb.Splits)))
	for i := range min(len(wb.Splits), len(gb.Splits)) {
		ws, gs := wb.Splits[i], gb.Splits[i]
		p := fmt.Sprintf("budget.splits[%d]", i)
		str(p+".name", ws.Name, gs.Name)
		str(p+".rows", fmt.Sprint(len(ws.Rows)), fmt.Sprint(len(gs.Rows)))
		for j := range min(len(ws.Rows), len(gs.Rows)) {
			wr, gr := ws.Rows[j], gs.Rows[j]
			q := fmt.Sprintf("%s.rows[%d]", p, j)
			str(q+".name", wr.Name, gr.Name)
			fig(q+".年初预算数", wr.Initial, gr.Initial)
			fig(q+".全年预算数", wr.FullYear, gr.FullYear)
			fig(q+".全年执行数", wr.Executed, gr.Executed)
			fig(q+".执行率", wr.Rate, gr.Rate)
		}
	}
	str("goal.预期目标", want.Goal.Expected, got.Goal.Expected)
	str("goal.实际完成情况", want.Goal.Actual, got.Goal.Actual)

	str("indicators", fmt.Sprint(len(want.Indicators)), fmt.Sprint(len(got.Indicators)))
	for i := range min(len(want.Indicators), len(got.Indicators)) {
		w, g := want.Indicators[i], got.Indicators[i]
		p := fmt.Sprintf("indicators[%d]", i)
		str(p+".一级指标", w.Level1, g.Level1)
		str(p+".二级指标", w.Level2, g.Level2)
		str(p+".三级指标", w.Name, g.Name)
		str(p+".年度指标值", w.Target.Raw, g.Target.Raw)
		str(p+".实际完成值", w.Actual.Raw, g.Actual.Raw)
		str(p+".评(扣)分标准", w.Standard, g.Standard)
		fig(p+".分值", w.Weight, g.Weight)
		fig(p+".得分", w.Score, g.Score)
		str(p+".偏差原因分析及改进措施", w.Deviation, g.Deviation)
	}
	fig("总分", want.StatedTotal, got.StatedTotal)
	return out
}

// norm trims and collapses white space, so that a cell's line breaks and
// a flattened export's spaces compare equal.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameFigure compares two stated figures: by value when both are numbers,
// else by text.
func sameFigure(w, g jixiao.Figure) bool {
	if w.Valid && g.Valid {
		return w.Value.Equal(g.Value) && w.Percent == g.Percent
	}
	return norm(w.Text) == norm(g.Text)
}
