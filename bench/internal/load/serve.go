package load

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jixiao/sqldb"
	"jixiao/web"
)

// Serve starts the real server over svc and db on a loopback port and
// returns its base URL and the function that stops it.
func Serve(ctx context.Context, svc web.Services, db *sqldb.DB) (string, func(), error) {
	srv, err := web.NewServer(web.Config{Services: svc, Logger: slog.New(slog.DiscardHandler), Ready: db.Ping,
		ContextWithAddress: sqldb.NewContextWithAddress})
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	sctx, stop := context.WithCancel(ctx)
	go srv.Serve(sctx, ln, time.Second)
	return "http://" + ln.Addr().String(), stop, nil
}

// FreshDSN is a new SQLite file when dsn is empty, or a new schema of the
// PostgreSQL dsn names; cleanup removes it.
func FreshDSN(dsn string) (fresh string, cleanup func(), err error) {
	if dsn == "" {
		dir, err := os.MkdirTemp("", "jixiao-bench-")
		if err != nil {
			return "", nil, err
		}
		return filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }, nil
	}
	if !strings.HasPrefix(dsn, "postgres") {
		return dsn, func() {}, nil
	}
	admin, err := sql.Open("pgx", sqldb.ServerDSN(dsn))
	if err != nil {
		return "", nil, err
	}
	schema := fmt.Sprintf("jixiao_bench_%d", os.Getpid())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		return "", nil, err
	}
	return sqldb.WithSchema(dsn, schema), func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	}, nil
}

// LoadAverage is the machine's 1-minute load average, to read the figures
// against: the server and the client share the machine with whatever
// else runs on it.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}
