// Command dashboard is the province-scale bench of the dashboards: it
// stores a generated multi-year panel (gen.Panel: the same units every
// year) in a fresh database as submitted evaluations, a share re-scored
// by their department, starts the real server on loopback and times,
// one request after another (the figure is each aggregate's latency, not
// throughput):
//
//	dashboard        GET /api/dashboard, everything the finance bureau sees
//	dashboard-year   GET /api/dashboard?year=LAST
//	dashboard-dept   GET /api/dashboard?under=DEPT, the first department's units
//	dept-reviewer    GET /api/dashboard as that department's reviewer
//	part-*           GET /api/dashboard?part=…, one aggregate alone
//	workbook         GET /api/dashboard/workbook, the .xlsx of everything
//	years            GET /api/units/{id}/years, one unit over the years
//
// and, in process, the two halves of a dashboard: reading the facts
// (sqldb) and computing the aggregates (dashboard.Compute), with the
// bytes each allocates. It prints p50, p99 and max of each, and the
// process's peak resident memory.
//
//	go run ./bench/dashboard                                   # SQLite, 2,000 units × 5 years
//	go run ./bench/dashboard -db postgres://postgres@127.0.0.1:5432/bench?sslmode=disable
//	go run ./bench/dashboard -units 3000 -years 5 -runs 30
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao"
	"jixiao/bench/internal/load"
	"jixiao/dashboard"
	"jixiao/gen"
	"jixiao/internal/wire"
	"jixiao/sqldb"
	"jixiao/web"
)

type options struct {
	dsn                        string
	units, years, first, depts int
	review, runs, jobs, copies int
	inject                     float64
	seed                       int64
	seeded, keep, inProcess    bool
	profile                    string
}

func main() {
	var o options
	flag.StringVar(&o.dsn, "db", "", "database: empty for a fresh SQLite file, or a postgres:// URL (the bench works in a schema of its own, dropped at the end)")
	flag.IntVar(&o.units, "units", 2000, "units of the panel")
	flag.IntVar(&o.years, "years", 5, "years of the panel")
	flag.IntVar(&o.first, "first-year", 2020, "first year")
	flag.IntVar(&o.depts, "depts", 12, "departments the units are spread over")
	flag.IntVar(&o.review, "review-every", 5, "every n-th evaluation is re-scored and approved by its department")
	flag.IntVar(&o.runs, "runs", 20, "requests per measured phase")
	flag.IntVar(&o.jobs, "jobs", 8, "units stored side by side")
	flag.IntVar(&o.copies, "copies", 0, "after storing, copy each evaluation this many times in SQL as further projects (copies.go): -units 3000 -years 5 -copies 6 gives 100,000")
	flag.Float64Var(&o.inject, "inject", 0.06, "share of unit-years with an injected risk")
	flag.Int64Var(&o.seed, "seed", 1, "panel seed")
	flag.BoolVar(&o.keep, "keep", false, "keep the database (a -db SQLite file) for a later -seeded run")
	flag.BoolVar(&o.seeded, "seeded", false, "the -db SQLite file already holds a panel stored by an earlier run (kept with -keep): measure only")
	flag.BoolVar(&o.inProcess, "in-process", true, "time the reference path in process too (a -seeded database of -copies has no revisions for it: false)")
	flag.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of the measured phases to this file")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/dashboard:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	ctx := context.Background()
	dsn, cleanup := o.dsn, func() {}
	if !o.keep && !o.seeded {
		var err error
		if dsn, cleanup, err = load.FreshDSN(o.dsn); err != nil {
			return err
		}
	}
	defer cleanup()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 8 << 10, Threads: 1} // logins are not measured
	wire.ServerGC()                                                          // as `jixiao serve` runs
	svc := wire.Services(db)
	n := o.units * o.years
	fmt.Printf("jixiao dashboard bench: %s, %d evaluations (%d units × %d years), %d CPUs, %s, load average %s\n",
		db.Engine(), n, o.units, o.years, runtime.NumCPU(), runtime.Version(), load.LoadAverage())
	defer func() { fmt.Printf("load average at the end: %s\n", load.LoadAverage()) }()
	var w *world
	if o.seeded {
		if w, err = seededWorld(ctx, svc); err != nil {
			return err
		}
	} else if w, err = generateAndSeed(ctx, svc, o); err != nil {
		return err
	}
	if o.copies > 0 {
		added, err := copyEvaluations(dsn, o.copies, w.unitID)
		if err != nil {
			return err
		}
		w.evaluations += added
	}
	if w.evaluations > 0 {
		fmt.Printf("evaluations in the database: %d; load average %s\n", w.evaluations, load.LoadAverage())
	}
	base, stop, err := load.Serve(ctx, svc, db)
	if err != nil {
		return err
	}
	defer stop()
	admin, err := login(base, w.admin)
	if err != nil {
		return err
	}
	dept, err := login(base, w.dept)
	if err != nil {
		return err
	}
	if o.profile != "" {
		f, err := os.Create(o.profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	last := o.first + o.years - 1
	fmt.Printf("%-16s %5s %11s %11s %11s %11s %14s\n", "phase", "runs", "p50", "p99", "max", "cpu/run", "bytes")
	for _, p := range []struct {
		name string
		c    *http.Client
		path string
	}{
		{"dashboard", admin, "/api/dashboard"},
		{"dashboard-year", admin, fmt.Sprintf("/api/dashboard?year=%d", last)},
		{"dashboard-dept", admin, fmt.Sprintf("/api/dashboard?under=%d", w.deptID)},
		{"dept-reviewer", dept, "/api/dashboard"},
		{"part-evaluations", admin, "/api/dashboard?part=evaluations"},
		{"part-self-scores", admin, "/api/dashboard?part=self_scores"},
		{"part-rates", admin, "/api/dashboard?part=execution_rates"},
		{"part-grades", admin, "/api/dashboard?part=grades"},
		{"part-score-rate", admin, "/api/dashboard?part=self_score_by_rate"},
		{"part-review", admin, "/api/dashboard?part=self_vs_review"},
		{"part-findings", admin, "/api/dashboard?part=findings"},
		{"part-filing", admin, "/api/dashboard?part=filing"},
		{"part-depts", admin, "/api/dashboard?part=departments"},
		{"part-units", admin, "/api/dashboard?part=units"},
		{"units-by-errors", admin, "/api/dashboard?part=units&units_order=with_errors&units_offset=100"},
		{"workbook", admin, "/api/dashboard/workbook"},
		{"years", admin, fmt.Sprintf("/api/units/%d/years", w.unitID)},
	} {
		size := 0
		lat, err := times(o.runs, func() error {
			var err error
			size, err = get(p.c, base+p.path)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		report(p.name, lat, fmt.Sprintf("%d", size))
	}
	if o.copies > 0 || !o.inProcess {
		return nil // the copies have no revisions for the plain path to read
	}
	return inProcess(ctx, svc, w, o.runs)
}

func generateAndSeed(ctx context.Context, svc web.Services, o options) (*world, error) {
	t0 := time.Now()
	cases, err := gen.Panel(o.seed, gen.PanelOptions{Units: o.units, Years: o.years, FirstYear: o.first, Inject: o.inject})
	if err != nil {
		return nil, err
	}
	fmt.Printf("generated in %s\n", time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	w, err := seed(ctx, svc, cases, o.units, o.years, o.first, o.depts, o.review, o.jobs)
	if err != nil {
		return nil, err
	}
	fmt.Printf("stored %d evaluations (%d re-scored) in %s (%.0f evaluations/s)\n", w.evaluations, w.reviewed,
		time.Since(t0).Round(time.Millisecond), float64(w.evaluations)/time.Since(t0).Seconds())
	return w, nil
}

// inProcess times the two halves of the whole dashboard, as the finance
// admin, with the bytes each allocates per run.
func inProcess(ctx context.Context, svc web.Services, w *world, runs int) error {
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	users, _, err := svc.Users.FindUsers(console, jixiao.UserFilter{Login: w.admin})
	if err != nil || len(users) == 0 {
		return fmt.Errorf("finding %s: %v", w.admin, err)
	}
	actx := jixiao.NewContextWithUser(ctx, users[0])
	var facts []*jixiao.EvaluationFacts
	var alloc uint64
	lat, err := times(runs, func() error {
		before := allocated()
		var err error
		facts, err = svc.Dashboard.FindEvaluationFacts(actx, jixiao.EvaluationFilter{})
		alloc = allocated() - before
		return err
	})
	if err != nil {
		return err
	}
	report("read facts", lat, fmt.Sprintf("%d alloc", alloc))
	lat, _ = times(runs, func() error {
		before := allocated()
		d := dashboard.Compute(facts)
		alloc = allocated() - before
		if d.Evaluations != len(facts) {
			return fmt.Errorf("computed %d of %d", d.Evaluations, len(facts))
		}
		return nil
	})
	report("compute", lat, fmt.Sprintf("%d alloc", alloc))
	obligations := 0
	lat, err = times(runs, func() error {
		tasks, _, err := svc.Tasks.FindTasks(actx, jixiao.TaskFilter{Limit: 500})
		obligations = 0
		for _, t := range tasks {
			if err != nil {
				break
			}
			var obs []*jixiao.Obligation
			obs, err = svc.Tasks.FindObligations(actx, jixiao.ObligationFilter{TaskID: t.ID})
			obligations += len(obs)
		}
		return err
	})
	if err != nil {
		return err
	}
	report("obligations", lat, fmt.Sprintf("%d rows", obligations))
	fmt.Printf("facts read: %d; peak resident memory of the process: %s\n", len(facts), peakRSS())
	return nil
}

func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// timing is a phase's latencies, sorted, and the CPU time the process
// spent per run (server and client: on a machine shared with other work
// the figure that load does not inflate).
type timing struct {
	lat []time.Duration
	cpu time.Duration
}

func times(runs int, fn func() error) (timing, error) {
	t := timing{lat: make([]time.Duration, 0, runs)}
	c0 := cpuTime()
	for range runs {
		t0 := time.Now()
		if err := fn(); err != nil {
			return t, err
		}
		t.lat = append(t.lat, time.Since(t0))
	}
	t.cpu = (cpuTime() - c0) / time.Duration(runs)
	slices.Sort(t.lat)
	return t, nil
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// report prints a phase; with fewer than 100 runs p99 is the slowest.
func report(name string, t timing, extra string) {
	lat := t.lat
	p99 := lat[min(len(lat)-1, len(lat)*99/100)]
	fmt.Printf("%-16s %5d %8.1f ms %8.1f ms %8.1f ms %8.1f ms %14s\n", name, len(lat), ms(lat[len(lat)/2]), ms(p99), ms(lat[len(lat)-1]), ms(t.cpu), extra)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func get(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 {
		return 0, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return int(n), err
}

func login(base, user string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	body := fmt.Sprintf(`{"login":%q,"password":%q}`, user, password)
	resp, err := c.Post(base+"/api/login", "application/json", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("login %s: %s", user, resp.Status)
	}
	return c, nil
}

// peakRSS is VmHWM from /proc/self/status.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
