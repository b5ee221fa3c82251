package sqldb_test

import (
	"context"
	"os"
	"testing"

	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// TestPoolMaxConnsOnPostgreSQL: a DSN with pool_max_conns opens (the
// server never sees the parameter, which it would refuse) and its pool
// holds that many connections at most.
func TestPoolMaxConnsOnPostgreSQL(t *testing.T) {
	if os.Getenv("JIXIAO_TEST_POSTGRES") == "" {
		t.Skip("JIXIAO_TEST_POSTGRES is not set: no PostgreSQL to open")
	}
	db, err := sqldb.Open(context.Background(), sqldbtest.MustDSN(t, "postgres")+"&pool_max_conns=3")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.MaxOpenConns(); got != 3 {
		t.Errorf("MaxOpenConns = %d, want 3", got)
	}
}
