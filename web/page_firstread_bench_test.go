package web_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"jixiao"
	"jixiao/gen"
	"jixiao/internal/wire"
	"jixiao/web"
)

// BenchmarkFirstRead is the review page of versions nobody has read yet,
// as most of bench/web's first pass reads them: every read is of an
// evaluation this server (its own database handle, so its own cache of
// decoded revisions, and its own page caches) has not shown before. Each
// round of firstReadVersions reads runs on a new server over the same
// database, made with the timer stopped. "again" reads the same pages
// with every cache warm. One client, in process: allocations and time of
// one read without the load of 64 connections, and the process's CPU time
// per read (cpu-ns/op: the client's share included, the same on both
// sides of a change), which a busy machine changes less than the time.
// The figures go with docs/web.md, never into assertions.
func BenchmarkFirstRead(b *testing.B) {
	const firstReadVersions = 64
	w := mustWorld(b, MustDSN(b, "sqlite"))
	var ids []int64
	for i := range firstReadVersions {
		kind := jixiao.KindProject
		if i == 0 {
			kind = jixiao.KindDepartment
		}
		c, err := gen.Generate(2024, i, gen.Options{Kind: kind, Rules: "hunan", ErrorRate: 0.3})
		if err != nil {
			b.Fatal(err)
		}
		ev := c.Eval
		ev.Unit, ev.Year = w.orgs["U"].Name, 2024
		rec := &jixiao.EvaluationRecord{UnitID: w.orgs["U"].ID, Year: 2024, Kind: kind, RuleSet: "hunan", Content: ev}
		if kind == jixiao.KindProject {
			ev.ProjectCode = fmt.Sprintf("4300002024%011d", i)
			rec.ProjectCode = ev.ProjectCode
		}
		if err := w.svc.Evaluations.CreateEvaluation(w.as("editorU"), rec); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, rec.ID)
	}
	fresh := func(b *testing.B) *client {
		srv, err := web.NewServer(web.Config{Services: wire.Services(MustOpenDB(b, w.dsn)), Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		ts := httptest.NewServer(srv)
		b.Cleanup(ts.Close)
		return loginAt(b, ts.URL, "editoru")
	}
	read := func(b *testing.B, c *client, id int64) {
		if status, body := c.call("GET", fmt.Sprintf("/evaluations/%d", id), nil); status != http.StatusOK {
			b.Fatalf("GET /evaluations/%d: %d %s", id, status, body)
		}
	}
	b.Run("first", func(b *testing.B) {
		var c *client
		b.ReportAllocs()
		var cpu time.Duration
		i := 0
		for b.Loop() {
			if i%len(ids) == 0 {
				b.StopTimer()
				c = fresh(b)
				b.StartTimer()
			}
			t0 := processCPU(b)
			read(b, c, ids[i%len(ids)])
			cpu += processCPU(b) - t0
			i++
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(i), "cpu-ns/op")
	})
	b.Run("again", func(b *testing.B) {
		c := fresh(b)
		for _, id := range ids {
			read(b, c, id)
		}
		b.ReportAllocs()
		t0 := processCPU(b)
		i := 0
		for b.Loop() {
			read(b, c, ids[i%len(ids)])
			i++
		}
		b.ReportMetric(float64((processCPU(b)-t0).Nanoseconds())/float64(i), "cpu-ns/op")
	})
}

// processCPU is the CPU time the process has used, user and system.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
