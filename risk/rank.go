package risk

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/score"
)

// Entry is one evaluation to rank: the evaluation, its score under its
// rule set and its audit findings (audit.Check), as pipeline.Check gives
// them. ID names it in the ranking (a file name, a stored id) and must be
// unique.
type Entry struct {
	ID       string
	Eval     *jixiao.Evaluation
	Result   *score.Result
	Findings []jixiao.Finding
}

// Reason is one signal found in an evaluation.
type Reason struct {
	Code     string          // R-INFLATED, R-ALL-MET, … (docs/risk.md)
	Message  string          // in Chinese, for the reviewer
	Evidence string          // the computed figures behind it
	Points   decimal.Decimal // what it adds to the risk score
	Related  string          // the other evaluation's ID, for the copy signals
}

// Assessment is an evaluation's place in the ranking.
type Assessment struct {
	Rank    int // 1-based
	ID      string
	Unit    string // UnitKey of the evaluation
	Year    int
	Score   decimal.Decimal // Σ reason points, at most 100, 2 decimals
	Reasons []Reason        // by decreasing points, then code
}

// maxScore caps the risk score: the weights may add up to more, so that an
// evaluation showing many signals still reads on a 0–100 scale.
var maxScore = decimal.NewFromInt(100)

// UnitKey names the thing that is evaluated year after year: the unit for
// a 部门整体 table, the unit and project for a 项目 table.
func UnitKey(ev *jixiao.Evaluation) string {
	u := strings.Join(strings.Fields(ev.Unit), "")
	if ev.Kind == jixiao.KindProject && ev.Project != "" {
		return u + "·" + strings.Join(strings.Fields(ev.Project), "")
	}
	return u
}

// Rank assesses every entry and orders them by decreasing risk score, ties
// by ID, so that the same entries always give the same ranking. Signals
// that compare evaluations (copying, lowered targets) look across all the
// entries given. Time: O(N·G·H) for the MinHash signatures (N entries, G
// distinct 5-grams each, H = 100 hash functions), O(N·B) for the LSH
// buckets (B = 25 bands) and O(G) per candidate pair; memory O(N·(G+H)).
func Rank(entries []Entry, w *Weights) []Assessment {
	if w == nil {
		w = DefaultWeights()
	}
	entries = slices.Clone(entries)
	for i := range entries {
		if entries[i].Eval == nil { // nothing to judge: ranked with no signal
			entries[i].Eval = &jixiao.Evaluation{}
		}
	}
	out := make([]Assessment, len(entries))
	for i := range entries {
		e := &entries[i]
		out[i] = Assessment{ID: e.ID, Unit: UnitKey(e.Eval), Year: e.Eval.Year}
		out[i].Reasons = own(e, w)
	}
	prev := previous(entries)
	for i, p := range prev {
		if p >= 0 {
			if r, ok := lowered(&entries[i], &entries[p], w); ok {
				out[i].Reasons = append(out[i].Reasons, r)
			}
		}
	}
	for i, rs := range copies(entries, prev, w) {
		out[i].Reasons = append(out[i].Reasons, rs...)
	}
	for i := range out {
		a := &out[i]
		slices.SortStableFunc(a.Reasons, func(x, y Reason) int {
			if c := y.Points.Cmp(x.Points); c != 0 {
				return c
			}
			return cmp.Compare(x.Code, y.Code)
		})
		sum := decimal.Zero
		for _, r := range a.Reasons {
			sum = sum.Add(r.Points)
		}
		a.Score = decimal.Min(sum, maxScore).Round(2)
	}
	slices.SortFunc(out, func(x, y Assessment) int {
		if c := y.Score.Cmp(x.Score); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// previous returns, for each entry, the index of the same unit's entry of
// the latest earlier year (the first by ID when a year has several), or -1.
func previous(entries []Entry) []int {
	byUnit := map[string][]int{}
	for i := range entries {
		k := UnitKey(entries[i].Eval)
		byUnit[k] = append(byUnit[k], i)
	}
	prev := make([]int, len(entries))
	for _, idx := range byUnit {
		slices.SortFunc(idx, func(a, b int) int {
			if c := cmp.Compare(entries[a].Eval.Year, entries[b].Eval.Year); c != 0 {
				return c
			}
			return cmp.Compare(entries[a].ID, entries[b].ID)
		})
		start, last := 0, -1
		for j, i := range idx {
			if j > 0 && entries[i].Eval.Year != entries[idx[j-1]].Eval.Year {
				last, start = idx[start], j
			}
			prev[i] = -1
			if entries[i].Eval.Year != 0 && last >= 0 && entries[last].Eval.Year != 0 {
				prev[i] = last
			}
		}
	}
	return prev
}

// points is weight × min(n, saturate) / saturate, rounded to 2 decimals.
func points(s Signal, n int) decimal.Decimal {
	sat := max(s.Saturate, 1)
	return s.Weight.Mul(decimal.NewFromInt(int64(min(n, sat)))).Div(decimal.NewFromInt(int64(sat))).Round(2)
}
