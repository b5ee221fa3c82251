package sqldb_test

import (
	"fmt"
	"os"
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// The storage side of the API's read and save paths; the figures go
// with bench/ and docs, never into assertions.

func BenchmarkFindEvaluationByID(b *testing.B) {
	for _, engine := range benchEngines() {
		b.Run(engine, func(b *testing.B) {
			w := benchWorld(b, engine)
			r := w.mustCreate(b)
			evs := sqldb.NewEvaluationService(w.db)
			ctx := as(w.editorU)
			b.ResetTimer()
			for b.Loop() {
				if _, err := evs.FindEvaluationByID(ctx, r.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUpdateEvaluation(b *testing.B) {
	for _, engine := range benchEngines() {
		b.Run(engine, func(b *testing.B) {
			w := benchWorld(b, engine)
			r := w.mustCreate(b)
			evs := sqldb.NewEvaluationService(w.db)
			ctx := as(w.editorU)
			cur, err := evs.FindEvaluationByID(ctx, r.ID)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			i := 0
			for b.Loop() {
				c := *cur.Content
				c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
				c.Indicators[0].Actual = notation.ParseValue(fmt.Sprintf("%d件", 100+i))
				i++
				if cur, err = evs.UpdateEvaluation(ctx, r.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: &c}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func benchWorld(b *testing.B, engine string) *world {
	return mustWorldTB(b, MustDSN(b, engine))
}

func benchEngines() []string {
	if os.Getenv("JIXIAO_TEST_POSTGRES") != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// BenchmarkFindSessionByToken is the lookup every signed-in request makes.
func BenchmarkFindSessionByToken(b *testing.B) {
	for _, engine := range benchEngines() {
		b.Run(engine, func(b *testing.B) {
			w := benchWorld(b, engine)
			sessions := sqldb.NewSessionService(w.db)
			s := &jixiao.Session{UserID: w.editorU.ID}
			if err := sessions.CreateSession(as(w.editorU), s); err != nil {
				b.Fatal(err)
			}
			ctx := as(nil)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sessions.FindSessionByToken(ctx, s.Token); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
