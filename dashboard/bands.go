package dashboard

import (
	"github.com/shopspring/decimal"
)

// Band is one bar of a distribution.
type Band struct {
	Label string          `json:"label"`
	Count int             `json:"count"`
	Share decimal.Decimal `json:"share"` // of the distribution's Total, 4 places
}

// Distribution counts values in bands.
type Distribution struct {
	Bands   []Band          `json:"bands"`
	Total   int             `json:"total"`   // values counted
	Unknown int             `json:"unknown"` // evaluations without the value
	Mean    decimal.Decimal `json:"mean"`    // of the values counted
}

// scale is a set of bands: lower bounds, ascending, the first band
// holding everything below the second bound.
type scale struct {
	labels []string
	lower  []decimal.Decimal // lower[0] is unused
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func newScale(labels []string, bounds ...string) scale {
	sc := scale{labels: labels, lower: []decimal.Decimal{{}}}
	for _, b := range bounds {
		sc.lower = append(sc.lower, d(b))
	}
	return sc
}

// band is the index of the band holding v: the number of lower bounds
// (after the first band's) at or below v, found by halving, since each
// comparison of decimals of different exponents rescales one of them.
func (sc scale) band(v decimal.Decimal) int {
	lo, hi := 1, len(sc.lower) // lower[lo-1] ≤ v; v < lower[hi], hi = len meaning no bound
	for lo < hi {
		m := (lo + hi) / 2
		if v.GreaterThanOrEqual(sc.lower[m]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// scoreScale bands total scores; rateScale bands execution rates
// (fractions); gapScale bands 复核 minus self.
var (
	scoreScale = newScale([]string{"<60", "60–70", "70–80", "80–90", "90–95", "≥95"}, "60", "70", "80", "90", "95")
	rateScale  = newScale([]string{"<60%", "60–70%", "70–80%", "80–90%", "90–95%", "95–100%", ">100%"},
		"0.6", "0.7", "0.8", "0.9", "0.95", "1.0000000001")
	gapScale = newScale([]string{"扣 10 分以上", "扣 5–10 分", "扣 2–5 分", "扣 0–2 分", "不变", "加分"},
		"-10", "-5", "-2", "0", "0.0000000001")
)

// tally counts values into sc's bands.
type tally struct {
	sc      scale
	counts  []int
	sum     decimal.Decimal
	n       int
	unknown int
}

func newTally(sc scale) *tally { return &tally{sc: sc, counts: make([]int, len(sc.labels))} }

// add counts v and returns its band.
func (t *tally) add(v decimal.Decimal) int {
	b := t.sc.band(v)
	t.counts[b]++
	t.sum = t.sum.Add(v)
	t.n++
	return b
}

func (t *tally) distribution(places int32) Distribution {
	out := Distribution{Total: t.n, Unknown: t.unknown, Mean: mean(t.sum, t.n, places)}
	for i, l := range t.sc.labels {
		out.Bands = append(out.Bands, Band{Label: l, Count: t.counts[i], Share: share(t.counts[i], t.n)})
	}
	return out
}

// mean is sum / n rounded, zero when n is 0.
func mean(sum decimal.Decimal, n int, places int32) decimal.Decimal {
	if n == 0 {
		return decimal.Zero
	}
	return sum.DivRound(decimal.NewFromInt(int64(n)), places)
}

// share is k / n as a fraction of 4 places, zero when n is 0.
func share(k, n int) decimal.Decimal {
	return mean(decimal.NewFromInt(int64(k)), n, 4)
}
