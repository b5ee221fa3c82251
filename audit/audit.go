// Package audit finds the problems in a self-evaluation: arithmetic in the
// table, scores against the rule set, the narrative report against itself
// and the table, the report's structure, and the quality of targets and
// indicators. It is pure: an Input in, findings out.
//
// Every finding has a stable code catalogued in docs/checks.md. Severity:
// error when the document is provably wrong (figures that do not add up, a
// score the rules do not give), warning when a reviewer should look (vague
// indicators, a missing explanation), info for what is worth knowing
// (rounding differences within tolerance).
package audit

import (
	"slices"

	"jixiao"
	"jixiao/score"
)

// Input is what an audit looks at. Doc is nil for hand-written YAML files:
// then only the table is checked.
type Input struct {
	Eval   *jixiao.Evaluation
	Doc    *jixiao.Document // the imported source, with the narrative; may be nil
	Rules  *jixiao.RuleSet
	Result *score.Result // Score(Eval, Rules); computed by Check when nil
}

// check is one family of checks.
type check func(in *Input, out *findings)

// checks run in this order; findings are then sorted by severity, keeping
// this order within a severity.
var checks = []check{
	checkExecution,
	checkBudgetSplits,
	checkWeights,
	checkRowScores,
	checkTotal,
	checkDeviation,
	checkReport, // narrative, structure and quality: audit/narrative_text.go
}

// Check runs every check and returns the findings, errors first.
func Check(in Input) []jixiao.Finding {
	if in.Result == nil {
		in.Result = score.Score(in.Eval, in.Rules)
	}
	out := make(findings, 0, 8) // most documents raise a few findings
	for _, c := range checks {
		c(&in, &out)
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b jixiao.Finding) int { return a.Severity.Rank() - b.Severity.Rank() })
	return out
}

// findings collects findings.
type findings []jixiao.Finding

func (f *findings) add(x jixiao.Finding) { *f = append(*f, x) }
