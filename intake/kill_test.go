package intake_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// The kill test runs the worker in a child process (this test binary
// again, TestIntakeChild), kills it with SIGKILL while it holds an item it
// has read but not stored, and runs a second child: the second must take
// the batch up, the held item included once its lease runs out, and store
// every file exactly once.

const (
	envChildDSN    = "JIXIAO_INTAKE_CHILD_DSN"
	envChildIntake = "JIXIAO_INTAKE_CHILD_INTAKE"
	envChildHold   = "JIXIAO_INTAKE_CHILD_HOLD"  // block on the n-th outcome, after storing the batches before it
	envChildDelay  = "JIXIAO_INTAKE_CHILD_DELAY" // wait this long before storing each outcome
)

// childLease is short so that the second child need not wait long for
// the killed one's item.
const childLease = 2 * time.Second

// childBatch is the child's batch, pinned so that the test knows how many
// items are stored when it holds one.
const childBatch = 4

// TestIntakeChild is the child's side; it does nothing unless started by
// TestIntakeSurvivesKill.
func TestIntakeChild(t *testing.T) {
	dsn := os.Getenv(envChildDSN)
	if dsn == "" {
		t.Skip("run by TestIntakeSurvivesKill")
	}
	id, _ := strconv.ParseInt(os.Getenv(envChildIntake), 10, 64)
	hold, _ := strconv.Atoi(os.Getenv(envChildHold))
	delay, _ := time.ParseDuration(os.Getenv(envChildDelay))
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := sqldb.NewIntakeService(db)
	w := intake.NewWorker(svc)
	w.Lease, w.Poll, w.Concurrency, w.Batch = childLease, 50*time.Millisecond, 1, childBatch
	if delay > 0 {
		w.Concurrency = 2
	}
	var mu sync.Mutex
	n := 0
	w.BeforeFinish = func(work *jixiao.IntakeWork, _ *jixiao.IntakeOutcome) {
		time.Sleep(delay)
		mu.Lock()
		n++
		held := n == hold
		mu.Unlock()
		if held {
			fmt.Printf("holding %d\n", work.Item.ID)
			select {} // until killed
		}
	}
	err = w.Until(context.Background(), func(ctx context.Context) (bool, error) {
		in, err := svc.FindIntakeByID(console(), id)
		return err == nil && in.Finished(), err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func startChild(t *testing.T, dsn string, intakeID int64, hold int, delay time.Duration) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestIntakeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildDSN+"="+dsn, fmt.Sprintf("%s=%d", envChildIntake, intakeID),
		fmt.Sprintf("%s=%d", envChildHold, hold), envChildDelay+"="+delay.String())
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func TestIntakeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		const n, hold = 24, 10
		f := mustFixture(t, dsn, n)
		in := f.mustIntake(t, "断电测试", files(n))

		first, out := startChild(t, dsn, in.ID, hold, 0)
		var held int64
		for out.Scan() {
			if v, ok := strings.CutPrefix(out.Text(), "holding "); ok {
				held, _ = strconv.ParseInt(v, 10, 64)
				break
			}
		}
		if held == 0 {
			first.Wait()
			t.Fatal("the first child ended without holding an item")
		}
		if err := first.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		if err := first.Wait(); err == nil {
			t.Fatal("the first child exited cleanly, not killed")
		}
		mid, err := f.svc.FindIntakeByID(f.admin, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		// the batches before the held item's are stored; the items of its
		// batch finished before it are not, being stored with it
		if want := (hold - 1) / childBatch * childBatch; mid.Done() != want {
			t.Fatalf("killed with %d of %d done, want %d", mid.Done(), n, want)
		}

		resume(t, f, dsn, in.ID, n, held)
	})
}

// resume runs a second child on the intake and checks that every one of
// its n files was stored exactly once, and that the item the first child
// held (if known) was taken up twice.
func resume(t *testing.T, f *fixture, dsn string, id int64, n int, held int64) {
	t.Helper()
	second, _ := startChild(t, dsn, id, 0, 0)
	if err := second.Wait(); err != nil {
		t.Fatalf("second child: %v", err)
	}
	end, err := f.svc.FindIntakeByID(f.admin, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := progressOf(end), (progress{n, n, 0, 0, 0}); got != want {
		t.Fatalf("after the restart: %+v, want %+v", got, want)
	}
	seen := map[int64]bool{}
	for _, it := range items(t, f, id, "") {
		if len(it.EvaluationIDs) != 1 || seen[it.EvaluationIDs[0]] {
			t.Errorf("%s: evaluations %v, want one of its own", it.Name, it.EvaluationIDs)
		}
		seen[it.EvaluationIDs[0]] = true
		if it.ID == held && it.Attempts != 2 {
			t.Errorf("the held item %s was taken up %d times, want 2", it.Name, it.Attempts)
		}
	}
	if got := countEvaluations(t, f); got != n {
		t.Errorf("%d evaluations stored, want %d", got, n)
	}
}

// TestIntakeSurvivesKillAnywhere kills the child at whatever it is doing
// once a third of the files are stored (reading, scoring, committing) with
// two items in hand at a time, and resumes.
func TestIntakeSurvivesKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		const n = 24
		f := mustFixture(t, dsn, n)
		in := f.mustIntake(t, "随时断电", files(n))
		child, _ := startChild(t, dsn, in.ID, 0, 40*time.Millisecond)
		for {
			cur, err := f.svc.FindIntakeByID(f.admin, in.ID)
			if err != nil {
				t.Fatal(err)
			}
			if cur.Done() >= n/3 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		if err := child.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		child.Wait()
		mid, err := f.svc.FindIntakeByID(f.admin, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if mid.Finished() {
			t.Fatalf("the child finished all %d files before it was killed: slow it down", n)
		}
		t.Logf("killed with %d of %d stored", mid.Done(), n)
		resume(t, f, dsn, in.ID, n, 0)
	})
}
