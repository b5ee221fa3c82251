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

// Check runs every check and returns the findings, errors first. The
// checks run in this order; the findings are then ordered by severity,
// keeping this order within a severity.
func Check(in Input) []jixiao.Finding {
	if in.Result == nil {
		in.Result = score.Score(in.Eval, in.Rules)
	}
	// called directly, not through a table of funcs, so that in and out
	// stay on this stack
	out := findings{ev: in.Eval}
	checkExecution(&in, &out)
	checkBudgetSplits(&in, &out)
	checkWeights(&in, &out)
	checkRowScores(&in, &out)
	checkTotal(&in, &out)
	checkDeviation(&in, &out)
	checkReport(&in, &out) // narrative, structure and quality: audit/narrative_text.go
	return out.bySeverity()
}

// findings collects findings in the order the checks raise them. The first
// few are held in the collector itself, which Check keeps on its stack:
// most documents raise only a few, and the result is then allocated once,
// at its final size, instead of grown and sorted.
type findings struct {
	ev    *jixiao.Evaluation // whose Missing gateUnread looks up
	n     int
	first [8]jixiao.Finding
	rest  []jixiao.Finding
}

func (f *findings) add(x jixiao.Finding) {
	x = gateUnread(f.ev, x)
	if f.n < len(f.first) {
		f.first[f.n] = x
		f.n++
		return
	}
	if f.rest == nil {
		// a document raising more raises many: the sample report, 27
		f.rest = make([]jixiao.Finding, 0, 3*len(f.first))
	}
	f.rest = append(f.rest, x)
}

// list returns the findings in the order they were added.
func (f *findings) list() []jixiao.Finding {
	return append(f.first[:f.n:f.n], f.rest...)
}

// bySeverity returns the findings ordered by severity rank, in the order
// they were added within a rank: a stable sort with three keys, done as
// three passes.
func (f *findings) bySeverity() []jixiao.Finding {
	total := f.n + len(f.rest)
	if total == 0 {
		return nil
	}
	out := make([]jixiao.Finding, 0, total)
	if f.inOrder() {
		return append(append(out, f.first[:f.n]...), f.rest...) // one bulk copy each
	}
	for rank := range 3 {
		for i := range f.n {
			if f.first[i].Severity.Rank() == rank {
				out = append(out, f.first[i])
			}
		}
		for i := range f.rest {
			if f.rest[i].Severity.Rank() == rank {
				out = append(out, f.rest[i])
			}
		}
	}
	return out
}

// inOrder reports whether the findings already come by severity, as they
// mostly do: the table's errors are raised first.
func (f *findings) inOrder() bool {
	last := 0
	for i := range f.n {
		r := f.first[i].Severity.Rank()
		if r < last {
			return false
		}
		last = r
	}
	for i := range f.rest {
		r := f.rest[i].Severity.Rank()
		if r < last {
			return false
		}
		last = r
	}
	return true
}
