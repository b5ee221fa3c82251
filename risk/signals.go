package risk

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
)

// vagueCodes are the audit's findings of vague or vacuous indicators.
var vagueCodes = map[string]bool{
	"Q-VAGUE-NAME": true, "Q-VAGUE-TARGET": true, "Q-SAVING-100": true,
	"Q-QUANT-AS-TEXT": true, "Q-QUAL-PERCENT": true,
}

// own returns the signals an evaluation shows on its own.
func own(e *Entry, w *Weights) []Reason {
	var out []Reason
	if r, ok := inflated(e, w); ok {
		out = append(out, r)
	}
	if r, ok := allMet(e.Eval, w); ok {
		out = append(out, r)
	}
	if r, ok := noBenefit(e.Eval, w); ok {
		out = append(out, r)
	}
	var vague, errs []string
	for _, f := range e.Findings {
		switch {
		case f.Severity == jixiao.SevError:
			errs = append(errs, f.Code)
		case vagueCodes[f.Code]:
			vague = append(vague, f.Code+"（"+f.Location.Item+"）")
		}
	}
	if len(vague) > 0 {
		out = append(out, Reason{
			Code: "R-VAGUE", Points: points(w.Vague, len(vague)),
			Message:  fmt.Sprintf("%d 项指标空泛或不可衡量", len(vague)),
			Evidence: list(vague, 5),
		})
	}
	if len(errs) > 0 {
		out = append(out, Reason{
			Code: "R-ERRORS", Points: points(w.Errors, len(errs)),
			Message:  fmt.Sprintf("检查发现 %d 个错误级问题", len(errs)),
			Evidence: list(errs, 8),
		})
	}
	return out
}

// list joins at most n items, saying how many more there are.
func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, "；")
	}
	return strings.Join(items[:n], "；") + fmt.Sprintf("；另 %d 项", len(items)-n)
}

// inflated: a high self-score with a low execution rate.
func inflated(e *Entry, w *Weights) (Reason, bool) {
	if e.Result == nil {
		return Reason{}, false
	}
	x := &e.Result.Execution
	if !x.RateKnown || !x.Rate.LessThan(w.Inflated.RateBelow) {
		return Reason{}, false
	}
	total, from := e.Result.Total, "重算"
	if st := e.Eval.StatedTotal; st.Valid {
		total, from = st.Value, "表列"
	}
	if total.LessThan(w.Inflated.ScoreAtLeast) {
		return Reason{}, false
	}
	rate := x.Rate.Shift(2).Round(2).StringFixed(2) + "%"
	how := "全年执行数 " + x.B.Text + " / " + x.A.Text
	if x.RateFrom != "computed" || !x.B.Valid {
		how = "表列执行率 " + x.StatedRate.Text
	}
	return Reason{
		Code: "R-INFLATED", Points: w.Inflated.Weight.Round(2),
		Message: fmt.Sprintf("自评总分 %s，而预算执行率只有 %s，自评可能虚高", total.StringFixed(2), rate),
		Evidence: fmt.Sprintf("总分 %s（%s）≥ %s；执行率 %s < %s%%（%s）", total.StringFixed(2), from,
			w.Inflated.ScoreAtLeast, rate, w.Inflated.RateBelow.Shift(2), how),
	}, true
}

// allMet: every indicator at 100% or its actual the same as its target.
func allMet(ev *jixiao.Evaluation, w *Weights) (Reason, bool) {
	n := len(ev.Indicators)
	if n < max(w.AllMet.MinIndicators, 1) {
		return Reason{}, false
	}
	same, hundred := 0, 0
	for i := range ev.Indicators {
		in := &ev.Indicators[i]
		switch {
		case sameAsTarget(in):
			same++
		case in.Actual.Percent && in.Actual.Number.Equal(decimal.NewFromInt(100)):
			hundred++
		default:
			return Reason{}, false
		}
	}
	return Reason{
		Code: "R-ALL-MET", Points: w.AllMet.Weight.Round(2),
		Message:  fmt.Sprintf("全部 %d 项指标都为 100%% 或实际完成值与年度指标值相同，可能按目标倒填", n),
		Evidence: fmt.Sprintf("实际完成值等于年度指标值 %d 项，实际完成值为 100%% %d 项，共 %d 项", same, hundred, n),
	}, true
}

// sameAsTarget reports whether an indicator's actual is its target: the
// same number on the same scale, or the same words.
func sameAsTarget(in *jixiao.Indicator) bool {
	a, t := &in.Actual, &in.Target
	if a.Type == jixiao.Quantitative && t.Type == jixiao.Quantitative {
		return a.Number.Equal(t.Number) && a.Percent == t.Percent && a.Unit == t.Unit
	}
	return a.Stated() && verbatim(a.Raw) == verbatim(t.Raw) && verbatim(a.Raw) != ""
}

// noBenefit: the indicator block has no 效益指标.
func noBenefit(ev *jixiao.Evaluation, w *Weights) (Reason, bool) {
	if len(ev.Indicators) == 0 {
		return Reason{}, false
	}
	var seen []string
	for _, in := range ev.Indicators {
		l1 := strings.TrimSpace(in.Level1)
		if strings.Contains(l1, "效益") {
			return Reason{}, false
		}
		if l1 != "" && !contains(seen, l1) {
			seen = append(seen, l1)
		}
	}
	return Reason{
		Code: "R-NO-BENEFIT", Points: w.NoBenefit.Weight.Round(2),
		Message:  "没有效益指标，无法看出资金使用的效果",
		Evidence: "一级指标：" + strings.Join(seen, "、") + "（共 " + strconv.Itoa(len(ev.Indicators)) + " 项指标）",
	}, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
