package pdf

import (
	"github.com/shopspring/decimal"

	"jixiao/render/report"
)

var hundred = decimal.NewFromInt(100)

// shown is a cell's text as the PDF prints it: amounts and scores with two
// decimals and percentages with two (0.0 → 0.00, 20 → 20.00, 61.2% →
// 61.20%), as the xlsx's number formats 0.00 and 0.00% show them, so that
// the two agree. 分值 prints as written, as in the xlsx. A figure stated
// with more than two decimals keeps its text: rounding it for display
// would print a number nobody stated.
func shown(c report.Cell) string {
	if !c.Valid {
		return c.Text
	}
	switch c.Kind {
	case report.KindAmount, report.KindScore:
		if c.Number.Round(2).Equal(c.Number) {
			return c.Number.StringFixed(2)
		}
	case report.KindPercent:
		if p := c.Number.Mul(hundred); p.Round(2).Equal(p) {
			return p.StringFixed(2) + "%"
		}
	}
	return c.Text
}
