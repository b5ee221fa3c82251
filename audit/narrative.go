package audit

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/claims"
)

// evidenceRunes is how much of a sentence a finding quotes.
const evidenceRunes = 120

// narrative is the claims of a report with the paragraphs they came from:
// the report's, then the table's 年度总体目标 texts.
type narrative struct {
	rt    *reportText
	set   *claims.Set
	goals []jixiao.Location // where the goal paragraphs after the report's are
}

// goalSection is the section of the goal paragraphs, apart from the
// report's.
const goalSection = -2

// readNarrative reads the claims of the report and of the table's goal
// texts (预期目标, 实际完成情况), which state amounts and their breakdowns
// as a report does (本项目共申请预算资金2026400元,其中…). A goal text the
// report's paragraphs hold already (a table copied as text, its cells
// among the paragraphs) is not read twice.
func readNarrative(in *Input, rt *reportText) *narrative {
	ps := make([]claims.Paragraph, len(rt.paras), len(rt.paras)+2)
	for i, p := range rt.paras {
		ps[i] = claims.Paragraph{Text: p.text, Section: p.section}
	}
	n := &narrative{rt: rt}
	if in.Eval != nil {
		for _, g := range []struct{ text, column, path string }{
			{in.Eval.Goal.Expected, "预期目标", "goal.expected"},
			{in.Eval.Goal.Actual, "实际完成情况", "goal.actual"},
		} {
			t := strings.TrimSpace(g.text)
			if t == "" || rt.holdsText(t) {
				continue
			}
			ps = append(ps, claims.Paragraph{Text: t, Section: goalSection})
			n.goals = append(n.goals, in.loc("goal", 0, "年度总体目标", g.column, g.path))
		}
	}
	n.set = claims.Extract(ps)
	return n
}

// inGoal reports whether a claim is in a goal text.
func (n *narrative) inGoal(c claims.Claim) bool { return c.Para >= len(n.rt.paras) }

// holdsText reports whether a paragraph of the report holds text.
func (rt *reportText) holdsText(text string) bool {
	for _, p := range rt.paras {
		if strings.Contains(p.text, text) {
			return true
		}
	}
	return false
}

// claimLoc locates a claim: the section it is in and its source line, or
// the goal text it is in.
func (n *narrative) claimLoc(c claims.Claim) jixiao.Location {
	if n.inGoal(c) {
		return n.goals[c.Para-len(n.rt.paras)]
	}
	return reportLoc(n.rt, n.rt.paras[c.Para])
}

func (n *narrative) evidence(c claims.Claim) string {
	return excerpt(n.set.Sentence(c), c.Text, evidenceRunes)
}

// checkNarrative checks the figures of the report against one another and
// against the table: shares, parts, rates, repeated quantities, and the
// reason for a low execution rate. A relation the wording leaves uncertain
// gives a warning, never an error.
func checkNarrative(in *Input, rt *reportText, out *findings) {
	if in.Doc == nil {
		return
	}
	n := readNarrative(in, rt)
	issues := n.set.Check(claims.Options{SumTolerance: in.Rules.SumTolerance, PercentTolerance: percentTolerance(in.Rules)})
	for _, is := range issues {
		c := n.set.Claims[is.Claim]
		if is.Code == claims.CodeConflict && (n.inGoal(c) || n.inGoal(n.set.Claims[is.Related[0]])) {
			continue // 预期目标 plans what 实际完成情况 and the report say was done
		}
		sev := jixiao.SevWarning
		if is.Sure {
			sev = jixiao.SevError
		}
		out.add(jixiao.Finding{
			Code: is.Code, Severity: sev, Message: is.Message,
			Stated: is.Stated, Expected: is.Expected,
			Evidence: n.evidence(c) + "（" + is.Formula + "）",
			Location: n.claimLoc(c),
		})
	}
	n.tableMismatch(in, out)
	n.execReason(in, out)
	n.documentDates(out)
}

// percentTolerance is one unit of the last displayed place of a percentage
// (0.01 percentage points with two places).
func percentTolerance(rs *jixiao.RuleSet) decimal.Decimal {
	return decimal.New(1, -rs.Rounding.PercentPlaces)
}

// tableMismatch compares what the report says with the table: the budget
// and the final account, the execution they imply, the breakdowns, and the
// total score.
func (n *narrative) tableMismatch(in *Input, out *findings) {
	n.execMismatch(in, out)
	n.splitMismatch(in, out)
	n.scoreMismatch(in, out)
}

// wholeRate is the rate relation of the unit as a whole (not 基本支出 or
// 项目支出): 年初预算数 … 决算数 … 完成率.
func (n *narrative) wholeRate() (claims.Relation, bool) {
	for _, r := range n.set.Relations {
		if r.Kind != claims.RelRate {
			continue
		}
		k := n.set.Claims[r.Part].Key
		if !strings.Contains(k, "基本支出") && !strings.Contains(k, "项目支出") {
			return r, true
		}
	}
	return claims.Relation{}, false
}

// mismatch reports a figure the table and the report state differently:
// Stated is the table's, Expected the report's.
func (n *narrative) mismatch(out *findings, c claims.Claim, msg, table, report string) {
	n.mismatchSev(out, jixiao.SevError, c, msg, table, report)
}

func (n *narrative) mismatchSev(out *findings, sev jixiao.Severity, c claims.Claim, msg, table, report string) {
	out.add(jixiao.Finding{
		Code: "N-TABLE-MISMATCH", Severity: sev, Message: msg,
		Stated: table, Expected: report, Evidence: n.evidence(c), Location: n.claimLoc(c),
	})
}

// budgetFigures are the report's names for the table's budget figures,
// matched at the end of a claim's key; a key naming 基本支出 or 项目支出 is
// about a part, not the total.
var budgetFigures = []struct {
	suffixes []string
	column   string
	figure   func(*jixiao.Budget) jixiao.Figure
}{
	{[]string{"年初预算数", "年初支出预算数"}, "年初预算数", func(b *jixiao.Budget) jixiao.Figure { return b.Initial }},
	{[]string{"全年预算数", "调整后预算数", "调整预算数"}, "全年预算数", func(b *jixiao.Budget) jixiao.Figure { return b.FullYear }},
	{[]string{"全年执行数", "决算数", "实际支出", "本年支出合计", "本年支出"}, "全年执行数", func(b *jixiao.Budget) jixiao.Figure { return b.Executed }},
}

func isPartKey(key string) bool {
	return strings.Contains(key, "基本支出") || strings.Contains(key, "项目支出") || strings.Contains(key, "人员经费") || strings.Contains(key, "公用经费")
}

// execMismatch compares the budget figures the report names with the
// table's, and — when the table states a rate but no 全年执行数 — the rate
// the report's final account implies with the table's rate.
func (n *narrative) execMismatch(in *Input, out *findings) {
	b, ro := &in.Eval.Budget, in.Rules.Rounding
	reported := map[string]bool{}
	var executed *claims.Claim
	for i := range n.set.Claims {
		c := &n.set.Claims[i]
		if c.Kind != claims.Amount || c.Approx || isPartKey(c.Key) || strings.Contains(c.Key, "增") || strings.Contains(c.Key, "减") ||
			strings.Contains(c.Key, "上年") || strings.Contains(c.Key, "去年") || strings.Contains(c.Key, "同期") {
			continue
		}
		for _, bf := range budgetFigures {
			if !hasAnySuffix(c.Key, bf.suffixes) {
				continue
			}
			if bf.column == "全年执行数" && executed == nil {
				executed = c
			}
			f := bf.figure(b)
			if !f.Valid || c.Wan.Equal(f.Value) || reported[bf.column] {
				continue
			}
			reported[bf.column] = true
			n.mismatch(out, *c, fmt.Sprintf("表中%s为 %s 万元，报告中为 %s", bf.column, f.Text, c.Text), f.Text+"万元", c.Text)
		}
	}
	if r, ok := n.wholeRate(); ok && (executed == nil || n.set.Claims[r.Part].Key != executed.Key) {
		x := n.set.Claims[r.Part]
		executed = &x
	}
	if executed == nil || b.Executed.Stated() {
		return
	}
	e := &in.Result.Execution
	if !b.Rate.Valid || !e.A.Valid || e.A.Value.Sign() <= 0 {
		return
	}
	implied := executed.Wan.Div(e.A.Value)
	if ro.Percent(implied).Sub(ro.Percent(b.Rate.Fraction())).Abs().LessThanOrEqual(percentTolerance(in.Rules)) {
		return
	}
	want := ro.Percent(implied).StringFixed(ro.PercentPlaces) + "%"
	n.mismatch(out, *executed,
		fmt.Sprintf("表中执行率为 %s，而报告所述%s %s 与表中%s %s 万元之比为 %s", b.Rate.Text, executed.Key, executed.Text, e.Denominator, e.A.Text, want),
		b.Rate.Text, want)
}

func hasAnySuffix(s string, sufs []string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// splitName is a breakdown row's name reduced for matching the report:
// 其中:基本支出： → 基本, 其他资金支出 → 其他.
func splitName(s string) string {
	s = claims.Canonical(s)
	s = strings.TrimPrefix(s, "其中")
	for {
		t := s
		for _, suf := range []string{"支出", "收入", "资金", "拨款"} {
			if strings.HasSuffix(s, suf) && len(s) > len(suf) {
				s = strings.TrimSuffix(s, suf)
			}
		}
		if t == s {
			return s
		}
	}
}

// splitMismatch compares each breakdown row of the table with the part of
// the same name in the report, when the report's whole is the table's total
// for that column: two breakdowns of one total must agree.
func (n *narrative) splitMismatch(in *Input, out *findings) {
	cs := n.set.Claims
	type part struct {
		part, whole int
		name        string
	}
	var parts []part
	for _, r := range n.set.Relations {
		switch r.Kind {
		case claims.RelParts:
			for _, p := range r.Parts {
				parts = append(parts, part{p, r.Whole, splitName(cs[p].Key)})
			}
		case claims.RelShare:
			parts = append(parts, part{r.Part, r.Whole, splitName(cs[r.Part].Key)})
		}
	}
	if len(parts) == 0 {
		return
	}
	b := &in.Eval.Budget
	tol := in.Rules.SumTolerance
	for _, s := range b.Splits {
		for ri := range s.Rows {
			row := &s.Rows[ri]
			name := splitName(row.Name)
			done := false
			for _, col := range budgetColumns {
				f, total := col.row(row), col.total(b)
				if done || !f.Valid || !total.Valid {
					continue
				}
				for _, p := range parts {
					c, w := &cs[p.part], &cs[p.whole]
					if c.Kind != claims.Amount || p.name != name || !w.Wan.Equal(total.Value) {
						continue
					}
					if apart(c.Wan, f.Value, tol) {
						// A budget column against a whole the report spent (本年支出, 决算数) may
						// differ legitimately when money moved between categories in the year:
						// a reviewer should look, but it is not provably wrong.
						sev := jixiao.SevError
						if col.name != "全年执行数" && spentWhole(w.Key) {
							sev = jixiao.SevWarning
						}
						n.mismatchSev(out, sev, *c, fmt.Sprintf("%s“%s”表中为 %s 万元（%s %s 万元中），报告中为 %s（%s %s 中）", s.Name, row.Name, f.Text, col.name, total.Text, c.Text, w.Key, w.Text), f.Text+"万元", c.Text)
					}
					done = true
					break
				}
			}
		}
	}
}

// scoreMismatch compares a score the report states (部门整体支出绩效得分96.12分)
// with the table's total.
func (n *narrative) scoreMismatch(in *Input, out *findings) {
	t := in.Eval.StatedTotal
	if !t.Valid {
		return
	}
	for _, c := range n.set.Claims {
		if c.Kind != claims.Score || c.Approx || !(strings.Contains(c.Key, "得分") || strings.Contains(c.Key, "总分") || strings.Contains(c.Key, "评分")) {
			continue
		}
		if partialScore(c.Key) {
			continue // a part of the score, not the total
		}
		if !c.Value.Equal(t.Value) {
			n.mismatch(out, c, fmt.Sprintf("表中总分为 %s，报告中得分为 %s", t.Text, c.Text), t.Text, c.Text)
		}
	}
}

// partScoreWords name a part of the total score: the indicators' score
// (绩效指标得分90.00分, 产出指标得分), the execution rate's, a level's.
var partScoreWords = []string{"指标", "执行率", "预算执行", "产出", "效益", "满意度", "成本", "扣"}

// partialScore reports whether a score's key names a part of the total
// rather than the evaluation's own score (部门整体支出绩效得分, 自评总分).
func partialScore(key string) bool { return hasAnyWord(key, partScoreWords) }

// reasonWords and executionWords find a sentence explaining execution.
var (
	executionWords = newWordSet("执行率", "执行进度", "预算执行", "未执行", "未支出", "未使用", "结余", "结转", "支出进度")
	reasonWords    = newWordSet("原因", "由于", "因为", "主要是", "导致", "影响", "因")
)

// execReason asks the report to explain an execution rate below the rule
// set's threshold.
func (n *narrative) execReason(in *Input, out *findings) {
	e, th, ro := &in.Result.Execution, in.Rules.Deviation.ExecutionBelow, in.Rules.Rounding
	if !e.RateKnown || th.Sign() <= 0 || !e.Rate.LessThan(th) || len(n.rt.sections) == 0 {
		// a table without a report is T-EXEC-LOW's: the text around a table
		// copied alone (its title, a goal cell read as a paragraph) has no
		// numbered section, as every report has
		return
	}
	at := jixiao.Location{Block: "report"}
	found := false
	for pi, p := range n.rt.paras {
		if !n.rt.holds(pi, wordsExecution) {
			continue
		}
		for sent := range strings.FieldsFuncSeq(p.text, func(r rune) bool { return r == '。' || r == '；' || r == '！' }) {
			if executionWords.in(sent) {
				if !found {
					at, found = reportLoc(n.rt, p), true
				}
				if reasonWords.in(sent) {
					return
				}
			}
		}
	}
	sev := jixiao.SevWarning
	if in.Rules.Deviation.ExecutionRequired {
		sev = jixiao.SevError
	}
	rate, limit := percentsApart(ro, e.Rate, th)
	out.add(jixiao.Finding{
		Code: "N-EXEC-REASON", Severity: sev,
		Message: fmt.Sprintf("预算执行率 %s 低于 %s，报告中没有说明原因", rate, limit),
		Stated:  rate, Expected: "说明执行率低于 " + limit + " 的原因及改进措施",
		Evidence: "报告中没有同时提到预算执行与原因的语句",
		Location: at,
	})
}

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// apart reports |a − b| > tol.
func apart(a, b, tol decimal.Decimal) bool { return a.Sub(b).Abs().GreaterThan(tol) }

// spentWhole reports whether a report's total names money spent rather than
// budgeted.
func spentWhole(key string) bool {
	return strings.Contains(key, "支出") || strings.Contains(key, "决算") || strings.Contains(key, "执行")
}
