package gen

import (
	"fmt"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/score"
)

// Injected is one error put into a generated evaluation on purpose.
type Injected struct {
	Code  string   `json:"code"`           // the finding the audit must raise
	Field string   `json:"field"`          // what was changed ("indicators[3].得分")
	Was   string   `json:"was"`            // the correct text
	Now   string   `json:"now"`            // the text written
	Note  string   `json:"note,omitempty"` // what the change means
	Also  []string `json:"also,omitempty"` // error codes that follow from it and may also be raised
}

// injector puts one kind of error into g; false when the evaluation has
// nothing it applies to.
type injector struct {
	code string
	fn   func(g *generator) bool
}

// injectors, in the order they are applied: weights first (they rescore
// rows), the stated total last (it must stay the one wrong figure there).
var injectors = []injector{
	{"T-WEIGHT-LEVEL1", (*generator).injectWeight},
	{"T-ROW-MISSED-FULL", (*generator).injectMissedFull},
	{"T-ROW-SCORE", (*generator).injectRowScore},
	{"T-ROW-OVER-WEIGHT", (*generator).injectOverWeight},
	{"T-EXEC-RATE", (*generator).injectExecRate},
	{"T-EXEC-SCORE", (*generator).injectExecScore},
	{"T-EXEC-WEIGHT", (*generator).injectExecWeight},
	{"T-SPLIT-SUM", (*generator).injectSplit},
	{"T-TOTAL", (*generator).injectTotal},
}

// Codes lists the finding codes the generator can inject.
func Codes() []string {
	out := make([]string, len(injectors))
	for i, in := range injectors {
		out[i] = in.code
	}
	return out
}

// inject puts n different errors into the evaluation.
func (g *generator) inject(n int) {
	pick := map[int]bool{}
	for len(pick) < n {
		pick[g.rng.IntN(len(injectors))] = true
	}
	for i, in := range injectors {
		if pick[i] && !in.fn(g) && i+1 < len(injectors) {
			pick[i+1] = true // nothing to change here: take the next kind
		}
	}
}

func (g *generator) record(x Injected) { g.errs = append(g.errs, x) }

// touched reports whether an earlier injection changed row i.
func (g *generator) touched(i int) bool {
	p := fmt.Sprintf("indicators[%d].", i)
	for _, e := range g.errs {
		if len(e.Field) >= len(p) && e.Field[:len(p)] == p {
			return true
		}
	}
	return false
}

// pickRow returns a random row satisfying ok, or -1.
func (g *generator) pickRow(ok func(i int) bool) int {
	n := len(g.ev.Indicators)
	start := g.rng.IntN(n)
	for k := range n {
		i := (start + k) % n
		if !g.touched(i) && ok(i) {
			return i
		}
	}
	return -1
}

func (g *generator) positive(i int) bool {
	k := g.rows[i].t.kind
	return k == kPositive || k == kPercent
}

// injectWeight moves points between two 一级 (T-WEIGHT-LEVEL1, raised for
// both) or, when the rule set fixes only the total, adds points to one row
// (T-WEIGHT-TOTAL). Rows are rescored so that only the weights are wrong.
func (g *generator) injectWeight() bool {
	rs, ev := g.rs, g.ev
	fixed := true
	for _, l := range rs.Level1 {
		fixed = fixed && l.Weight != nil
	}
	d := 1 + g.rng.IntN(3)
	from := g.pickRow(func(i int) bool {
		return g.rows[i].t.kind != kQual && ev.Indicators[i].Weight.Value.IntPart() > int64(d)
	})
	if from < 0 {
		return false
	}
	if !fixed {
		w := ev.Indicators[from].Weight
		ev.Indicators[from].Weight = notation.ParseFigure(decimal.NewFromInt(w.Value.IntPart() + int64(d)).String())
		g.rescore(from)
		g.record(Injected{Code: "T-WEIGHT-TOTAL", Field: fmt.Sprintf("indicators[%d].分值", from), Was: w.Text, Now: ev.Indicators[from].Weight.Text,
			Note: fmt.Sprintf("分值合计多出 %d 分", d)})
		return true
	}
	to := g.pickRow(func(i int) bool {
		return g.rows[i].t.kind != kQual && ev.Indicators[i].Level1 != ev.Indicators[from].Level1
	})
	if to < 0 {
		return false
	}
	wf, wt := ev.Indicators[from].Weight, ev.Indicators[to].Weight
	ev.Indicators[from].Weight = notation.ParseFigure(decimal.NewFromInt(wf.Value.IntPart() - int64(d)).String())
	ev.Indicators[to].Weight = notation.ParseFigure(decimal.NewFromInt(wt.Value.IntPart() + int64(d)).String())
	g.rescore(from, to)
	g.record(Injected{Code: "T-WEIGHT-LEVEL1", Field: fmt.Sprintf("indicators[%d].分值", from), Was: wf.Text, Now: ev.Indicators[from].Weight.Text,
		Note: fmt.Sprintf("%d 分由“%s”移到“%s”（indicators[%d].分值 %s → %s）", d, ev.Indicators[from].Level1, ev.Indicators[to].Level1, to, wt.Text, ev.Indicators[to].Weight.Text)})
	return true
}

// rescore sets the stated scores of rows to what the engine gives, then
// the total to the sum of the stated scores.
func (g *generator) rescore(rows ...int) {
	for _, i := range rows {
		g.ev.Indicators[i].Score = jixiao.Figure{}
	}
	res := score.Score(g.ev, g.rs)
	for _, i := range rows {
		in := &g.ev.Indicators[i]
		in.Score = scoreFigure(res.Rows[i].Score)
		if res.Rows[i].Score.LessThan(res.Rows[i].Weight) && in.Deviation == "" {
			in.Deviation = deviations[0]
		}
	}
	g.resum()
}

// injectMissedFull makes a positive target missed while keeping full marks
// (虚高). The total keeps adding up, so the recomputed total differs.
func (g *generator) injectMissedFull() bool {
	i := g.pickRow(func(i int) bool {
		in := g.ev.Indicators[i]
		return g.positive(i) && in.Target.Number.Sign() > 0 && in.Score.Value.Equal(in.Weight.Value) && in.Weight.Value.GreaterThanOrEqual(decimal.NewFromInt(2))
	})
	if i < 0 {
		return false
	}
	in := &g.ev.Indicators[i]
	was := in.Actual.Raw
	r := g.rows[i]
	var v decimal.Decimal
	if r.t.kind == kPercent {
		v = r.target.Mul(decimal.New(8, -1)).Round(1)
	} else {
		v = r.target.Mul(decimal.New(7, -1)).Floor()
	}
	in.Actual = notation.ParseValue(r.format(v))
	g.record(Injected{Code: "T-ROW-MISSED-FULL", Field: fmt.Sprintf("indicators[%d].实际完成值", i), Was: was, Now: in.Actual.Raw,
		Note: fmt.Sprintf("未达到目标 %s 仍得满分 %s", in.Target.Raw, in.Score.Text), Also: []string{"T-TOTAL"}})
	return true
}

// injectRowScore states a score one point off what a missed target gives.
func (g *generator) injectRowScore() bool {
	res := score.Score(g.ev, g.rs)
	one := decimal.NewFromInt(1)
	i := g.pickRow(func(i int) bool {
		r := &res.Rows[i]
		return g.positive(i) && r.Computed && r.Score.GreaterThan(one) && r.Score.LessThan(r.Weight.Sub(one))
	})
	if i < 0 {
		return false
	}
	in := &g.ev.Indicators[i]
	was := in.Score.Text
	in.Score = scoreFigure(res.Rows[i].Score.Sub(one))
	g.resum()
	g.record(Injected{Code: "T-ROW-SCORE", Field: fmt.Sprintf("indicators[%d].得分", i), Was: was, Now: in.Score.Text,
		Note: "少算 1 分", Also: []string{"T-TOTAL"}})
	return true
}

// injectOverWeight states a score above the row's weight.
func (g *generator) injectOverWeight() bool {
	i := g.pickRow(func(i int) bool { return g.rows[i].t.kind != kQual })
	if i < 0 {
		return false
	}
	in := &g.ev.Indicators[i]
	was := in.Score.Text
	in.Score = scoreFigure(in.Weight.Value.Add(decimal.NewFromInt(int64(1 + g.rng.IntN(3)))))
	g.resum()
	g.record(Injected{Code: "T-ROW-OVER-WEIGHT", Field: fmt.Sprintf("indicators[%d].得分", i), Was: was, Now: in.Score.Text,
		Note: "得分超过分值 " + in.Weight.Text, Also: []string{"T-TOTAL"}})
	return true
}

// injectExecRate states an execution rate that B/A does not give.
func (g *generator) injectExecRate() bool {
	b := &g.ev.Budget
	was := b.Rate.Text
	d := decimal.New(int64(100+g.rng.IntN(700)), -2)
	v := b.Rate.Value.Add(d)
	if v.GreaterThan(decimal.NewFromInt(100)) {
		v = b.Rate.Value.Sub(d)
	}
	b.Rate = notation.ParseFigure(v.StringFixed(2) + "%")
	g.record(Injected{Code: "T-EXEC-RATE", Field: "budget.执行率", Was: was, Now: b.Rate.Text, Note: "执行率与 全年执行数/全年预算数 不符"})
	return true
}

// injectExecScore states a budget score off by 0.5–2 points.
func (g *generator) injectExecScore() bool {
	b := &g.ev.Budget
	was := b.Score.Text
	d := decimal.New(int64(50+g.rng.IntN(150)), -2)
	v := b.Score.Value.Sub(d)
	if v.Sign() < 0 {
		v = b.Score.Value.Add(d)
	}
	b.Score = notation.ParseFigure(v.StringFixed(2))
	g.resum()
	g.record(Injected{Code: "T-EXEC-SCORE", Field: "budget.得分", Was: was, Now: b.Score.Text, Note: "预算执行率得分算错", Also: []string{"T-TOTAL"}})
	return true
}

// injectExecWeight states the budget's 分值 as something the rule set does
// not give.
func (g *generator) injectExecWeight() bool {
	b := &g.ev.Budget
	was := b.Weight.Text
	b.Weight = notation.ParseFigure(b.Weight.Value.Add(decimal.NewFromInt(5)).String())
	g.record(Injected{Code: "T-EXEC-WEIGHT", Field: "budget.分值", Was: was, Now: b.Weight.Text, Note: "预算执行率分值与规则集不符"})
	return true
}

// injectSplit changes one line of a breakdown by 1–30 万元.
func (g *generator) injectSplit() bool {
	b := &g.ev.Budget
	si := g.rng.IntN(len(b.Splits))
	s := &b.Splits[si]
	ri := g.rng.IntN(len(s.Rows))
	r := &s.Rows[ri]
	was := r.FullYear.Text
	d := decimal.New(int64(100+g.rng.IntN(2900)), -2)
	r.FullYear = notation.ParseFigure(r.FullYear.Value.Add(d).StringFixed(2))
	g.record(Injected{Code: "T-SPLIT-SUM", Field: fmt.Sprintf("budget.splits[%d].rows[%d].全年预算数", si, ri), Was: was, Now: r.FullYear.Text,
		Note: fmt.Sprintf("%s各项之和比全年预算数多 %s 万元", s.Name, d.StringFixed(2))})
	return true
}

// injectTotal states a total 1–5 points off the sum of the scores.
func (g *generator) injectTotal() bool {
	was := g.ev.StatedTotal.Text
	d := decimal.New(int64(100+g.rng.IntN(400)), -2)
	v := g.ev.StatedTotal.Value.Add(d)
	if v.GreaterThan(decimal.NewFromInt(100)) {
		v = g.ev.StatedTotal.Value.Sub(d)
	}
	g.ev.StatedTotal = notation.ParseFigure(v.StringFixed(2))
	g.record(Injected{Code: "T-TOTAL", Field: "总分", Was: was, Now: g.ev.StatedTotal.Text, Note: "总分与各项得分之和不符", Also: []string{"T-TOTAL-SUM"}})
	return true
}
