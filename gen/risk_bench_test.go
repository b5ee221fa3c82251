package gen

import (
	"testing"

	"jixiao/risk"
)

// BenchmarkRiskRank10000 ranks 10,000 evaluations (2,000 units over 5
// years): signals, MinHash signatures, LSH candidates and exact Jaccard.
// Generating and auditing the panel is outside the timing.
func BenchmarkRiskRank10000(b *testing.B) {
	_, entries := panelEntries(b, 1, PanelOptions{Units: 2000, Years: 5, Inject: 0.06})
	b.ResetTimer()
	for b.Loop() {
		risk.Rank(entries, nil)
	}
}
