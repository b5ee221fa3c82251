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
//	go run ./bench/api -cpuprofile /tmp/api.prof   # one profile a phase: /tmp/api.prof-GET-evaluation …
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao/bench/internal/load"
	"jixiao/internal/wire"
	"jixiao/sqldb"
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
	flag.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of each load phase to this file name followed by the phase's name")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/api:", err)
		os.Exit(1)
	}
}

type options struct {
	dsn                        string
	n, units, conns, saveConns int
	d                          time.Duration
	profile                    string
	only                       string
}

func run(o options) error {
	ctx := context.Background()
	dsn, cleanup, err := load.FreshDSN(o.dsn)
	if err != nil {
		return err
	}
	defer cleanup()
	o.dsn = dsn
	db, err := sqldb.Open(ctx, o.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 8 << 10, Threads: 1} // logins are not measured
	wire.ServerGC()                                                          // as `jixiao serve` runs
	svc := wire.Services(db)
	fmt.Printf("jixiao API bench: %s, %d evaluations over %d units, %d CPUs, %s, load average %s\n", db.Engine(), o.n, o.units, runtime.NumCPU(), runtime.Version(), load.LoadAverage())
	defer func() { fmt.Printf("load average at the end: %s\n", load.LoadAverage()) }()
	t0 := time.Now()
	data, err := load.Seed(ctx, svc, o.n, o.units)
	if err != nil {
		return err
	}
	fmt.Printf("stored in %s (%.0f evaluations/s)\n", time.Since(t0).Round(time.Millisecond), float64(o.n)/time.Since(t0).Seconds())
	base, stop, err := load.Serve(ctx, svc, db)
	if err != nil {
		return err
	}
	defer stop()
	return measure(ctx, base, data, o, db.PoolStats)
}

// runPhase runs p, with its CPU profile written to o.profile followed by
// the phase's name when asked: one phase's costs apart from the others'.
func runPhase(ctx context.Context, p load.Phase, o options) (load.Result, error) {
	if o.profile == "" {
		return p.Run(ctx)
	}
	name := o.profile + "-" + strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(p.Name)
	f, err := os.Create(name)
	if err != nil {
		return load.Result{}, err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return load.Result{}, err
	}
	r, err := p.Run(ctx)
	pprof.StopCPUProfile()
	return r, err
}
