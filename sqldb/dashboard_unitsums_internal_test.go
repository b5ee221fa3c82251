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
