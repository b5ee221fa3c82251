package audit

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/score"
)

// checkRowScores compares each row's stated score with the rules.
func checkRowScores(in *Input, out *findings) {
	for i := range in.Result.Rows {
		r := &in.Result.Rows[i]
		ind := &in.Eval.Indicators[r.Index]
		if code := rowVerdict(in, r, ind); code != "" {
			out.add(rowFinding(in, code, r, ind))
		}
	}
}

// rowVerdict decides which finding, if any, a row raises; building the
// finding is left to rowFinding so that the common case, a correct row,
// costs no formatting.
func rowVerdict(in *Input, r *score.Row, ind *jixiao.Indicator) string {
	switch {
	case !ind.Score.Stated():
		return "T-ROW-SCORE-MISSING"
	case !ind.Score.Valid:
		return "T-ROW-SCORE"
	case ind.Weight.Valid && jixiao.CmpFigure(&ind.Score, ind.Weight.Value) > 0:
		return "T-ROW-OVER-WEIGHT"
	case !r.Computed:
		return "T-ROW-UNSCORABLE"
	}
	stated := ind.Score.Value
	if r.CmpScore(&ind.Score) == 0 {
		return ""
	}
	beyond := jixiao.Cmp(jixiao.AbsDiff(stated, r.Score()), in.Rules.ScoreTolerance) > 0
	switch {
	case r.Method == score.MethodQualitative && beyond:
		return "T-ROW-QUAL-TIER"
	case r.Met != nil && !*r.Met && r.CmpWeight(&ind.Score) == 0:
		return "T-ROW-MISSED-FULL"
	case r.Met != nil && *r.Met && r.CmpWeight(&ind.Score) < 0 && r.Method != score.MethodQualitative:
		if explained(ind.Deviation, in.Rules) {
			return ""
		}
		return "T-ROW-MET-DEDUCTED"
	case beyond:
		return "T-ROW-SCORE"
	}
	return "T-ROW-SCORE-ROUNDING"
}

func rowFinding(in *Input, code string, r *score.Row, ind *jixiao.Indicator) jixiao.Finding {
	want := jixiao.FormatFixed(r.Score(), in.Rules.Rounding.ScorePlaces)
	f := jixiao.Finding{
		Code: code, Severity: jixiao.SevError, Stated: ind.Score.Text, Expected: want, Evidence: r.Explain().Formula,
		Location: in.loc("indicators", r.Index+1, ind.Name, "得分", fmt.Sprintf("indicators[%d].得分", r.Index)),
	}
	switch code {
	case "T-ROW-SCORE-MISSING":
		f.Severity, f.Message, f.Evidence = jixiao.SevWarning, fmt.Sprintf("指标“%s”未填得分", ind.Name), ""
	case "T-ROW-SCORE":
		if !ind.Score.Valid {
			f.Message, f.Evidence = fmt.Sprintf("指标“%s”的得分 %q 不是数字", ind.Name, ind.Score.Text), ""
		} else {
			f.Message = fmt.Sprintf("指标“%s”得分填为 %s，按规则应为 %s", ind.Name, ind.Score.Text, want)
		}
	case "T-ROW-OVER-WEIGHT":
		f.Message, f.Expected, f.Evidence = fmt.Sprintf("指标“%s”得分 %s 超过分值 %s", ind.Name, ind.Score.Text, ind.Weight.Text), "≤ "+ind.Weight.Text, ""
	case "T-ROW-UNSCORABLE":
		f.Severity, f.Expected = jixiao.SevWarning, ""
		f.Message = fmt.Sprintf("指标“%s”无法按规则重算得分：%s", ind.Name, r.Explain().Note)
		f.Evidence = fmt.Sprintf("年度指标值 %q，实际完成值 %q", ind.Target.Raw, ind.Actual.Raw)
	case "T-ROW-QUAL-TIER":
		f.Severity = jixiao.SevWarning
		lo, hi := r.TierRange()
		f.Message = fmt.Sprintf("定性指标“%s”实际为“%s”，属“%s”档（%s ~ %s 分），表列得分 %s 不在该档内", ind.Name, ind.Actual.Raw, r.Tier(), jixiao.FormatFixed(lo, 2), jixiao.FormatFixed(hi, 2), ind.Score.Text)
	case "T-ROW-MISSED-FULL":
		f.Message = fmt.Sprintf("指标“%s”未达到目标（目标 %s，实际 %s），却得满分 %s（虚高）", ind.Name, ind.Target.Raw, ind.Actual.Raw, ind.Score.Text)
	case "T-ROW-MET-DEDUCTED":
		f.Severity = jixiao.SevWarning
		f.Message = fmt.Sprintf("指标“%s”已达到目标（目标 %s，实际 %s），却扣分（得 %s / %s），且未说明原因", ind.Name, ind.Target.Raw, ind.Actual.Raw, ind.Score.Text, ind.Weight.Text)
	case "T-ROW-SCORE-ROUNDING":
		f.Severity = jixiao.SevInfo
		f.Message = fmt.Sprintf("指标“%s”得分 %s 与计算值 %s 相差 %s，属舍入差异", ind.Name, ind.Score.Text, want, ind.Score.Value.Sub(r.Score()).Abs())
	}
	return f
}

// explained reports whether a deviation text says anything: "无", "/" and
// the like do not count.
func explained(text string, rs *jixiao.RuleSet) bool {
	t := jixiao.TrimSpace(text)
	if t == "" {
		return false
	}
	for _, n := range rs.Deviation.NotAnExplanation {
		if t == n {
			return false
		}
	}
	return true
}

// checkDeviation asks for 偏差原因分析及改进措施 where the rule set requires it.
func checkDeviation(in *Input, out *findings) {
	rs := in.Rules
	for i := range in.Result.Rows {
		r := &in.Result.Rows[i]
		ind := &in.Eval.Indicators[r.Index]
		below := ind.Score.Valid && r.CmpWeight(&ind.Score) < 0
		if explained(ind.Deviation, rs) || r.Met != nil && *r.Met && r.Method != score.MethodQualitative && below {
			// a met target scored below full is T-ROW-MET-DEDUCTED's to report
			continue
		}
		var why, stated, expected string
		switch {
		case rs.Deviation.WhenBelowFull && below:
			why = fmt.Sprintf("得分 %s 低于分值 %s", ind.Score.Text, ind.Weight.Text)
			stated, expected = ind.Score.Text, ind.Weight.Text
		case rs.Deviation.WhenOverAchieved && r.Over:
			why = fmt.Sprintf("实际 %s 达到目标 %s 的 %s 倍（≥ %s 倍）", ind.Actual.Raw, ind.Target.Raw, r.OverRatio().Round(2), rs.OverAchieve)
			stated, expected = ind.Actual.Raw, "< "+ind.Target.Quantity().Mul(rs.OverAchieve).String()
		default:
			continue
		}
		out.add(jixiao.Finding{Code: "T-DEVIATION-MISSING", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("指标“%s”%s，须填写偏差原因分析及改进措施", ind.Name, why), Stated: stated, Expected: expected,
			Evidence: "偏差原因：" + quoteOrEmpty(ind.Deviation),
			Location: in.loc("indicators", r.Index+1, ind.Name, "偏差原因分析及改进措施", fmt.Sprintf("indicators[%d].偏差原因分析及改进措施", r.Index))})
	}
}

func quoteOrEmpty(s string) string {
	if jixiao.TrimSpace(s) == "" {
		return "（空）"
	}
	return "“" + s + "”"
}

// checkTotal compares the stated total with the sum of the stated parts,
// with the recomputed total, and the stated grade with the grade.
func checkTotal(in *Input, out *findings) {
	ev, res, ro := in.Eval, in.Result, in.Rules.Rounding
	at := in.loc("total", 0, "总分", "总分", "total")
	want := jixiao.FormatFixed(res.Total, ro.ScorePlaces)
	if !ev.StatedTotal.Stated() {
		out.add(jixiao.Finding{Code: "T-TOTAL-MISSING", Severity: jixiao.SevWarning, Message: "未填总分", Expected: want, Location: at})
		return
	}
	if !ev.StatedTotal.Valid {
		out.add(jixiao.Finding{Code: "T-TOTAL", Severity: jixiao.SevError, Message: fmt.Sprintf("总分 %q 不是数字", ev.StatedTotal.Text), Stated: ev.StatedTotal.Text, Expected: want, Location: at})
		return
	}
	if sum, terms, ok := statedParts(ev); ok && jixiao.CmpFigure(&ev.StatedTotal, sum) != 0 {
		out.add(jixiao.Finding{Code: "T-TOTAL-SUM", Severity: jixiao.SevError,
			Message: fmt.Sprintf("总分填为 %s，表中各项得分之和为 %s", ev.StatedTotal.Text, jixiao.FormatFixed(sum, ro.ScorePlaces)),
			Stated:  ev.StatedTotal.Text, Expected: jixiao.FormatFixed(sum, ro.ScorePlaces), Evidence: terms, Location: at})
	}
	if jixiao.Cmp(jixiao.AbsDiff(ev.StatedTotal.Value, res.Total), in.Rules.ScoreTolerance) > 0 {
		out.add(jixiao.Finding{Code: "T-TOTAL", Severity: jixiao.SevError,
			Message: fmt.Sprintf("总分填为 %s，按规则集 %s 重算为 %s", ev.StatedTotal.Text, in.Rules.Name, want),
			Stated:  ev.StatedTotal.Text, Expected: want, Location: at})
	}
	if ev.StatedGrade != "" && ev.StatedGrade != res.Grade {
		out.add(jixiao.Finding{Code: "T-GRADE", Severity: jixiao.SevError,
			Message: fmt.Sprintf("等级填为“%s”，总分 %s 对应“%s”", ev.StatedGrade, want, res.Grade),
			Stated:  ev.StatedGrade, Expected: res.Grade, Location: in.loc("total", 0, "等级", "等级", "grade")})
	}
}

func statedParts(ev *jixiao.Evaluation) (decimal.Decimal, string, bool) {
	if !ev.Budget.Score.Valid {
		return decimal.Zero, "", false
	}
	var s jixiao.Sum
	s.AddFigure(&ev.Budget.Score)
	for i := range ev.Indicators {
		if !ev.Indicators[i].Score.Valid {
			return decimal.Zero, "", false
		}
		s.AddFigure(&ev.Indicators[i].Score)
	}
	sum := s.Decimal()
	if jixiao.CmpFigure(&ev.StatedTotal, sum) == 0 {
		return sum, "", true // the terms are written out only for a finding
	}
	terms := []string{ev.Budget.Score.Text}
	for i := range ev.Indicators {
		terms = append(terms, ev.Indicators[i].Score.Text)
	}
	return sum, strings.Join(terms, " + ") + " = " + jixiao.FormatDecimal(sum), true
}
