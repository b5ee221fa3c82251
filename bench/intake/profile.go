package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
)

// profiled does what `jixiao intake` does (read the folder, store the
// batch, work it off), in this process under the CPU profiler.
func profiled(dsn, dir string, jobs int, timeout time.Duration, profile string) (result, error) {
	ctx, cancel := context.WithTimeout(jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser()), timeout)
	defer cancel()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return result{}, err
	}
	defer db.Close()
	f, err := os.Create(profile)
	if err != nil {
		return result{}, err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return result{}, err
	}
	defer pprof.StopCPUProfile()
	start := time.Now()
	var ru0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	cpu0 := cpuTime(&ru0)
	fin, err := sqldb.NewOrganisationService(db).FindOrganisationByCode(ctx, financeCode)
	if err != nil {
		return result{}, err
	}
	files, err := intake.ReadPath(dir, intake.Limits{})
	if err != nil {
		return result{}, err
	}
	svc := sqldb.NewIntakeService(db)
	in := &jixiao.Intake{OrgID: fin.ID, Name: dir}
	if err := svc.CreateIntake(ctx, in, files); err != nil {
		return result{}, err
	}
	files = nil
	fmt.Fprintf(os.Stderr, "batch read and stored in %.2f s\n", time.Since(start).Seconds())
	w := intake.NewWorker(svc)
	w.Concurrency, w.Poll = jobs, 100*time.Millisecond
	err = w.Until(ctx, func(ctx context.Context) (bool, error) {
		cur, err := svc.FindIntakeByID(ctx, in.ID)
		return err == nil && cur.Finished(), err
	})
	r := result{wall: time.Since(start)}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		r.rssMiB, r.cpu = float64(ru.Maxrss)/1024, cpuTime(&ru)-cpu0
	}
	return r, err
}
