package dashboard

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/risk"
)

// Dashboard is every aggregate over one selection of evaluations.
type Dashboard struct {
	Evaluations int            `json:"evaluations"`
	SelfScores  Distribution   `json:"self_scores"`
	Rates       Distribution   `json:"execution_rates"` // Mean is a fraction
	Grades      []Band         `json:"grades"`
	ScoreByRate ScoreByRate    `json:"self_score_by_rate"`
	Review      Review         `json:"self_vs_review"`
	Findings    []FindingCount `json:"findings"`
	Departments []Group        `json:"departments"`
	Units       []Group        `json:"units"`
	// UnitsTotal counts the units counted; Units may be one page of them
	// (UnitPage), in UnitPage.Order.
	UnitsTotal int      `json:"units_total"`
	UnitPage   UnitPage `json:"units_page"`
}

// UnitPage selects the units a dashboard lists: limit 0 lists them all.
type UnitPage struct {
	Order  string `json:"order"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// ScoreByRate sets the self-score against the execution rate: for each
// rate band, the count of each score band and the mean self-score.
type ScoreByRate struct {
	Rates  []string          `json:"rates"`  // rate band labels
	Scores []string          `json:"scores"` // score band labels
	Counts [][]int           `json:"counts"` // [rate][score]
	N      []int             `json:"n"`      // evaluations per rate band
	Mean   []decimal.Decimal `json:"mean"`   // mean self-score per rate band
	// Inflated counts the evaluations with a self-score of at least
	// risk's score_at_least and a rate below its rate_below.
	Inflated     int             `json:"inflated"`
	ScoreAtLeast decimal.Decimal `json:"score_at_least"`
	RateBelow    decimal.Decimal `json:"rate_below"`
}

// Review sets the self-score against the 复核 score.
type Review struct {
	Reviewed   int             `json:"reviewed"`
	MeanSelf   decimal.Decimal `json:"mean_self"`
	MeanReview decimal.Decimal `json:"mean_review"`
	MeanGap    decimal.Decimal `json:"mean_gap"` // 复核 − self
	Gaps       Distribution    `json:"gaps"`
	Scores     []string        `json:"scores"` // score band labels
	Counts     [][]int         `json:"counts"` // [self band][复核 band]
}

// FindingCount is one finding code across the evaluations.
type FindingCount struct {
	Code        string          `json:"code"`
	Severity    string          `json:"severity"`
	Message     string          `json:"message"` // an example: the least in byte order
	Evaluations int             `json:"evaluations"`
	Occurrences int             `json:"occurrences"`
	Share       decimal.Decimal `json:"share"` // of all evaluations, 4 places
}

// Group is the aggregate of one department or one unit.
type Group struct {
	ID          int64           `json:"id"`
	Name        string          `json:"name"`
	Department  string          `json:"department,omitempty"` // for units
	Evaluations int             `json:"evaluations"`
	MeanSelf    decimal.Decimal `json:"mean_self"`
	MeanRate    decimal.Decimal `json:"mean_rate"` // fraction, over RateKnown
	WithErrors  int             `json:"with_errors"`
	Inflated    int             `json:"inflated"`
	Reviewed    int             `json:"reviewed"`
	MeanGap     decimal.Decimal `json:"mean_gap"` // over Reviewed
}

// TopFindings is how many finding codes a dashboard lists.
const TopFindings = 20

// Compute aggregates facts. The order of facts does not matter.
func Compute(facts []*jixiao.EvaluationFacts) Dashboard {
	w := risk.DefaultWeights()
	self, rates := newTally(scoreScale), newTally(rateScale)
	gaps := newTally(gapScale)
	out := Dashboard{Evaluations: len(facts)}
	sr := newScoreByRate()
	rateSums := make([]decimal.Decimal, len(rateScale.labels))
	rv := newReview()
	var selfSum, reviewSum decimal.Decimal
	grades := map[string]int{}
	fc := findingTally{}
	depts, units := groups{}, groups{}
	for _, f := range facts {
		s, rate := counted(f)
		sb := self.add(s)
		grades[f.Grade]++
		inflated := false
		if f.RateKnown {
			rb := rates.add(rate)
			sr.Counts[rb][sb]++
			sr.N[rb]++
			rateSums[rb] = rateSums[rb].Add(s)
			inflated = s.GreaterThanOrEqual(w.Inflated.ScoreAtLeast) && rate.LessThan(w.Inflated.RateBelow)
		} else {
			rates.unknown++
		}
		if inflated {
			sr.Inflated++
		}
		gap, reviewed := ReviewGap(f)
		if reviewed {
			rv.Reviewed++
			selfSum, reviewSum = selfSum.Add(s), reviewSum.Add(s.Add(gap))
			gaps.add(gap)
			rv.Counts[sb][scoreScale.band(s.Add(gap))]++
		}
		fc.add(f)
		errs := hasErrors(f)
		if f.DeptID != 0 {
			depts.add(f.DeptID, f.DeptName, "", s, rate, f, errs, inflated, gap, reviewed)
		}
		units.add(f.UnitID, f.UnitName, f.DeptName, s, rate, f, errs, inflated, gap, reviewed)
	}
	out.SelfScores = self.distribution(2)
	out.Rates = rates.distribution(4)
	sr.Mean = make([]decimal.Decimal, len(rateSums))
	for i, sum := range rateSums {
		sr.Mean[i] = mean(sum, sr.N[i], 2)
	}
	out.ScoreByRate = sr
	rv.MeanSelf, rv.MeanReview = mean(selfSum, rv.Reviewed, 2), mean(reviewSum, rv.Reviewed, 2)
	rv.MeanGap = mean(reviewSum.Sub(selfSum), rv.Reviewed, 2)
	rv.Gaps = gaps.distribution(2)
	out.Review = rv
	out.Grades = gradeBands(grades, len(facts))
	out.Findings = fc.top(len(facts), TopFindings)
	out.Departments, out.Units = depts.list(), units.list()
	out.UnitsTotal, out.UnitPage = len(out.Units), UnitPage{Order: "name"}
	return out
}

func grid(rows, cols int) [][]int {
	g := make([][]int, rows)
	for i := range g {
		g[i] = make([]int, cols)
	}
	return g
}

// ReviewGap is the 复核 score minus the self-score of f: the 财政复核's
// scores if it gave any, else the 主管部门's; false when neither scored.
// The gap is rounded to ScorePlaces, as stored.
func ReviewGap(f *jixiao.EvaluationFacts) (decimal.Decimal, bool) {
	for _, st := range []jixiao.ReviewStage{jixiao.StageFinance, jixiao.StageDept} {
		if t, ok := f.Reviews[st]; ok && t.Items > 0 {
			return t.Gap.Round(ScorePlaces), true
		}
	}
	return decimal.Zero, false
}

func hasErrors(f *jixiao.EvaluationFacts) bool {
	return slices.ContainsFunc(f.Findings, func(x jixiao.FindingFact) bool { return x.Severity == jixiao.SevError })
}

// gradeOrder puts the usual grades first; others follow by name.
var gradeOrder = []string{"优", "良", "中", "差"}

func gradeBands(counts map[string]int, n int) []Band {
	var out []Band
	for _, g := range gradeOrder {
		out = append(out, Band{Label: g, Count: counts[g], Share: share(counts[g], n)})
		delete(counts, g)
	}
	var rest []string
	for g := range counts {
		rest = append(rest, g)
	}
	slices.Sort(rest)
	for _, g := range rest {
		label := g
		if label == "" {
			label = "未评定"
		}
		out = append(out, Band{Label: label, Count: counts[g], Share: share(counts[g], n)})
	}
	return out
}

type findingTally map[string]*FindingCount

func (t findingTally) add(f *jixiao.EvaluationFacts) {
	for i, x := range f.Findings {
		c, ok := t[x.Code]
		if !ok {
			c = &FindingCount{Code: x.Code, Severity: string(x.Severity), Message: x.Message}
			t[x.Code] = c
		}
		// the example is the least message in byte order, so that it does
		// not depend on the order of the facts (nor the SQL on a collation)
		if x.Message < c.Message {
			c.Message = x.Message
		}
		if x.Severity < jixiao.Severity(c.Severity) {
			c.Severity = string(x.Severity)
		}
		c.Occurrences++
		// an evaluation counts once per code; it has a few findings, so a
		// look back costs less than a set
		if !slices.ContainsFunc(f.Findings[:i], func(y jixiao.FindingFact) bool { return y.Code == x.Code }) {
			c.Evaluations++
		}
	}
}

// top lists the k codes found in the most evaluations, ties by code.
func (t findingTally) top(n, k int) []FindingCount {
	out := make([]FindingCount, 0, len(t))
	for _, c := range t {
		c.Share = share(c.Evaluations, n)
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b FindingCount) int {
		if c := cmp.Compare(b.Evaluations, a.Evaluations); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return out[:min(k, len(out))]
}

type groupSums struct {
	g               Group
	self, rate, gap decimal.Decimal
	rated           int
}

type groups map[int64]*groupSums

func (gs groups) add(id int64, name, dept string, self, rate decimal.Decimal, f *jixiao.EvaluationFacts, errs, inflated bool, gap decimal.Decimal, reviewed bool) {
	s, ok := gs[id]
	if !ok {
		s = &groupSums{g: Group{ID: id, Name: name, Department: dept}}
		gs[id] = s
	}
	s.g.Evaluations++
	s.self = s.self.Add(self)
	if f.RateKnown {
		s.rate, s.rated = s.rate.Add(rate), s.rated+1
	}
	if errs {
		s.g.WithErrors++
	}
	if inflated {
		s.g.Inflated++
	}
	if reviewed {
		s.g.Reviewed++
		s.gap = s.gap.Add(gap)
	}
}

// list is the groups by name, ties by ID.
func (gs groups) list() []Group {
	out := make([]Group, 0, len(gs))
	for _, s := range gs {
		g := s.g
		g.MeanSelf, g.MeanRate, g.MeanGap = mean(s.self, g.Evaluations, 2), mean(s.rate, s.rated, 4), mean(s.gap, g.Reviewed, 2)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b Group) int {
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}
