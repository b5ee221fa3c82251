// Command intake is the province-scale bench of intake: it generates N
// .docx submissions with `jixiao gen --panel` (N/5 units over 5 years), times
// `jixiao check` over them, then stores the units the files name in a
// fresh database and times `jixiao intake` of the same files end to end
// (read, stored as sources, queued, imported, scored, checked, matched
// and stored as submitted evaluations by the workers). Both run as
// separate processes with the same parallelism, one after the other in
// the same run, so that the ratio of the two rates reads through the
// load of a shared machine. It prints docs/s of each, the ratio, each
// process's peak resident memory and the load average.
//
//	go run ./bench/intake                       # SQLite, N = 10,000, GOMAXPROCS workers
//	go run ./bench/intake -db postgres://postgres@127.0.0.1:5432/test?sslmode=disable
//	go run ./bench/intake -n 2000 -jobs 2
//
// The corpus is generated once into OUT/panel-docx-N and its .docx linked
// into OUT/intake-N, without the .truth.json and .risk.json files.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao"
	"jixiao/bench/internal/load"
	"jixiao/sqldb"
)

func main() {
	n := flag.Int("n", 10000, "documents")
	dsn := flag.String("db", "", "PostgreSQL DSN (a fresh schema is made in it); default a fresh SQLite file")
	out := flag.String("out", "bench/out", "folder for the binary and the corpus")
	jobs := flag.Int("jobs", runtime.GOMAXPROCS(0), "parallelism of check and of the intake workers")
	timeout := flag.Duration("timeout", 15*time.Minute, "bound on each timed command")
	profile := flag.String("cpuprofile", "", "run the intake in this process instead of `jixiao intake` and write its CPU profile here")
	check := flag.Bool("check", true, "time `jixiao check` of the same files first (false: intake alone, while iterating)")
	keep := flag.Bool("keep", false, "keep the fresh database (PostgreSQL: its schema) and print its DSN, to look into what was stored")
	flag.Parse()
	if err := run(opts{n: *n, dsn: *dsn, out: *out, jobs: *jobs, timeout: *timeout, profile: *profile, check: *check, keep: *keep}); err != nil {
		fmt.Fprintln(os.Stderr, "bench/intake:", err)
		os.Exit(1)
	}
}

// opts are the bench's flags.
type opts struct {
	n                 int
	dsn, out, profile string
	jobs              int
	timeout           time.Duration
	check, keep       bool
}

func run(o opts) error {
	n, dsn, out, jobs, timeout, profile := o.n, o.dsn, o.out, o.jobs, o.timeout, o.profile
	bin := filepath.Join(out, "bin", "jixiao")
	fmt.Fprintln(os.Stderr, "building…")
	build := exec.Command("go", "build", "-o", bin, "./cmd/jixiao")
	build.Env, build.Stderr = append(os.Environ(), "CGO_ENABLED=0"), os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	corpus, files, err := corpus(bin, out, n)
	if err != nil {
		return err
	}
	for _, f := range files { // warm the page cache for both
		os.ReadFile(f)
	}
	engine := "sqlite"
	if dsn != "" {
		engine = "postgres"
	}
	fmt.Printf("intake bench: %d .docx, %s, %d jobs, GOMAXPROCS %d, load %s\n", n, engine, jobs, runtime.GOMAXPROCS(0), load.LoadAverage())

	var check result
	if o.check {
		if check, err = timed(timeout, bin, "check", "--quiet", "--jobs", fmt.Sprint(jobs), corpus); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	}
	fresh, cleanup, err := load.FreshDSN(dsn)
	if err != nil {
		return err
	}
	if dsn != "" {
		// the sampler counts the backends of this name only
		if fresh, err = withAppName(fresh, fmt.Sprintf("jixiao-bench-intake-%d", os.Getpid())); err != nil {
			return err
		}
	}
	if o.keep {
		fmt.Printf("database kept: %s\n", fresh)
	} else {
		defer cleanup()
	}
	if err := seedUnits(fresh, filepath.Join(out, fmt.Sprintf("panel-docx-%d", n))); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	loadBefore := load.LoadAverage()
	var pg *pgSampler
	if dsn != "" {
		if pg, err = startPGSampler(fresh); err != nil {
			return err
		}
	}
	var in result
	if profile != "" {
		in, err = profiled(fresh, corpus, jobs, timeout, profile)
	} else {
		in, err = timed(timeout, bin, "intake", "--db", fresh, "--workers", fmt.Sprint(jobs), corpus)
	}
	if err != nil {
		return fmt.Errorf("intake: %w", err)
	}
	var pgCPU time.Duration
	if pg != nil {
		if pgCPU, err = pg.end(); err != nil {
			return err
		}
	}
	got, err := outcome(fresh)
	if err != nil {
		return err
	}
	fmt.Printf("%-8s %9s %9s %12s %10s\n", "", "wall s", "docs/s", "CPU ms/doc", "peak RSS")
	for _, r := range []struct {
		name string
		result
	}{{"check", check}, {"intake", in}} {
		if r.wall == 0 {
			continue
		}
		fmt.Printf("%-8s %9.2f %9.0f %12.2f %9.0fM\n", r.name, r.wall.Seconds(), float64(n)/r.wall.Seconds(), float64(r.cpu.Microseconds())/1000/float64(n), r.rssMiB)
	}
	if pg != nil {
		per := float64(pgCPU.Microseconds()) / 1000 / float64(n)
		fmt.Printf("PostgreSQL CPU during intake: %.2f ms/doc; intake process + PostgreSQL: %.2f ms/doc\n", per, per+float64(in.cpu.Microseconds())/1000/float64(n))
	}
	if check.wall > 0 {
		fmt.Printf("intake/check rate: %.2f   ", check.wall.Seconds()/in.wall.Seconds())
	}
	fmt.Printf("load before/after intake: %s / %s\n", loadBefore, load.LoadAverage())
	fmt.Printf("outcome: %d files, imported %d, duplicate %d, unmatched %d, failed %d; %d evaluations stored\n",
		got.in.Total, got.in.Imported, got.in.Duplicates, got.in.Unmatched, got.in.Failed, got.evals)
	for why, k := range got.why {
		fmt.Printf("  %d × %s\n", k, why)
	}
	if got.in.Total != n || got.in.Done() != n {
		return fmt.Errorf("%d of %d files done", got.in.Done(), n)
	}
	return nil
}

// corpus generates n .docx once, as a panel (gen --panel: n/5 units,
// each filing once a year for 5 years), so that every file is the one
// evaluation of its unit and year and none is refused as a second one;
// the .docx are linked into a folder of their own.
func corpus(bin, out string, n int) (string, []string, error) {
	if n%years != 0 {
		return "", nil, fmt.Errorf("-n %d: a multiple of %d (units × years)", n, years)
	}
	gen := filepath.Join(out, fmt.Sprintf("panel-docx-%d", n))
	if _, err := os.Stat(filepath.Join(gen, ".complete")); err != nil {
		os.RemoveAll(gen)
		fmt.Fprintf(os.Stderr, "generating %d .docx into %s…\n", n, gen)
		cmd := exec.Command(bin, "gen", "--panel", "--units", fmt.Sprint(n/years), "--years", fmt.Sprint(years),
			"-o", gen, "--formats", "docx", "--seed", "1", "--rules", "national-2020")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return "", nil, fmt.Errorf("gen: %w", err)
		}
		if err := os.WriteFile(filepath.Join(gen, ".complete"), nil, 0o644); err != nil {
			return "", nil, err
		}
	}
	dir := filepath.Join(out, fmt.Sprintf("intake-%d", n))
	docs, err := filepath.Glob(filepath.Join(gen, "*.docx"))
	if err != nil {
		return "", nil, err
	}
	if len(docs) != n {
		return "", nil, fmt.Errorf("%s holds %d .docx, not %d", gen, len(docs), n)
	}
	have, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(have) != n {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", nil, err
		}
		for _, d := range docs {
			if err := os.Link(d, filepath.Join(dir, filepath.Base(d))); err != nil {
				return "", nil, err
			}
		}
	}
	return dir, docs, nil
}

// truth is what the bench needs of a generated file's truth.json.
type truth struct {
	Unit       string `json:"unit"`
	Department string `json:"department"`
}

// seedUnits stores a finance bureau and, under departments, every unit
// the generated files name, as a bureau would have them before intake.
func seedUnits(dsn, gen string) error {
	ctx := jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	paths, err := filepath.Glob(filepath.Join(gen, "*.truth.json"))
	if err != nil {
		return err
	}
	units := map[string]string{} // unit → department
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var t truth
		if err := json.Unmarshal(b, &t); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		units[t.Unit] = t.Department
	}
	orgs := sqldb.NewOrganisationService(db)
	fin := &jixiao.Organisation{Code: financeCode, Name: "压测财政局", Kind: jixiao.OrgFinance}
	if err := orgs.CreateOrganisation(ctx, fin); err != nil {
		return err
	}
	depts := map[string]int64{}
	names := slices.Sorted(func(yield func(string) bool) {
		for u := range units {
			if !yield(u) {
				return
			}
		}
	})
	for i, u := range names {
		d := units[u]
		if _, ok := depts[d]; !ok {
			o := &jixiao.Organisation{Code: fmt.Sprintf("D%03d", len(depts)+1), Name: d + "（主管部门）", Kind: jixiao.OrgDepartment, ParentID: fin.ID}
			if err := orgs.CreateOrganisation(ctx, o); err != nil {
				return err
			}
			depts[d] = o.ID
		}
		o := &jixiao.Organisation{Code: fmt.Sprintf("U%04d", i+1), Name: u, Kind: jixiao.OrgUnit, ParentID: depts[d]}
		if err := orgs.CreateOrganisation(ctx, o); err != nil {
			return err
		}
	}
	fmt.Printf("seeded %d units under %d departments\n", len(names), len(depts))
	return nil
}

type result struct {
	wall, cpu time.Duration // cpu: user and system time of the process
	rssMiB    float64
}

func cpuTime(ru *syscall.Rusage) time.Duration {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timed runs the jixiao binary with args and returns its wall time and
// peak resident memory; a non-zero exit of `intake` (files that failed
// or await a unit) is its outcome, not the bench's failure.
func timed(timeout time.Duration, bin string, args ...string) (result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if ctx.Err() != nil {
		return result{}, fmt.Errorf("not done within %s", timeout)
	}
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return result{}, fmt.Errorf("%w: %s", err, tail(stderr.String()))
	}
	r := result{wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssMiB, r.cpu = float64(ru.Maxrss)/1024, cpuTime(ru)
	}
	return r, nil
}

func tail(s string) string {
	if len(s) > 2000 {
		return s[len(s)-2000:]
	}
	return s
}

type stored struct {
	in    *jixiao.Intake
	evals int
	why   map[string]int // the reasons of failed and unmatched files, without the unit's name
}

// reason is a failure's message with the names and figures in it left
// out, so that alike failures count together.
func reason(msg string) string {
	if _, rest, ok := strings.Cut(msg, " "); ok { // "UNIT YEAR 年…已存在"
		msg = "(单位) " + rest
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, msg)
}

// outcome reads the batch's progress and the evaluations stored.
func outcome(dsn string) (stored, error) {
	ctx := jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return stored{}, err
	}
	defer db.Close()
	ins, err := sqldb.NewIntakeService(db).FindIntakes(ctx)
	if err != nil || len(ins) != 1 {
		return stored{}, fmt.Errorf("intakes: %d, %v", len(ins), err)
	}
	its, _, err := sqldb.NewIntakeService(db).FindIntakeItems(ctx, ins[0].ID, jixiao.IntakeItemFilter{})
	s := stored{in: ins[0], why: map[string]int{}}
	for _, it := range its {
		s.evals += len(it.EvaluationIDs)
		if it.State == jixiao.ItemFailed || it.State == jixiao.ItemUnmatched {
			s.why[reason(it.Error)]++
		}
	}
	return s, err
}

// years is the panel's years; n/years units file once a year.
const years = 5

// financeCode is the code of the bench's finance bureau.
const financeCode = "F0"

// withAppName names the connections of a PostgreSQL URL.
func withAppName(dsn, name string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	return u.String(), nil
}
