package audit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
)

// checkExecution compares the stated execution rate and score with what
// the budget figures give.
func checkExecution(in *Input, out *findings) {
	b, e, ro := &in.Eval.Budget, &in.Result.Execution, in.Rules.Rounding
	switch {
	case !e.A.Valid && (b.Rate.Stated() || b.Score.Stated()):
		out.add(jixiao.Finding{
			Code: "T-EXEC-NO-BUDGET", Severity: jixiao.SevError,
			Message: fmt.Sprintf("未填%s，执行率与得分没有依据", e.Denominator),
			Stated:  b.Rate.Text, Expected: e.Denominator + " 的金额",
			Location: in.loc("budget", 0, "年度资金总额", e.Denominator, "budget."+e.Denominator),
		})
	case e.A.Valid && e.A.Value.Sign() <= 0 && b.Rate.Valid:
		out.add(jixiao.Finding{
			Code: "T-EXEC-ZERO-BUDGET", Severity: jixiao.SevError,
			Message: fmt.Sprintf("%s为 %s，执行率无定义，却填了执行率 %s", e.Denominator, e.A.Text, b.Rate.Text),
			Stated:  b.Rate.Text, Expected: "—",
			Location: in.loc("budget", 0, "年度资金总额", "执行率", "budget.执行率"),
		})
	}
	if e.A.Valid && e.A.Value.Sign() > 0 && !b.Executed.Stated() && b.Rate.Valid {
		implied := ro.Amount(b.Rate.Fraction().Mul(e.A.Value))
		out.add(jixiao.Finding{
			Code: "T-EXEC-NO-EXECUTED", Severity: jixiao.SevError,
			Message: fmt.Sprintf("执行率 %s 没有所依据的全年执行数：表中未填全年执行数，无法核对", b.Rate.Text),
			Stated:  b.Rate.Text, Expected: fmt.Sprintf("全年执行数 / %s（按所填执行率应为 %s %s）", e.Denominator, implied.StringFixed(ro.AmountPlaces), in.amountUnit()),
			Evidence: fmt.Sprintf("%s %s %s × %s = %s %s", e.Denominator, e.A.Text, in.amountUnit(), b.Rate.Text, implied.StringFixed(ro.AmountPlaces), in.amountUnit()),
			Location: in.loc("budget", 0, "年度资金总额", "全年执行数", "budget.全年执行数", "budget.执行率", "budget.全年预算数"),
		})
	}
	if e.RateFrom == "computed" && b.Rate.Stated() {
		if !b.Rate.Valid || !ro.Percent(b.Rate.Fraction()).Equal(ro.Percent(e.Rate)) && !shortRateAgrees(ro, &b.Rate, e.Rate) {
			want := ro.Percent(e.Rate).StringFixed(ro.PercentPlaces) + "%"
			out.add(jixiao.Finding{
				Code: "T-EXEC-RATE", Severity: jixiao.SevError,
				Message: fmt.Sprintf("执行率填为 %s，按全年执行数 / %s 应为 %s", b.Rate.Text, e.Denominator, want),
				Stated:  b.Rate.Text, Expected: want, Evidence: e.Trace.Formula,
				Location: in.loc("budget", 0, "年度资金总额", "执行率", "budget.执行率"),
			})
		}
	}
	if b.Executed.Valid && b.FullYear.Valid && b.Executed.Value.Cmp(b.FullYear.Value) > 0 {
		out.add(jixiao.Finding{
			Code: "T-EXEC-OVER-BUDGET", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("全年执行数 %s %s大于全年预算数 %s %s", b.Executed.Text, in.amountUnit(), b.FullYear.Text, in.amountUnit()),
			Stated:  b.Executed.Text, Expected: "≤ " + b.FullYear.Text,
			Location: in.loc("budget", 0, "年度资金总额", "全年执行数", "budget.全年执行数", "budget.执行率", "budget.全年预算数"),
		})
	}
	if b.Weight.Valid && !b.Weight.Value.Equal(e.Weight) {
		out.add(jixiao.Finding{
			Code: "T-EXEC-WEIGHT", Severity: jixiao.SevError,
			Message: fmt.Sprintf("预算执行率分值填为 %s，规则集 %s 规定为 %s", b.Weight.Text, in.Rules.Name, e.Weight),
			Stated:  b.Weight.Text, Expected: e.Weight.String(),
			Location: in.loc("budget", 0, "年度资金总额", "分值", "budget.分值"),
		})
	}
	checkExecutionScore(in, out)
	if e.RateKnown && in.Rules.Deviation.ExecutionBelow.Sign() > 0 && e.Rate.Cmp(in.Rules.Deviation.ExecutionBelow) < 0 {
		sev := jixiao.SevInfo
		if in.Rules.Deviation.ExecutionRequired {
			sev = jixiao.SevWarning
		}
		rate, limit := percentsApart(ro, e.Rate, in.Rules.Deviation.ExecutionBelow)
		out.add(jixiao.Finding{
			Code: "T-EXEC-LOW", Severity: sev,
			Message: fmt.Sprintf("执行率 %s 低于 %s，应说明原因及改进措施", rate, limit),
			Stated:  rate, Expected: "≥ " + limit,
			Location: in.loc("budget", 0, "年度资金总额", "执行率", "budget.执行率"),
		})
	}
}

func checkExecutionScore(in *Input, out *findings) {
	b, e, ro := &in.Eval.Budget, &in.Result.Execution, in.Rules.Rounding
	if !e.ScoreKnown || !b.Score.Stated() {
		return
	}
	if b.Score.Valid && b.Score.Value.Equal(e.Score) {
		return
	}
	want := e.Score.StringFixed(ro.ScorePlaces)
	if !b.Score.Valid {
		out.add(jixiao.Finding{
			Code: "T-EXEC-SCORE", Severity: jixiao.SevError,
			Message: fmt.Sprintf("预算执行率得分 %q 不是数字，应为 %s", b.Score.Text, want), Stated: b.Score.Text, Expected: want,
			Evidence: e.Trace.Formula, Location: in.loc("budget", 0, "年度资金总额", "得分", "budget.得分"),
		})
		return
	}
	diff := b.Score.Value.Sub(e.Score).Abs()
	switch {
	case diff.Cmp(in.Rules.ScoreTolerance) > 0:
		out.add(jixiao.Finding{
			Code: "T-EXEC-SCORE", Severity: jixiao.SevError,
			Message: fmt.Sprintf("预算执行率得分填为 %s，按规则应为 %s", b.Score.Text, want), Stated: b.Score.Text, Expected: want,
			Evidence: e.Trace.Formula, Location: in.loc("budget", 0, "年度资金总额", "得分", "budget.得分"),
		})
	case !diff.IsZero():
		out.add(jixiao.Finding{
			Code: "T-EXEC-SCORE-ROUNDING", Severity: jixiao.SevInfo,
			Message: fmt.Sprintf("预算执行率得分 %s 与计算值 %s 相差 %s，属舍入差异", b.Score.Text, want, diff), Stated: b.Score.Text, Expected: want,
			Evidence: e.Trace.Formula, Location: in.loc("budget", 0, "年度资金总额", "得分", "budget.得分"),
		})
	}
}

// budgetColumns are the amount columns a split is summed in.
var budgetColumns = []struct {
	name  string
	total func(*jixiao.Budget) jixiao.Figure
	row   func(*jixiao.BudgetRow) jixiao.Figure
}{
	{"年初预算数", func(b *jixiao.Budget) jixiao.Figure { return b.Initial }, func(r *jixiao.BudgetRow) jixiao.Figure { return r.Initial }},
	{"全年预算数", func(b *jixiao.Budget) jixiao.Figure { return b.FullYear }, func(r *jixiao.BudgetRow) jixiao.Figure { return r.FullYear }},
	{"全年执行数", func(b *jixiao.Budget) jixiao.Figure { return b.Executed }, func(r *jixiao.BudgetRow) jixiao.Figure { return r.Executed }},
}

// checkBudgetSplits adds up each breakdown column by column. A difference
// within the rule set's tolerance per summand is the 尾数误差 of figures
// published to 0.01 万元: a note, not an error.
func checkBudgetSplits(in *Input, out *findings) {
	b := &in.Eval.Budget
	for si := range b.Splits {
		s := &b.Splits[si]
		for _, col := range budgetColumns {
			total := col.total(b)
			if !total.Valid {
				continue
			}
			sum, n := decimal.Zero, 0
			for ri := range s.Rows {
				if f := col.row(&s.Rows[ri]); f.Valid {
					sum = sum.Add(f.Value)
					n++
				}
			}
			if n == 0 || sum.Equal(total.Value) {
				continue
			}
			out.add(splitFinding(in, si, s, col.name, col.row, sum, total, n))
		}
		checkSplitRates(in, out, si, s)
	}
}

// splitFinding reports a breakdown column that does not add up to its
// total: an error, or a rounding note within the tolerance per summand.
func splitFinding(in *Input, si int, s *jixiao.BudgetSplit, column string, cell func(*jixiao.BudgetRow) jixiao.Figure, sum decimal.Decimal, total jixiao.Figure, n int) jixiao.Finding {
	ro := in.Rules.Rounding
	var terms []string
	for ri := range s.Rows {
		if f := cell(&s.Rows[ri]); f.Valid {
			terms = append(terms, s.Rows[ri].Name+" "+f.Text)
		}
	}
	diff := sum.Sub(total.Value).Abs()
	shown := ro.Amount(sum).StringFixed(ro.AmountPlaces)
	u := in.amountUnit()
	f := jixiao.Finding{
		Code: "T-SPLIT-SUM", Severity: jixiao.SevError,
		Message: fmt.Sprintf("%s各项之和 %s %s与%s %s %s不符，相差 %s %s", s.Name, shown, u, column, total.Text, u, diff.StringFixed(ro.AmountPlaces), u),
		Stated:  shown, Expected: total.Text,
		Evidence: fmt.Sprintf("%s = %s", strings.Join(terms, " + "), shown),
		Location: in.loc("budget", si+1, s.Name, column, fmt.Sprintf("budget.splits[%d]", si), fmt.Sprintf("budget.splits[%d].rows[0].%s", si, column)),
	}
	if diff.LessThanOrEqual(in.Rules.SumTolerance.Mul(decimal.NewFromInt(int64(n)))) {
		f.Code, f.Severity = "T-SPLIT-ROUNDING", jixiao.SevInfo
		f.Message = fmt.Sprintf("%s各项之和 %s %s与%s %s %s相差 %s %s，在尾数误差范围内（每项 %s %s）", s.Name, shown, u, column, total.Text, u, diff.StringFixed(ro.AmountPlaces), u, in.Rules.SumTolerance, u)
	}
	return f
}

// checkSplitRates compares a breakdown row's stated 执行率 with its own
// 全年执行数 / denominator, as the total's rate is checked.
func checkSplitRates(in *Input, out *findings, si int, s *jixiao.BudgetSplit) {
	ro := in.Rules.Rounding
	for ri := range s.Rows {
		r := &s.Rows[ri]
		a := r.FullYear
		if in.Rules.Execution.Denominator == jixiao.DenomInitial {
			a = r.Initial
		}
		if !r.Rate.Valid || !r.Executed.Valid || !a.Valid || a.Value.Sign() <= 0 {
			continue
		}
		rate := r.Executed.Value.Div(a.Value)
		if ro.Percent(r.Rate.Fraction()).Equal(ro.Percent(rate)) || shortRateAgrees(ro, &r.Rate, rate) {
			continue
		}
		want := ro.Percent(rate).StringFixed(ro.PercentPlaces) + "%"
		out.add(jixiao.Finding{
			Code: "T-SPLIT-RATE", Severity: jixiao.SevError,
			Message: fmt.Sprintf("%s“%s”执行率填为 %s，按全年执行数 / %s 应为 %s", s.Name, r.Name, r.Rate.Text, in.Rules.Execution.Denominator, want),
			Stated:  r.Rate.Text, Expected: want,
			Evidence: fmt.Sprintf("%s / %s = %s", r.Executed.Text, a.Text, want),
			Location: in.loc("budget", si+1, r.Name, "执行率", fmt.Sprintf("budget.splits[%d].rows[%d].执行率", si, ri)),
		})
	}
}

// loc builds a Location and fills its source position from provenance:
// the figure's own, else the first of the fallbacks that was read (an
// unstated figure has no position, but its row has).
func (in *Input) loc(block string, row int, item, column, path string, fallbacks ...string) jixiao.Location {
	l := jixiao.Location{Block: block, Row: row, Item: item, Column: column}
	if in.Eval.Provenance == nil {
		return l
	}
	if pos, ok := in.Eval.Provenance[path]; ok {
		l.Source = pos
		return l
	}
	for _, p := range fallbacks {
		if pos, ok := in.Eval.Provenance[p]; ok {
			l.Source = pos
			return l
		}
	}
	l.Source = in.Eval.Provenance[block]
	return l
}

// locIndexed is loc for the path prefix+index+suffix ("indicators[3].得分"),
// which it writes only when there is provenance to look it up in.
func (in *Input) locIndexed(block string, row int, item, column, prefix string, index int, suffix string) jixiao.Location {
	if in.Eval.Provenance == nil {
		return jixiao.Location{Block: block, Row: row, Item: item, Column: column}
	}
	return in.loc(block, row, item, column, prefix+strconv.Itoa(index)+suffix)
}

// percentsApart writes two fractions as percentages with enough decimals
// to tell them apart: 89.996% below 90% must not read "90.00% 低于 90.00%".
func percentsApart(ro jixiao.Rounding, a, b decimal.Decimal) (string, string) {
	places := ro.PercentPlaces
	for places < 8 && ro.Mode.Round(a.Shift(2), places).Equal(ro.Mode.Round(b.Shift(2), places)) {
		places++
	}
	return ro.Mode.Round(a.Shift(2), places).StringFixed(places) + "%", ro.Mode.Round(b.Shift(2), places).StringFixed(places) + "%"
}

// shortRateAgrees reports a percentage stated with fewer decimals than the
// rule set shows ("86%") that is the computed rate rounded to the places
// it has: 85.75% stated as 86% is right, within half a unit of its last
// place.
//
// A rate written as a fraction without a percent sign ("0.1" for 14.46%),
// or as a percentage without its sign ("20" for 20.00%), is right in the
// same way when it is the rate rounded to its places.
func shortRateAgrees(ro jixiao.Rounding, stated *jixiao.Figure, rate decimal.Decimal) bool {
	places := statedPlaces(stated.Text)
	switch {
	case !stated.Valid:
		return false
	case !stated.Percent && stated.Value.Sign() >= 0 && stated.Value.LessThanOrEqual(decimal.NewFromInt(1)) && places > 0:
		return places < ro.PercentPlaces+2 && ro.Mode.Round(rate, places).Equal(stated.Value)
	case !stated.Percent:
		// "20" under 执行率: a percentage printed without its sign
		return places <= ro.PercentPlaces && ro.Mode.Round(rate.Shift(2), places).Equal(stated.Value)
	case places >= ro.PercentPlaces:
		return false
	}
	return ro.Mode.Round(rate.Shift(2), places).Equal(stated.Value)
}

// statedPlaces counts the decimals a figure is written with.
func statedPlaces(text string) int32 {
	t := cjk.Fold(text)
	i := strings.IndexByte(t, '.')
	if i < 0 {
		return 0
	}
	n := int32(0)
	for j := i + 1; j < len(t) && t[j] >= '0' && t[j] <= '9'; j++ {
		n++
	}
	return n
}

// amountUnit is the unit the table's amounts are stated in, for the
// findings to state them in: the document's own, 万元 by default.
func (in *Input) amountUnit() string {
	if u := in.Eval.AmountUnit; u != "" {
		return u
	}
	return "万元"
}
