// Package sqldbtest gives tests a fresh database on every engine the
// machine has: SQLite always, PostgreSQL when JIXIAO_TEST_POSTGRES names a
// server (each database a schema of its own, dropped after the test).
// Under CI=true a missing PostgreSQL fails the test, so the PostgreSQL half
// of a suite can never be skipped there without a word.
package sqldbtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for creating schemas

	"jixiao/sqldb"
)

// Engines returns the engines to run a test on.
func Engines(t testing.TB) []string {
	out := []string{"sqlite"}
	if os.Getenv("JIXIAO_TEST_POSTGRES") != "" {
		out = append(out, "postgres")
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but JIXIAO_TEST_POSTGRES is not set: the PostgreSQL tests would not run")
	}
	return out
}

// EachEngine runs fn as a subtest per engine, with a fresh database's DSN.
func EachEngine(t *testing.T, fn func(t *testing.T, dsn string)) {
	for _, e := range Engines(t) {
		t.Run(e, func(t *testing.T) { fn(t, MustDSN(t, e)) })
	}
}

var schemaSeq atomic.Int64

// MustDSN returns the DSN of a fresh, empty database of the engine.
func MustDSN(tb testing.TB, engine string) string {
	tb.Helper()
	if engine == "sqlite" {
		return filepath.Join(tb.TempDir(), "jixiao.db")
	}
	base := os.Getenv("JIXIAO_TEST_POSTGRES")
	admin, err := sql.Open("pgx", sqldb.ServerDSN(base))
	if err != nil {
		tb.Fatal(err)
	}
	schema := fmt.Sprintf("jixiao_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	return sqldb.WithSchema(base, schema)
}

// MustOpen opens (creating and migrating) the database at dsn with cheap
// password hashing; it is closed when the test ends.
func MustOpen(tb testing.TB, dsn string) *sqldb.DB {
	tb.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 1024, Threads: 1}
	tb.Cleanup(func() { db.Close() })
	return db
}
