// Package audit finds the problems in a self-evaluation. It is pure: an
// Input in, findings out, the evaluation and rule set left as they were.
//
// Every finding has a stable code catalogued, with examples, in
// docs/checks.md. Severity: error when the document is provably wrong
// (figures that do not add up, a score the rules do not give), warning when
// a reviewer should look (vague indicators, a missing explanation), info
// for what is worth knowing (rounding differences within tolerance).
//
// The checks, in the order they run:
//
//   - Execution (T-EXEC-*): the stated 执行率 against 全年执行数 / the rule
//     set's denominator, compared at the displayed percentage places; the
//     stated execution score against score/'s, a difference within the rule
//     set's score tolerance being a rounding note; the stated weight against
//     the rule set's; spending above the budget; a rate below the rule
//     set's threshold (90%) needs a reason.
//   - Budget splits (T-SPLIT-*): each breakdown (按收入性质分, 按支出性质分)
//     must add up to its total, column by column; a difference of at most
//     the rule set's sum tolerance (0.01 万元) per summand is the 尾数误差 of
//     published figures, a note and not an error. Each row's own 执行率 is
//     checked as the total's is.
//   - Weights (T-WEIGHT-*, T-LEVEL*): the grand total (100), each 一级 with
//     a fixed weight (产出 50, 效益 30, 满意度 10 nationally), and each 二级
//     under the 一级 the rule set puts it, names compared without spaces or
//     a trailing 指标.
//   - Row scores (T-ROW-*): a stated score missing, not a number or above
//     its weight; a row the rules cannot score; otherwise the stated score
//     against score/'s: a missed target scored full is 虚高 (an error), a met
//     target with points deducted and no explanation a warning, a
//     qualitative score outside its tier a warning, a difference within the
//     score tolerance a rounding note.
//   - Total and grade (T-TOTAL*, T-GRADE): the stated total against the sum
//     of the stated parts and against the recomputed total, and the stated
//     grade against the grade of the recomputed total.
//   - Deviation (T-DEVIATION-MISSING): 偏差原因分析及改进措施 must be written
//     when a score is below its weight or a ≥ 1.3 t, as the rule set says;
//     "无", "/" and the like do not count.
//   - The report, when there is one: its figures against one another and the
//     table (N-*, through claims/), its outline (S-*, the Hunan outline of
//     湘财绩〔2020〕7号 by default), and the quality of targets and wording
//     (Q-*, after 财预〔2015〕88号's 指向明确, 细化量化, 合理可行, 相应匹配).
//
// The findings come errors first, then warnings, then notes, each in the
// order above.
package audit

import (
	"cmp"
	"slices"

	"jixiao"
	"jixiao/score"
)

// Input is what an audit looks at. Doc is nil for hand-written YAML files:
// then only the table is checked. When the Eval's report holds its edited
// text (Report.Text), the narrative checks read that text over Doc.
type Input struct {
	Eval   *jixiao.Evaluation
	Doc    *jixiao.Document // the imported source, with the narrative; may be nil
	Rules  *jixiao.RuleSet
	Result *score.Result // Score(Eval, Rules); computed by Check when nil
}

// Check runs every check and returns the findings, errors first. The
// checks run in this order; the findings are then ordered by severity,
// keeping this order within a severity.
func Check(in Input) []jixiao.Finding {
	if in.Result == nil {
		in.Result = score.Score(in.Eval, in.Rules)
	}
	if in.Eval != nil && in.Eval.Report != nil && in.Eval.Report.Text != nil {
		// the report's text as edited is what it now says
		in.Doc = in.Doc.WithReportText(in.Eval.Report.Text)
	}
	out := findings{ev: in.Eval}
	checkExecution(&in, &out)
	checkBudgetSplits(&in, &out)
	checkWeights(&in, &out)
	checkRowScores(&in, &out)
	checkImpliedWeights(&in, &out)
	checkTotal(&in, &out)
	checkDeviation(&in, &out)
	checkReport(&in, &out) // narrative, structure and quality: audit/narrative_text.go
	return out.bySeverity()
}

// findings collects findings in the order the checks raise them, each
// passed through the unread gate first.
type findings struct {
	ev  *jixiao.Evaluation // whose Missing gateUnread looks up
	all []jixiao.Finding
}

func (f *findings) add(x jixiao.Finding) { f.all = append(f.all, gateUnread(f.ev, x)) }

// list returns the findings in the order they were added.
func (f *findings) list() []jixiao.Finding { return f.all }

// bySeverity returns the findings ordered by severity, in the order they
// were added within a severity.
func (f *findings) bySeverity() []jixiao.Finding {
	slices.SortStableFunc(f.all, func(a, b jixiao.Finding) int { return cmp.Compare(a.Severity.Rank(), b.Severity.Rank()) })
	return f.all
}
