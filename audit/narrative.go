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

// narrative is the claims of a report with the paragraphs they came from.
type narrative struct {
	rt  *reportText
	set *claims.Set
}

func readNarrative(in *Input) *narrative {
	rt := readReport(in.Doc, outlineOf(in.Rules))
	ps := make([]claims.Paragraph, len(rt.paras))
	for i, p := range rt.paras {
		ps[i] = claims.Paragraph{Text: p.text, Section: p.section}
	}
	return &narrative{rt: rt, set: claims.Extract(ps)}
}

// claimLoc locates a claim: the section it is in and its source line.
func (n *narrative) claimLoc(c claims.Claim) jixiao.Location {
	return reportLoc(n.rt, n.rt.paras[c.Para])
}

func (n *narrative) evidence(c claims.Claim) string {
	return excerpt(n.set.Sentence(c), c.Text, evidenceRunes)
}

// checkNarrative checks the figures of the report against one another and
// against the table: shares, parts, rates, repeated quantities, and the
// reason for a low execution rate. A relation the wording leaves uncertain
// gives a warning, never an error.
func checkNarrative(in *Input, out *findings) {
	if in.Doc == nil || in.Eval == nil {
		return
	}
	n := readNarrative(in)
	issues := n.set.Check(claims.Options{SumTolerance: in.Rules.SumTolerance, PercentTolerance: percentTolerance(in.Rules)})
	for _, is := range issues {
		c := n.set.Claims[is.Claim]
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

func (n *narrative) mismatch(out *findings, c claims.Claim, msg, stated, expected string) {
	out.add(jixiao.Finding{
		Code: "N-TABLE-MISMATCH", Severity: jixiao.SevError, Message: msg,
		Stated: stated, Expected: expected, Evidence: n.evidence(c), Location: n.claimLoc(c),
	})
}

func (n *narrative) execMismatch(in *Input, out *findings) {
	b, ro := &in.Eval.Budget, in.Rules.Rounding
	r, ok := n.wholeRate()
	if !ok {
		return
	}
	a, x := n.set.Claims[r.Whole], n.set.Claims[r.Part]
	if strings.Contains(a.Key, "年初") && b.Initial.Valid && !a.Wan.Equal(b.Initial.Value) {
		n.mismatch(out, a, fmt.Sprintf("报告中年初预算数为 %s，表中年初预算数为 %s 万元", a.Text, b.Initial.Text), a.Text, b.Initial.Text+"万元")
	}
	if b.Executed.Valid {
		if !x.Wan.Equal(b.Executed.Value) {
			n.mismatch(out, x, fmt.Sprintf("报告中决算数为 %s，表中全年执行数为 %s 万元", x.Text, b.Executed.Text), x.Text, b.Executed.Text+"万元")
		}
		return
	}
	e := &in.Result.Execution
	if !b.Rate.Valid || !e.A.Valid || e.A.Value.Sign() <= 0 {
		return
	}
	implied := x.Wan.Div(e.A.Value)
	if ro.Percent(implied).Sub(ro.Percent(b.Rate.Fraction())).Abs().LessThanOrEqual(percentTolerance(in.Rules)) {
		return
	}
	want := ro.Percent(implied).StringFixed(ro.PercentPlaces) + "%"
	n.mismatch(out, x,
		fmt.Sprintf("表中执行率为 %s，而报告所述决算数 %s 与表中%s %s 万元之比为 %s", b.Rate.Text, x.Text, e.Denominator, e.A.Text, want),
		b.Rate.Text, want)
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
	type part struct{ part, whole int }
	var parts []part
	for _, r := range n.set.Relations {
		switch r.Kind {
		case claims.RelParts:
			for _, p := range r.Parts {
				parts = append(parts, part{p, r.Whole})
			}
		case claims.RelShare:
			parts = append(parts, part{r.Part, r.Whole})
		}
	}
	b := &in.Eval.Budget
	tol := in.Rules.SumTolerance
	for _, s := range b.Splits {
		for _, row := range s.Rows {
			name := splitName(row.Name)
			done := false
			for _, col := range budgetColumns {
				f, total := col.row(&row), col.total(b)
				if done || !f.Valid || !total.Valid {
					continue
				}
				for _, p := range parts {
					c, w := cs[p.part], cs[p.whole]
					if c.Kind != claims.Amount || splitName(c.Key) != name || !w.Wan.Equal(total.Value) {
						continue
					}
					if c.Wan.Sub(f.Value).Abs().GreaterThan(tol) {
						n.mismatch(out, c, fmt.Sprintf("%s“%s”表中为 %s 万元（%s %s 万元中），报告中为 %s（%s %s 中）", s.Name, row.Name, f.Text, col.name, total.Text, c.Text, w.Key, w.Text), c.Text, f.Text+"万元")
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
		if strings.Contains(c.Key, "执行率") || strings.Contains(c.Key, "指标") && !strings.Contains(c.Key, "绩效") {
			continue // a part of the score, not the total
		}
		if !c.Value.Equal(t.Value) {
			n.mismatch(out, c, fmt.Sprintf("报告中得分为 %s，表中总分为 %s", c.Text, t.Text), c.Text, t.Text)
		}
	}
}

// reasonWords and executionWords find a sentence explaining execution.
var (
	executionWords = []string{"执行率", "执行进度", "预算执行", "未执行", "未支出", "未使用", "结余", "结转", "支出进度"}
	reasonWords    = []string{"原因", "由于", "因为", "主要是", "导致", "影响", "因"}
)

// execReason asks the report to explain an execution rate below the rule
// set's threshold.
func (n *narrative) execReason(in *Input, out *findings) {
	e, th, ro := &in.Result.Execution, in.Rules.Deviation.ExecutionBelow, in.Rules.Rounding
	if !e.RateKnown || th.Sign() <= 0 || !e.Rate.LessThan(th) {
		return
	}
	at := jixiao.Location{Block: "report"}
	found := false
	for _, p := range n.rt.paras {
		for sent := range strings.FieldsFuncSeq(p.text, func(r rune) bool { return r == '。' || r == '；' || r == '！' }) {
			if hasAnyWord(sent, executionWords) {
				if !found {
					at, found = reportLoc(n.rt, p), true
				}
				if hasAnyWord(sent, reasonWords) {
					return
				}
			}
		}
	}
	sev := jixiao.SevWarning
	if in.Rules.Deviation.ExecutionRequired {
		sev = jixiao.SevError
	}
	rate := ro.Percent(e.Rate).StringFixed(ro.PercentPlaces) + "%"
	limit := ro.Percent(th).StringFixed(ro.PercentPlaces) + "%"
	out.add(jixiao.Finding{
		Code: "N-EXEC-REASON", Severity: sev,
		Message:  fmt.Sprintf("预算执行率 %s 低于 %s，报告中没有说明原因", rate, limit),
		Stated:   rate, Expected: "说明执行率低于 " + limit + " 的原因及改进措施",
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
