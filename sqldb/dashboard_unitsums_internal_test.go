package sqldb

import (
	"strings"
	"testing"

	"jixiao/dashboard"
)

// TestUnitSumsInflatedSQL checks that migration 0005's triggers count
// the inflated evaluations and the bands as Aggregate does: a change of
// the thresholds needs a migration that keeps the sums anew.
func TestUnitSumsInflatedSQL(t *testing.T) {
	for _, c := range []struct{ dialect, prefixes string }{{"postgres", "e. "}, {"sqlite", "NEW. OLD. "}} {
		b, err := migrationFS.ReadFile("migrations/" + c.dialect + "/0005_dashboard_unit_sums.sql")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(c.prefixes, " ") {
			for _, want := range []string{dashboard.InflatedSQL(p+"self_score", p+"rate_known", p+"rate"),
				dashboard.ScoreBandSQL(p + "self_score"), dashboard.RateBandSQL(p + "rate")} {
				if !strings.Contains(string(b), want) {
					t.Errorf("%s: the kept sums do not count %s", c.dialect, want)
				}
			}
		}
	}
}

// TestReviewSumsBandSQL checks that migration 0006's 复核 cells are
// banded as Aggregate bands them.
func TestReviewSumsBandSQL(t *testing.T) {
	for _, dialect := range []string{"postgres", "sqlite"} {
		b, err := migrationFS.ReadFile("migrations/" + dialect + "/0006_dashboard_findings_filing.sql")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{dashboard.ScoreBandSQL("x.s"), dashboard.ScoreBandSQL("(x.s + x.g)"), dashboard.GapBandSQL("x.g")} {
			if n := strings.Count(string(b), want); n < 2 {
				t.Errorf("%s: the kept 复核 cells band %d times by %s, want the triggers' and the backfill's", dialect, n, want)
			}
		}
	}
}
