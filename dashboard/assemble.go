package dashboard

import (
	"github.com/shopspring/decimal"
)

// The database computes the aggregates in SQL (ScoreBandSQL…) and hands
// back these sums of stored integers; the functions below turn them into
// the same values Compute gives, with the same rounding.

// BandSums is one (score band, rate band) cell: RateBand -1 when the rate
// is unknown.
type BandSums struct {
	ScoreBand, RateBand int
	N                   int
	Self, Rate          int64 // Σ stored self-scores, Σ stored rates
	Inflated            int
}

// ReviewSums is one (self band, 复核 band, gap band) cell of the reviewed.
type ReviewSums struct {
	SelfBand, ReviewBand, GapBand int
	N                             int
	Self, Gap                     int64
}

// GroupSums is one department's or unit's sums.
type GroupSums struct {
	ID                   int64
	Name, Department     string
	N, Rated, WithErrors int
	Inflated, Reviewed   int
	Self, Rate, Gap      int64
}

// Distributions fills d's counts, self-scores, rates and self-score by
// rate from the band cells.
func (d *Dashboard) Distributions(cells []BandSums) {
	self, rates := newTally(scoreScale), newTally(rateScale)
	sr := newScoreByRate()
	rateSums := make([]int64, len(rateScale.labels))
	var selfSum, rateSum int64
	d.Evaluations = 0
	for _, c := range cells {
		d.Evaluations += c.N
		self.counts[c.ScoreBand] += c.N
		self.n += c.N
		selfSum += c.Self
		if c.RateBand < 0 {
			rates.unknown += c.N
			continue
		}
		rates.counts[c.RateBand] += c.N
		rates.n += c.N
		rateSum += c.Rate
		sr.Counts[c.RateBand][c.ScoreBand] += c.N
		sr.N[c.RateBand] += c.N
		rateSums[c.RateBand] += c.Self
		sr.Inflated += c.Inflated
	}
	self.sum, rates.sum = FromScoreUnits(selfSum), FromRateUnits(rateSum)
	d.SelfScores, d.Rates = self.distribution(2), rates.distribution(4)
	sr.Mean = make([]decimal.Decimal, len(rateSums))
	for i, sum := range rateSums {
		sr.Mean[i] = mean(FromScoreUnits(sum), sr.N[i], 2)
	}
	d.ScoreByRate = sr
}

// GradeCounts fills d's grades from the count of each grade; d.Evaluations
// must be set.
func (d *Dashboard) GradeCounts(counts map[string]int) { d.Grades = gradeBands(counts, d.Evaluations) }

// Reviews fills d's self-score against 复核 score from the cells.
func (d *Dashboard) Reviews(cells []ReviewSums) {
	rv := newReview()
	gaps := newTally(gapScale)
	var selfSum, gapSum int64
	for _, c := range cells {
		rv.Reviewed += c.N
		selfSum, gapSum = selfSum+c.Self, gapSum+c.Gap
		rv.Counts[c.SelfBand][c.ReviewBand] += c.N
		gaps.counts[c.GapBand] += c.N
		gaps.n += c.N
	}
	gaps.sum = FromScoreUnits(gapSum)
	s, g := FromScoreUnits(selfSum), FromScoreUnits(gapSum)
	rv.MeanSelf, rv.MeanReview, rv.MeanGap = mean(s, rv.Reviewed, 2), mean(s.Add(g), rv.Reviewed, 2), mean(g, rv.Reviewed, 2)
	rv.Gaps = gaps.distribution(2)
	d.Review = rv
}

// FindingCounts fills d's findings from the top codes, each counted
// once per evaluation; d.Evaluations must be set.
func (d *Dashboard) FindingCounts(top []FindingCount) {
	for i := range top {
		top[i].Share = share(top[i].Evaluations, d.Evaluations)
	}
	d.Findings = top
}

// Group is the aggregate of the sums, rounded as Compute rounds.
func (s GroupSums) Group() Group {
	return Group{ID: s.ID, Name: s.Name, Department: s.Department, Evaluations: s.N, WithErrors: s.WithErrors,
		Inflated: s.Inflated, Reviewed: s.Reviewed, MeanSelf: mean(FromScoreUnits(s.Self), s.N, 2),
		MeanRate: mean(FromRateUnits(s.Rate), s.Rated, 4), MeanGap: mean(FromScoreUnits(s.Gap), s.Reviewed, 2)}
}

func newScoreByRate() ScoreByRate {
	w := inflatedThresholds()
	return ScoreByRate{Rates: rateScale.labels, Scores: scoreScale.labels, Counts: grid(len(rateScale.labels), len(scoreScale.labels)),
		N: make([]int, len(rateScale.labels)), ScoreAtLeast: w.score, RateBelow: w.rate}
}

func newReview() Review {
	return Review{Scores: scoreScale.labels, Counts: grid(len(scoreScale.labels), len(scoreScale.labels))}
}
