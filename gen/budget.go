package gen

import (
	"github.com/shopspring/decimal"

	"jixiao/notation"

	"jixiao"
)

// amount is a 万元 figure from a number of cents (0.01 万元).
func amount(cents int64) jixiao.Figure {
	return notation.ParseFigure(decimal.New(cents, -2).StringFixed(2))
}

// share is one line of a breakdown and its share of the total, in ‰.
type share struct {
	name     string
	permille int
}

// budget draws the 年度资金总额 block: 年初预算数, an adjusted 全年预算数, an
// execution mostly above 90%, and breakdowns whose lines add up to the
// total exactly in every column they fill.
func (g *generator) budget() {
	rng, b, ro := g.rng, &g.ev.Budget, g.rs.Rounding
	initial := int64(3000 + rng.IntN(300000))
	full := initial * int64(950+rng.IntN(550)) / 1000
	var rate int64
	switch p := rng.IntN(100); {
	case p < 8:
		rate = 1000
	case p < 70:
		rate = int64(900 + rng.IntN(100))
	default:
		rate = int64(600 + rng.IntN(300))
	}
	if g.rs.Deviation.ExecutionRequired && rate < 905 {
		// where a low rate must be explained (Sichuan) and the table has
		// no place for the explanation, clean units keep above the line
		rate = 905 + rate%95
	}
	exec := full * rate / 1000
	if g.ev.Kind == jixiao.KindDepartment && rng.IntN(3) == 0 {
		b.Request = amount(initial * int64(1000+rng.IntN(200)) / 1000)
	}
	b.Initial, b.FullYear, b.Executed = amount(initial), amount(full), amount(exec)
	b.Weight = notation.ParseFigure(g.rs.Execution.Weight.String())
	a := b.FullYear
	if g.rs.Execution.Denominator == jixiao.DenomInitial {
		a = b.Initial
	}
	b.Rate = notation.ParseFigure(ro.Percent(b.Executed.Value.Div(a.Value)).StringFixed(ro.PercentPlaces) + "%")

	allColumns := rng.IntN(10) < 7
	add := func(name string, shares []share) {
		s := jixiao.BudgetSplit{Name: name}
		parts := [3][]int64{cut(initial, shares), cut(full, shares), cut(exec, shares)}
		for i, sh := range shares {
			r := jixiao.BudgetRow{Name: sh.name, FullYear: amount(parts[1][i])}
			if allColumns {
				r.Initial, r.Executed = amount(parts[0][i]), amount(parts[2][i])
			}
			s.Rows = append(s.Rows, r)
		}
		b.Splits = append(b.Splits, s)
	}
	if g.ev.Kind == jixiao.KindDepartment {
		fund, nontax := 0, 0
		if rng.IntN(10) < 3 {
			fund = 10 + rng.IntN(80)
		}
		if rng.IntN(10) < 2 {
			nontax = 5 + rng.IntN(40)
		}
		general := 800 + rng.IntN(200) - fund - nontax
		add("按收入性质分", []share{{"一般公共预算", general}, {"政府性基金拨款", fund},
			{"纳入专户管理的非税收入拨款", nontax}, {"其他资金", 1000 - general - fund - nontax}})
		basic := 400 + rng.IntN(450)
		add("按支出性质分", []share{{"基本支出", basic}, {"项目支出", 1000 - basic}})
		return
	}
	carry := 0
	if rng.IntN(2) == 0 {
		carry = 10 + rng.IntN(140)
	}
	current := 750 + rng.IntN(251) - carry
	if current < 0 {
		current = 0
	}
	add("资金来源", []share{{"当年财政拨款", current}, {"上年结转资金", carry}, {"其他资金", 1000 - current - carry}})
}

// cut divides total cents by the shares; the last line takes the
// remainder, so the lines add up to the total exactly.
func cut(total int64, shares []share) []int64 {
	out := make([]int64, len(shares))
	left := total
	for i, s := range shares {
		if i == len(shares)-1 {
			out[i] = left
			break
		}
		out[i] = total * int64(s.permille) / 1000
		left -= out[i]
	}
	return out
}
