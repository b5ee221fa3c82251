package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jixiao"
)

// chainDSNs are fresh databases of each engine the tests run on.
func chainDSNs(t *testing.T) map[string]string {
	out := map[string]string{"sqlite": filepath.Join(t.TempDir(), "chain.db")}
	base := os.Getenv("JIXIAO_TEST_POSTGRES")
	if base == "" {
		return out
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("jixiao_chain_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	out["postgres"] = WithSchema(base, schema)
	return out
}

// TestChainLogMatchesGo: entries appended one by one and in batches (a
// deferring transaction's flushLog) chain exactly as jixiao's Chain
// would, on each engine: on PostgreSQL the server hashes them (chainLog),
// and the hash read back must be the one Go computes from the stored
// fields, with seq and prev_hash following on from the head.
func TestChainLogMatchesGo(t *testing.T) {
	batches := []struct {
		name    string
		entries []jixiao.LogEntry
	}{
		{"first entry", []jixiao.LogEntry{{Action: jixiao.LogLogin, Object: "user/1", Detail: "登录"}}},
		{"empty fields", []jixiao.LogEntry{{Action: jixiao.LogLogout}}},
		{"non-ASCII and separators", []jixiao.LogEntry{{UserID: 7, UserName: "张三;5:x", Action: jixiao.LogEvaluationSave, Object: "evaluation/12",
			Detail: "版本 3 → 4：indicators[2].得分；「」", Address: "[::1]:8080"}}},
		{"batch of three", []jixiao.LogEntry{
			{UserID: 1, Action: jixiao.LogSourceCreate, Object: "source/a", Detail: "一"},
			{UserID: 2, Action: jixiao.LogEvaluationSave, Object: "evaluation/1", Detail: "二"},
			{UserID: 3, Action: jixiao.LogForbidden, Object: "evaluation/2", Detail: "三"},
		}},
		{"sub-microsecond time", []jixiao.LogEntry{{Time: time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.FixedZone("CST", 8*3600)), Action: jixiao.LogLogin}}},
	}
	for engine, dsn := range chainDSNs(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var want []jixiao.LogEntry
			for _, b := range batches {
				es := make([]*jixiao.LogEntry, len(b.entries))
				for i := range b.entries {
					e := b.entries[i]
					es[i] = &e
				}
				err := db.write(ctx, func(tx *Tx) error {
					tx.deferLog = true
					for _, e := range es {
						if err := tx.log(e); err != nil {
							return err
						}
					}
					return tx.flushLog()
				})
				if err != nil {
					t.Fatalf("%s: %v", b.name, err)
				}
				for _, e := range es {
					want = append(want, *e)
				}
			}
			var got []*jixiao.LogEntry
			err = db.read(ctx, func(tx *Tx) error {
				rows, err := tx.query(`SELECT ` + logColumns + ` FROM audit_log ORDER BY seq`)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					e, err := scanLog(rows)
					if err != nil {
						return err
					}
					got = append(got, e)
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d entries stored, want %d", len(got), len(want))
			}
			var v jixiao.LogVerifier
			prevHash := ""
			for i, e := range got {
				if e.Seq != int64(i+1) || e.PrevHash != prevHash || e.Hash != e.ComputeHash() {
					t.Errorf("entry %d: seq %d, prev %q (want %q), hash %s, Go computes %s", i+1, e.Seq, e.PrevHash, prevHash, e.Hash, e.ComputeHash())
				}
				// what the appender was told is what was stored
				if w := want[i]; w.Seq != e.Seq || w.Hash != e.Hash || w.PrevHash != e.PrevHash || !w.Time.Equal(e.Time) {
					t.Errorf("entry %d: appender has seq %d hash %s time %v, stored seq %d hash %s time %v", i+1, w.Seq, w.Hash, w.Time, e.Seq, e.Hash, e.Time)
				}
				if err := v.Check(e); err != nil {
					t.Errorf("verify: %v", err)
				}
				prevHash = e.Hash
			}
			var headSeq int64
			var headHash string
			if err := db.rdb.QueryRow(`SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash); err != nil {
				t.Fatal(err)
			}
			if err := v.Finish(headSeq, headHash); err != nil {
				t.Errorf("head: %v", err)
			}
		})
	}
}
