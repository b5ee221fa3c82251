package dashboard

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/risk"
)

// The database keeps each evaluation's dashboard facts as exact integers,
// so that SQLite (which has no decimal type) and PostgreSQL sum them
// alike: scores and 复核 gaps in units of 10^-ScorePlaces of a point,
// execution rates (fractions) in units of 10^-RatePlaces. Compute counts
// the same rounded values, so the SQL aggregates and Compute agree to
// the last digit; a score written with more than 4 places, or a rate
// with more than 10, is counted rounded half away from zero.
const (
	ScorePlaces = 4
	RatePlaces  = 10
)

// ScoreUnits is v in 10^-ScorePlaces of a point, as stored.
func ScoreUnits(v decimal.Decimal) int64 { return v.Round(ScorePlaces).Shift(ScorePlaces).IntPart() }

// RateUnits is the fraction v in 10^-RatePlaces, as stored.
func RateUnits(v decimal.Decimal) int64 { return v.Round(RatePlaces).Shift(RatePlaces).IntPart() }

// FromScoreUnits and FromRateUnits read stored integers (and sums of
// them) back as decimals.
func FromScoreUnits(n int64) decimal.Decimal { return decimal.New(n, -ScorePlaces) }
func FromRateUnits(n int64) decimal.Decimal  { return decimal.New(n, -RatePlaces) }

// counted are the values of f a dashboard counts: rounded as stored.
func counted(f *jixiao.EvaluationFacts) (self, rate decimal.Decimal) {
	return f.SelfScore().Round(ScorePlaces), f.ExecutionRate.Round(RatePlaces)
}

// HasErrors reports whether f has an error-level finding.
func HasErrors(f *jixiao.EvaluationFacts) bool { return hasErrors(f) }

// caseSQL is the SQL that gives the band index of the stored integer
// column col (in 10^-places), the same bands as sc.band.
func (sc scale) caseSQL(col string, places int32) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i := len(sc.lower) - 1; i >= 1; i-- {
		b.WriteString(" WHEN " + col + " >= " + sc.lower[i].Shift(places).Ceil().String() + " THEN " + strconv.Itoa(i))
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

// ScoreBandSQL, RateBandSQL and GapBandSQL are the SQL band index of a
// stored self-score, rate and 复核 gap column: the bands of the
// distributions, from the same bounds.
func ScoreBandSQL(col string) string { return scoreScale.caseSQL(col, ScorePlaces) }
func RateBandSQL(col string) string  { return rateScale.caseSQL(col, RatePlaces) }
func GapBandSQL(col string) string   { return gapScale.caseSQL(col, ScorePlaces) }

// InflatedSQL is the SQL condition for "high self-score, low execution
// rate" over the stored columns: risk's R-INFLATED thresholds, as Compute.
func InflatedSQL(self, rateKnown, rate string) string {
	w := inflatedThresholds()
	return "(" + rateKnown + " = 1 AND " + self + " >= " + w.score.Shift(ScorePlaces).Ceil().String() +
		" AND " + rate + " < " + w.rate.Shift(RatePlaces).Ceil().String() + ")"
}

// UnitOrders are the orders a page of units may take; ties go by name,
// then ID. "name" is the default.
var UnitOrders = []string{"name", "evaluations", "with_errors", "inflated", "reviewed"}

// UnitOrderSQL is the SQL ORDER BY key of order over the aggregated
// columns named as Group's JSON fields; "" for "name".
func UnitOrderSQL(order string) string {
	if order == "name" || !slices.Contains(UnitOrders, order) {
		return ""
	}
	return order + " DESC, "
}

// PageUnits orders gs by order and returns the page of limit from offset
// (limit 0: all from offset), as the database pages them.
func PageUnits(gs []Group, order string, offset, limit int) []Group {
	key := func(g Group) int {
		switch order {
		case "evaluations":
			return g.Evaluations
		case "with_errors":
			return g.WithErrors
		case "inflated":
			return g.Inflated
		case "reviewed":
			return g.Reviewed
		}
		return 0
	}
	gs = slices.Clone(gs)
	slices.SortStableFunc(gs, func(a, b Group) int {
		return cmp.Or(cmp.Compare(key(b), key(a)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	gs = gs[min(offset, len(gs)):]
	if limit > 0 {
		gs = gs[:min(limit, len(gs))]
	}
	return gs
}

type thresholds struct{ score, rate decimal.Decimal }

func inflatedThresholds() thresholds {
	w := risk.DefaultWeights()
	return thresholds{w.Inflated.ScoreAtLeast, w.Inflated.RateBelow}
}

// Store is where the dashboards read: the aggregates, computed where the
// facts are stored (sqldb: in SQL, over the facts written with each
// revision), equal to Compute over the facts FindEvaluationFacts reads.
// part names one aggregate by its JSON name ("self_scores", "units", …;
// "" all): the others may be left zero. page selects the units listed.
type Store interface {
	jixiao.DashboardService
	Aggregate(ctx context.Context, f jixiao.EvaluationFilter, part string, page UnitPage) (*Dashboard, error)
	// FilingCounts counts the obligations of task t of the units the
	// user may see, at or below under (0: all), of kind ("": all), as
	// TaskFiling over FindObligations would.
	FilingCounts(ctx context.Context, t *jixiao.Task, under int64, kind jixiao.Kind) (FilingCounts, error)
}
