package dashboard

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
)

// BenchmarkCompute10000 aggregates 10,000 evaluations of 2,000 units in
// 12 departments, eight findings each; the figures go to docs/bench.md.
func BenchmarkCompute10000(b *testing.B) {
	facts := make([]*jixiao.EvaluationFacts, 10000)
	for i := range facts {
		f := fact(int64(i), int64(i%2000), int64(i%12+1), fmt.Sprintf("%d.%02d", 60+i%41, i%100), fmt.Sprintf("%d.5", 55+i%45),
			fmt.Sprintf("0.%04d", 5000+i%5000), []string{"优", "良", "中", "差"}[i%4])
		for k := range 8 {
			f.Findings = append(f.Findings, jixiao.FindingFact{Code: fmt.Sprintf("Q-CODE-%d", (i+k)%30), Severity: jixiao.SevWarning, Message: "说明"})
		}
		if i%5 == 0 {
			review(f, jixiao.StageDept, 1, "-1.5")
		}
		facts[i] = f
	}
	b.ReportAllocs()
	for b.Loop() {
		if d := Compute(facts); d.Evaluations != len(facts) {
			b.Fatal(d.Evaluations)
		}
	}
	_ = decimal.Zero
}
