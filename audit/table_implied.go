package audit

import (
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
)

// Some templates print no 分值 column: each row's score is 分值 × 实际完成值
// / 年度指标值 and the weights are left to the reader. They can be proven
// from the page when every row's score, at the places it is written,
// comes from exactly one whole-point weight, the budget's score from
// exactly one weight the same way, and those weights add up to 100, the
// table's whole. Then a score above its proven weight is an over-scored
// row, and a 总分 that adds the uncapped scores is too high. The weights
// are not printed, so the findings are warnings: they rest on the table
// having scored every row by that one formula, which the weights adding
// up exactly to 100 makes all but certain, not on a figure it states.

// tableWhole is the points a table's weights add up to.
var tableWhole = decimal.NewFromInt(100)

// checkImpliedWeights raises T-ROW-OVER-IMPLIED-WEIGHT and T-TOTAL-IMPLIED on a table without a 分值 column whose weights are proven by
// its scores.
func checkImpliedWeights(in *Input, out *findings) {
	ev := in.Eval
	if len(ev.Indicators) == 0 || !noWeightColumn(ev) {
		return
	}
	weights := make([]decimal.Decimal, len(ev.Indicators))
	sum := decimal.Zero
	for i := range ev.Indicators {
		ind := &ev.Indicators[i]
		a, b := ind.Target.Quantity(), ind.Actual.Quantity()
		if ind.Weight.Stated() || !ind.Score.Valid || ind.Target.Type != jixiao.Quantitative || ind.Target.Op != "" ||
			ind.Actual.Type != jixiao.Quantitative || ind.Target.Percent != ind.Actual.Percent || ind.Target.Unit != ind.Actual.Unit ||
			!a.IsPositive() || b.IsNegative() {
			return
		}
		w, ok := impliedWeight(b.Div(a), ind.Score)
		if !ok {
			return
		}
		weights[i], sum = w, sum.Add(w)
	}
	bw, ok := budgetWeight(ev)
	if !ok || !sum.Add(bw).Equal(tableWhole) {
		return
	}
	terms := make([]string, len(weights))
	for i, w := range weights {
		terms[i] = w.String()
	}
	proof := "表中未列分值；各项得分均恰为某一整数分值 × 实际完成值 / 年度指标值，反推的分值 " + strings.Join(terms, "+") +
		" 与预算执行 " + bw.String() + " 分合计恰为 100"
	capped := decimal.Zero
	over := false
	for i := range ev.Indicators {
		ind := &ev.Indicators[i]
		s := ind.Score.Value
		if s.Cmp(weights[i]) > 0 {
			over = true
			places := scorePlaces(ind.Score)
			out.add(jixiao.Finding{Code: "T-ROW-OVER-IMPLIED-WEIGHT", Severity: jixiao.SevWarning,
				Message:  "指标“" + ind.Name + "”得分 " + ind.Score.Text + " 超过其分值 " + weights[i].String() + "（由得分反推）",
				Stated:   ind.Score.Text,
				Expected: "≤ " + weights[i].StringFixed(places),
				Evidence: weights[i].String() + " × " + ind.Actual.Text() + " / " + ind.Target.Text() + " = " + weights[i].Mul(ind.Actual.Quantity().Div(ind.Target.Quantity())).StringFixed(places+1) + "；" + proof,
				Location: in.locIndexed("indicators", i, ind.Name, "得分", "indicators[", i, "].得分")})
			s = weights[i]
		}
		capped = capped.Add(s)
	}
	if !over || !ev.StatedTotal.Valid || !ev.Budget.Score.Valid {
		return
	}
	want := capped.Add(ev.Budget.Score.Value)
	if ev.StatedTotal.Value.Sub(want).Abs().Cmp(in.Rules.ScoreTolerance) > 0 {
		places := scorePlaces(ev.StatedTotal)
		out.add(jixiao.Finding{Code: "T-TOTAL-IMPLIED", Severity: jixiao.SevWarning,
			Message:  "总分填为 " + ev.StatedTotal.Text + "，各项得分按反推的分值封顶后合计为 " + want.StringFixed(places),
			Stated:   ev.StatedTotal.Text,
			Expected: want.StringFixed(places),
			Evidence: proof,
			Location: in.loc("total", 0, "总分", "总分", "total")})
	}
}

// noWeightColumn reports a table read without a 分值 column for its
// indicators: the reader found no such column, not an empty one.
func noWeightColumn(ev *jixiao.Evaluation) bool {
	for _, m := range ev.Missing {
		if m.Path == "indicators.分值" {
			return true
		}
	}
	return false
}

// impliedWeight is the one whole-point weight w in 1..100 for which
// w × ratio, rounded half-up at the score's places, is the score; false
// when none or several are.
func impliedWeight(ratio decimal.Decimal, score jixiao.Figure) (decimal.Decimal, bool) {
	places := scorePlaces(score)
	var found decimal.Decimal
	n := 0
	for w := int64(1); w <= 100; w++ {
		wd := decimal.NewFromInt(w)
		if wd.Mul(ratio).Round(places).Equal(score.Value) {
			found, n = wd, n+1
		}
	}
	return found, n == 1
}

// budgetWeight is the budget's 分值: stated, or proven from its score as
// the indicators' weights are (得分 = 分值 × 执行率, the rate capped at 100%).
func budgetWeight(ev *jixiao.Evaluation) (decimal.Decimal, bool) {
	b := &ev.Budget
	if b.Weight.Valid {
		return b.Weight.Value, true
	}
	if !b.Score.Valid || !b.FullYear.Valid || !b.Executed.Valid || !b.FullYear.Value.IsPositive() {
		return decimal.Zero, false
	}
	rate := b.Executed.Value.Div(b.FullYear.Value)
	if one := decimal.NewFromInt(1); rate.Cmp(one) > 0 {
		rate = one
	}
	return impliedWeight(rate, b.Score)
}

// scorePlaces is the number of decimals a score is written with.
func scorePlaces(f jixiao.Figure) int32 {
	if i := strings.IndexByte(f.Text, '.'); i >= 0 {
		n := 0
		for _, c := range f.Text[i+1:] {
			if c < '0' || c > '9' {
				break
			}
			n++
		}
		return int32(n)
	}
	return 0
}
