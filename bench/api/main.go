// Command api is the load generator of the system of record's JSON API:
// it stores N generated evaluations (gen/) in a fresh database, starts the
// real server on loopback, and measures, each phase bounded in time, at C
// concurrent keep-alive connections:
//
//	static       GET /static/robots.txt, the server's floor
//	evaluation   GET /api/evaluations/{id}, a random evaluation of the caller's unit,
//	             twice: first reads, then again with the caches warm
//	tasks        GET /api/tasks?unit=…, the unit's task list
//	owed         GET /api/me/obligations, what the unit owes across its tasks
//	save         PUT /api/evaluations/{id}: one indicator edited, re-scored,
//	             re-audited and stored as a revision (at -save-c connections)
//
// and prints p50, p99 and requests/s of each, with the goals (read p99 <
// 50 ms and ≥ 30% of the static rate; save p99 < 100 ms).
//
//	go run ./bench/api                                  # SQLite in a temporary folder
//	go run ./bench/api -db postgres://postgres@127.0.0.1:5432/bench?sslmode=disable
//	go run ./bench/api -n 10000 -c 64 -d 10s -save-c 16
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao/bench/internal/load"
	"jixiao/internal/wire"
	"jixiao/sqldb"
	"jixiao/web"
)

func main() {
	var o options
	flag.StringVar(&o.dsn, "db", "", "database: empty for a fresh SQLite file, or a postgres:// URL (the bench works in a schema of its own, dropped at the end)")
	flag.IntVar(&o.n, "n", 10000, "evaluations to store")
	flag.IntVar(&o.units, "units", 200, "units they belong to")
	flag.IntVar(&o.conns, "c", 64, "concurrent connections for the read phases")
	flag.IntVar(&o.saveConns, "save-c", 16, "concurrent connections for the save phase")
	flag.DurationVar(&o.d, "d", 10*time.Second, "length of each phase")
	flag.StringVar(&o.only, "only", "", "run only the phases whose names contain this (static always runs)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load phases to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/api:", err)
			os.Exit(1)
		}
		o.profile = f
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/api:", err)
		os.Exit(1)
	}
}

type options struct {
	dsn                        string
	n, units, conns, saveConns int
	d                          time.Duration
	profile                    *os.File
	only                       string
}

func run(o options) error {
	ctx := context.Background()
	if o.dsn == "" {
		dir, err := os.MkdirTemp("", "jixiao-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		o.dsn = filepath.Join(dir, "bench.db")
	} else if strings.HasPrefix(o.dsn, "postgres") {
		admin, err := sql.Open("pgx", o.dsn)
		if err != nil {
			return err
		}
		defer admin.Close()
		schema := fmt.Sprintf("jixiao_bench_%d", os.Getpid())
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			return err
		}
		defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		o.dsn = sqldb.WithSchema(o.dsn, schema)
	}
	db, err := sqldb.Open(ctx, o.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 8 << 10, Threads: 1} // logins are not measured
	svc := wire.Services(db)
	fmt.Printf("jixiao API bench: %s, %d evaluations over %d units, %d CPUs, %s, load average %s\n", db.Engine(), o.n, o.units, runtime.NumCPU(), runtime.Version(), loadAverage())
	defer func() { fmt.Printf("load average at the end: %s\n", loadAverage()) }()
	t0 := time.Now()
	data, err := load.Seed(ctx, svc, o.n, o.units)
	if err != nil {
		return err
	}
	fmt.Printf("stored in %s (%.0f evaluations/s)\n", time.Since(t0).Round(time.Millisecond), float64(o.n)/time.Since(t0).Seconds())
	srv, err := web.NewServer(web.Config{Services: svc, Logger: slog.New(slog.DiscardHandler), Ready: db.Ping,
		ContextWithAddress: sqldb.NewContextWithAddress})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go srv.Serve(sctx, ln, time.Second)
	base := "http://" + ln.Addr().String()
	if o.profile != nil {
		if err := pprof.StartCPUProfile(o.profile); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	return measure(ctx, base, data, o)
}

// loadAverage is the machine's 1-minute load average, to read the figures
// against: the server and this client share the machine with whatever
// else runs on it.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}
