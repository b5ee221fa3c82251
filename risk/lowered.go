package risk

import (
	"fmt"

	"jixiao"
)

// Lowering is an indicator whose target this year is below (for a
// reverse indicator: above) what the unit achieved the year before: a
// target set so that it is met.
type Lowering struct {
	Indicator  string `json:"indicator"`
	Year       int    `json:"year"`
	PrevYear   int    `json:"prev_year"`
	Target     string `json:"target"`      // this year's 年度指标值, as written
	PrevActual string `json:"prev_actual"` // the previous year's 实际完成值, as written
}

// Lowerings compares cur's targets with prev's actuals, indicator by
// indicator (matched by name, spacing and punctuation aside). Only quantitative values on the
// same scale (both percentages, or the same unit) are compared, and = targets
// are left alone.
func Lowerings(cur, prev *jixiao.Evaluation) []Lowering {
	actuals := map[string]jixiao.Value{}
	for _, in := range prev.Indicators {
		if k := verbatim(in.Name); k != "" {
			if _, dup := actuals[k]; !dup {
				actuals[k] = in.Actual
			}
		}
	}
	var out []Lowering
	for _, in := range cur.Indicators {
		a, ok := actuals[verbatim(in.Name)]
		t := in.Target
		if !ok || t.Type != jixiao.Quantitative || a.Type != jixiao.Quantitative ||
			t.Percent != a.Percent || t.Unit != a.Unit || t.Op == jixiao.OpEQ {
			continue
		}
		low := t.Number.LessThan(a.Number)
		if t.Op.Reverse() {
			low = t.Number.GreaterThan(a.Number)
		}
		if low {
			out = append(out, Lowering{Indicator: in.Name, Year: cur.Year, PrevYear: prev.Year, Target: t.Text(), PrevActual: a.Text()})
		}
	}
	return out
}

// lowered is the target_lowered signal of e against the same unit's
// previous evaluation.
func lowered(e, prev *Entry, w *Weights) (Reason, bool) {
	ls := Lowerings(e.Eval, prev.Eval)
	if len(ls) == 0 {
		return Reason{}, false
	}
	items := make([]string, len(ls))
	for i, l := range ls {
		items[i] = fmt.Sprintf("%s：%d 年实际 %s，%d 年目标 %s", l.Indicator, l.PrevYear, l.PrevActual, l.Year, l.Target)
	}
	return Reason{
		Code: "R-TARGET-LOWERED", Points: points(w.TargetLowered, len(ls)), Related: prev.ID,
		Message:  fmt.Sprintf("%d 项指标的年度指标值比上一年度（%d 年）的实际完成值还低", len(ls), prev.Eval.Year),
		Evidence: list(items, 4),
	}, true
}
