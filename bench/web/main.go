// Command web is the load generator of the web pages: it stores N
// generated evaluations (gen/) in a fresh database, starts the real server
// on loopback, and measures, each phase bounded in time:
//
//	static        GET /assets/<hash>/app.css, the server's floor (at -c)
//	evaluation    GET /evaluations/{id}, the review page: the table, the
//	              score with its trace and the findings (at -c), then the
//	              same again with the per-version caches warm
//	editor        GET /evaluations/{id}/edit, the editor (at -c)
//	live check    POST /evaluations/{id}/check: one field of the editor's
//	              form changed, scored, audited, the side panel back (at
//	              -check-c editors, each on its own evaluation)
//
// and prints p50, p99 and requests/s of each, with the goals (evaluation
// page p99 < 50 ms; live check p99 < 100 ms; the editor page is measured
// but issue 11 sets it no goal).
//
//	go run ./bench/web                      # SQLite in a temporary folder
//	go run ./bench/web -n 10000 -c 64 -check-c 16 -d 10s
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"jixiao/bench/internal/load"
	"jixiao/internal/wire"
	"jixiao/sqldb"
)

type options struct {
	n, units, conns, checkConns int
	d                           time.Duration
	only                        string
	profile                     *os.File
}

func main() {
	var o options
	flag.IntVar(&o.n, "n", 10000, "evaluations to store")
	flag.IntVar(&o.units, "units", 200, "units they belong to")
	flag.IntVar(&o.conns, "c", 64, "concurrent connections for the page phases")
	flag.IntVar(&o.checkConns, "check-c", 16, "concurrent editors for the live check")
	flag.DurationVar(&o.d, "d", 10*time.Second, "length of each phase")
	flag.StringVar(&o.only, "only", "", "run only the phases whose names contain this (static always runs)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load phases to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/web:", err)
			os.Exit(1)
		}
		o.profile = f
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/web:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "jixiao-bench-web-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := sqldb.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 8 << 10, Threads: 1} // logins are not measured
	wire.ServerGC()                                                          // as `jixiao serve` runs
	svc := wire.Services(db)
	fmt.Printf("jixiao web bench: %s, %d evaluations over %d units, %d CPUs, %s, load average %s\n",
		db.Engine(), o.n, o.units, runtime.NumCPU(), runtime.Version(), load.LoadAverage())
	defer func() { fmt.Printf("load average at the end: %s\n", load.LoadAverage()) }()
	t0 := time.Now()
	data, err := load.Seed(ctx, svc, o.n, o.units)
	if err != nil {
		return err
	}
	fmt.Printf("stored in %s\n", time.Since(t0).Round(time.Millisecond))
	base, stop, err := load.Serve(ctx, svc, db)
	if err != nil {
		return err
	}
	defer stop()
	if o.profile != nil {
		if err := pprof.StartCPUProfile(o.profile); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	return measure(ctx, base, data, o)
}
