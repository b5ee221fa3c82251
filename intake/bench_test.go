package intake_test

import (
	"os"
	"testing"

	"jixiao/sqldb/sqldbtest"
)

// BenchmarkIntake takes in 200 submissions (the real sample as 200 units
// would file it, text) end to end: stored, queued, checked, matched and
// stored as evaluations by the workers. It reports documents per second.
//
//	go test -run XXX -bench Intake -benchtime 3x ./intake
func BenchmarkIntake(b *testing.B) {
	const n = 200
	engines := []string{"sqlite"}
	if os.Getenv("JIXIAO_TEST_POSTGRES") != "" {
		engines = append(engines, "postgres")
	}
	for _, engine := range engines {
		b.Run(engine, func(b *testing.B) {
			batch := files(n)
			for b.Loop() {
				b.StopTimer()
				f := mustFixture(b, sqldbtest.MustDSN(b, engine), n)
				w := newWorker(f, "bench")
				b.StartTimer()
				in := f.mustIntake(b, "bench", batch)
				if in = drain(b, f, w, in.ID); in.Imported != n {
					b.Fatalf("%d of %d imported", in.Imported, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
