package audit

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
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

// rowVerdict decides which finding, if any, a row raises: a stated score
// that is missing, not a number or above the weight, a row the rules cannot
// score, and otherwise how far the stated score is from the computed one.
// A missed target scored full is 虚高 (an error); a met target with points
// deducted and no explanation is a warning.
func rowVerdict(in *Input, r *score.Row, ind *jixiao.Indicator) string {
	switch {
	case !ind.Score.Stated():
		return "T-ROW-SCORE-MISSING"
	case !ind.Score.Valid:
		return "T-ROW-SCORE"
	case ind.Weight.Valid && ind.Score.Value.Cmp(ind.Weight.Value) > 0:
		return "T-ROW-OVER-WEIGHT"
	case !r.Computed:
		return "T-ROW-UNSCORABLE"
	}
	stated := ind.Score.Value
	if stated.Equal(r.Score) {
		return ""
	}
	beyond := stated.Sub(r.Score).Abs().Cmp(in.Rules.ScoreTolerance) > 0
	switch {
	case r.Method == score.MethodQualitative && beyond:
		return "T-ROW-QUAL-TIER"
	case r.Met != nil && !*r.Met && stated.Equal(r.Weight):
		return "T-ROW-MISSED-FULL"
	case r.Met != nil && *r.Met && stated.Cmp(r.Weight) < 0 && r.Method != score.MethodQualitative:
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
	want := r.Score.StringFixed(in.Rules.Rounding.ScorePlaces)
	f := jixiao.Finding{
		Code: code, Severity: jixiao.SevError, Stated: ind.Score.Text, Expected: want, Evidence: r.Trace.Formula,
		Location: in.locIndexed("indicators", r.Index+1, ind.Name, "得分", "indicators[", r.Index, "].得分"),
	}
	switch code {
	case "T-ROW-SCORE-MISSING":
		f.Severity, f.Message, f.Evidence = jixiao.SevWarning, "指标“"+ind.Name+"”未填得分", ""
	case "T-ROW-SCORE":
		if !ind.Score.Valid {
			f.Message, f.Evidence = "指标“"+ind.Name+"”的得分 "+strconv.Quote(ind.Score.Text)+" 不是数字", ""
		} else {
			f.Message = "指标“" + ind.Name + "”得分填为 " + ind.Score.Text + "，按规则应为 " + want
		}
	case "T-ROW-OVER-WEIGHT":
		f.Message, f.Expected, f.Evidence = "指标“"+ind.Name+"”得分 "+ind.Score.Text+" 超过分值 "+ind.Weight.Text, "≤ "+ind.Weight.Text, ""
	case "T-ROW-UNSCORABLE":
		f.Severity, f.Expected = jixiao.SevWarning, ""
		f.Message = "指标“" + ind.Name + "”无法按规则重算得分：" + r.Trace.Note
		f.Evidence = "年度指标值 " + strconv.Quote(ind.Target.Text()) + "，实际完成值 " + strconv.Quote(ind.Actual.Text())
	case "T-ROW-QUAL-TIER":
		f.Severity = jixiao.SevWarning
		f.Message = "定性指标“" + ind.Name + "”实际为“" + ind.Actual.Raw + "”，属“" + r.Tier + "”档（" + r.TierLow.StringFixed(2) + " ~ " + r.TierHigh.StringFixed(2) + " 分），表列得分 " + ind.Score.Text + " 不在该档内"
	case "T-ROW-MISSED-FULL":
		f.Message = "指标“" + ind.Name + "”未达到目标（目标 " + ind.Target.Text() + "，实际 " + ind.Actual.Text() + "），却得满分 " + ind.Score.Text + "（虚高）"
	case "T-ROW-MET-DEDUCTED":
		f.Severity = jixiao.SevWarning
		f.Message = "指标“" + ind.Name + "”已达到目标（目标 " + ind.Target.Text() + "，实际 " + ind.Actual.Text() + "），却扣分（得 " + ind.Score.Text + " / " + ind.Weight.Text + "），且未说明原因"
	case "T-ROW-SCORE-ROUNDING":
		f.Severity = jixiao.SevInfo
		f.Message = "指标“" + ind.Name + "”得分 " + ind.Score.Text + " 与计算值 " + want + " 相差 " + ind.Score.Value.Sub(r.Score).Abs().String() + "，属舍入差异"
	}
	return f
}

// explained reports whether a deviation text says anything: "无", "/" and
// the like do not count.
func explained(text string, rs *jixiao.RuleSet) bool {
	t := cjk.TrimSpace(text)
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
		below := ind.Score.Valid && ind.Score.Value.Cmp(r.Weight) < 0
		belowFull := rs.Deviation.WhenBelowFull && below
		if !belowFull && !(rs.Deviation.WhenOverAchieved && r.Over) ||
			r.Met != nil && *r.Met && r.Method != score.MethodQualitative && below || // T-ROW-MET-DEDUCTED's to report
			explained(ind.Deviation, rs) {
			continue
		}
		var why, stated, expected string
		if belowFull {
			why = "得分 " + ind.Score.Text + " 低于分值 " + ind.Weight.Text
			stated, expected = ind.Score.Text, ind.Weight.Text
		} else {
			why = "实际 " + ind.Actual.Text() + " 达到目标 " + ind.Target.Text() + " 的 " + r.OverRatio.Round(2).String() + " 倍（≥ " + rs.OverAchieve.String() + " 倍）"
			stated, expected = ind.Actual.Text(), "< "+ind.Target.Quantity().Mul(rs.OverAchieve).String()
		}
		out.add(jixiao.Finding{Code: "T-DEVIATION-MISSING", Severity: jixiao.SevWarning,
			Message: "指标“" + ind.Name + "”" + why + "，须填写偏差原因分析及改进措施", Stated: stated, Expected: expected,
			Evidence: "偏差原因：" + quoteOrEmpty(ind.Deviation),
			Location: in.locIndexed("indicators", r.Index+1, ind.Name, "偏差原因分析及改进措施", "indicators[", r.Index, "].偏差原因分析及改进措施")})
	}
}

func quoteOrEmpty(s string) string {
	if cjk.TrimSpace(s) == "" {
		return "（空）"
	}
	return "“" + s + "”"
}

// checkTotal compares the stated total with the sum of the stated parts,
// with the recomputed total, and the stated grade with the grade.
func checkTotal(in *Input, out *findings) {
	ev, res, ro := in.Eval, in.Result, in.Rules.Rounding
	at := in.loc("total", 0, "总分", "总分", "total")
	want := res.Total.StringFixed(ro.ScorePlaces)
	if !ev.StatedTotal.Stated() {
		out.add(jixiao.Finding{Code: "T-TOTAL-MISSING", Severity: jixiao.SevWarning, Message: "未填总分", Expected: want, Location: at})
		return
	}
	if !ev.StatedTotal.Valid {
		out.add(jixiao.Finding{Code: "T-TOTAL", Severity: jixiao.SevError, Message: "总分 " + strconv.Quote(ev.StatedTotal.Text) + " 不是数字", Stated: ev.StatedTotal.Text, Expected: want, Location: at})
		return
	}
	if sum, terms, ok := statedParts(ev); ok && !ev.StatedTotal.Value.Equal(sum) {
		got := sum.StringFixed(ro.ScorePlaces)
		out.add(jixiao.Finding{Code: "T-TOTAL-SUM", Severity: jixiao.SevError,
			Message: "总分填为 " + ev.StatedTotal.Text + "，表中各项得分之和为 " + got,
			Stated:  ev.StatedTotal.Text, Expected: got, Evidence: terms, Location: at})
	}
	if ev.StatedTotal.Value.Sub(res.Total).Abs().Cmp(in.Rules.ScoreTolerance) > 0 {
		out.add(jixiao.Finding{Code: "T-TOTAL", Severity: jixiao.SevError,
			Message: "总分填为 " + ev.StatedTotal.Text + "，按规则集 " + in.Rules.Name + " 重算为 " + want,
			Stated:  ev.StatedTotal.Text, Expected: want, Location: at})
	}
	if ev.StatedGrade != "" && ev.StatedGrade != res.Grade {
		out.add(jixiao.Finding{Code: "T-GRADE", Severity: jixiao.SevError,
			Message: "等级填为“" + ev.StatedGrade + "”，总分 " + want + " 对应“" + res.Grade + "”",
			Stated:  ev.StatedGrade, Expected: res.Grade, Location: in.loc("total", 0, "等级", "等级", "grade")})
	}
}

func statedParts(ev *jixiao.Evaluation) (decimal.Decimal, string, bool) {
	if !ev.Budget.Score.Valid {
		return decimal.Zero, "", false
	}
	sum := ev.Budget.Score.Value
	terms := []string{ev.Budget.Score.Text}
	for i := range ev.Indicators {
		s := &ev.Indicators[i].Score
		if !s.Valid {
			return decimal.Zero, "", false
		}
		sum = sum.Add(s.Value)
		terms = append(terms, s.Text)
	}
	return sum, strings.Join(terms, " + ") + " = " + sum.String(), true
}
