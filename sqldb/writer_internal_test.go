package sqldb

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func mustOpenSQLite(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// waitingWriters counts the goroutines of run blocked waiting for the
// writer: for their turn, or (the plain path, without one) for
// database/sql's connection.
func waitingWriters() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if (strings.Contains(g, "[chan send") || strings.Contains(g, "[select")) && strings.Contains(g, "sqldb.(*DB).run(") {
			n++
		}
	}
	return n
}

// TestWritersInArrivalOrder: writes that wait for SQLite's one writer are
// served in the order they came, not as database/sql hands out a freed
// connection (at random).
func TestWritersInArrivalOrder(t *testing.T) {
	db := mustOpenSQLite(t)
	holding, unblock := make(chan struct{}), make(chan struct{})
	go db.run(context.Background(), db.wdb, false, func(*Tx) error { close(holding); <-unblock; return nil })
	<-holding
	const n = 8
	order := make(chan int, n)
	done := make(chan error, n)
	for i := range n {
		go func() {
			done <- db.run(context.Background(), db.wdb, false, func(*Tx) error { order <- i; return nil })
		}()
		for waitingWriters() < i+1 { // the next comes once this one waits
			runtime.Gosched()
		}
	}
	close(unblock)
	for range n {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	close(order)
	want := 0
	for got := range order {
		if got != want {
			t.Fatalf("write %d ran as the %dth", got, want+1)
		}
		want++
	}
}

// TestWriterWaitCancelled: a write whose caller gives up while it waits
// for the writer returns the context's error and runs nothing; the writer
// serves the next write.
func TestWriterWaitCancelled(t *testing.T) {
	db := mustOpenSQLite(t)
	release, err := db.takeWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := false
	done := make(chan error)
	go func() { done <- db.run(ctx, db.wdb, false, func(*Tx) error { ran = true; return nil }) }()
	for waitingWriters() < 1 {
		runtime.Gosched()
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) || ran {
		t.Fatalf("cancelled write: %v, ran %v; want context.Canceled, not run", err, ran)
	}
	release()
	if err := db.run(context.Background(), db.wdb, false, func(*Tx) error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("next write: %v, ran %v", err, ran)
	}
}
