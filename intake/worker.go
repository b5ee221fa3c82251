package intake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"

	"jixiao"
)

// Defaults of a Worker.
const (
	DefaultLease = time.Minute
	DefaultPoll  = 2 * time.Second
)

// Worker takes intake items from the queue and imports them, several at
// once. Any number of workers, in any number of processes on one database,
// share the queue; one that dies leaves its items to be taken up again
// when their leases run out.
type Worker struct {
	Queue jixiao.IntakeQueue
	// Name identifies the worker in the queue; NewWorker makes one unique
	// to the process.
	Name string
	// Lease is how long an item is held without a heartbeat; the
	// heartbeat renews it every third of it.
	Lease time.Duration
	// Poll is how long an idle worker waits before looking again.
	Poll time.Duration
	// Concurrency is the number of items worked on at once.
	Concurrency int
	Logger      *slog.Logger
	// BeforeFinish, when set, is called with each outcome before it is
	// stored: tests stop a process there.
	BeforeFinish func(*jixiao.IntakeWork, *jixiao.IntakeOutcome)

	mu       sync.Mutex
	matchers map[int64]matcherEntry
}

type matcherEntry struct {
	m      *Matcher
	loaded time.Time
}

// matcherTTL is how long a worker keeps an organisation's units: units
// added meanwhile are seen after it.
const matcherTTL = time.Minute

// NewWorker returns a worker on q with the defaults and a name of its
// host, process and a random part.
func NewWorker(q jixiao.IntakeQueue) *Worker {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return &Worker{Queue: q, Name: fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b)),
		Lease: DefaultLease, Poll: DefaultPoll, Concurrency: runtime.GOMAXPROCS(0), Logger: slog.New(slog.DiscardHandler)}
}

// Run works until ctx is done.
func (w *Worker) Run(ctx context.Context) {
	w.spread(ctx, func(ctx context.Context) bool {
		ok, err := w.Step(ctx)
		if err != nil {
			w.Logger.Error("intake worker", "err", err)
		}
		if !ok || err != nil {
			select {
			case <-ctx.Done():
				return false
			case <-time.After(w.Poll):
			}
		}
		return ctx.Err() == nil
	})
}

// Until works until done reports true (the batch has nothing queued),
// waiting for the leases of dead workers' items to run out; it returns
// the first error of the queue or of done.
func (w *Worker) Until(ctx context.Context, done func(context.Context) (bool, error)) error {
	var once sync.Once
	var first error
	fail := func(err error) {
		once.Do(func() { first = err })
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w.spread(ctx, func(ctx context.Context) bool {
		ok, err := w.Step(ctx)
		if err != nil {
			fail(err)
			cancel()
			return false
		}
		if ok {
			return true
		}
		fin, err := done(ctx)
		if err != nil || fin {
			if err != nil {
				fail(err)
			}
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(w.Poll):
			return true
		}
	})
	if first == nil {
		first = ctx.Err()
	}
	return first
}

// spread runs loop in Concurrency goroutines while it returns true.
func (w *Worker) spread(ctx context.Context, loop func(context.Context) bool) {
	n := max(w.Concurrency, 1)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for loop(ctx) {
			}
		})
	}
	wg.Wait()
}

// Step imports one item; ok is false when the queue had none ready.
func (w *Worker) Step(ctx context.Context) (ok bool, err error) {
	lease := w.Lease
	if lease <= 0 {
		lease = DefaultLease
	}
	work, ok, err := w.Queue.ClaimIntakeWork(ctx, w.Name, lease)
	if err != nil || !ok {
		return false, err
	}
	m, err := w.matcher(ctx, work.Intake.OrgID)
	if err != nil {
		return true, err
	}
	pctx, stop := context.WithCancel(ctx)
	beat := make(chan struct{})
	go func() {
		defer close(beat)
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-pctx.Done():
				return
			case <-t.C:
				if err := w.Queue.ExtendIntakeWork(pctx, work, lease); err != nil {
					w.Logger.Warn("intake lease lost", "item", work.Item.ID, "err", err)
					stop()
					return
				}
			}
		}
	}()
	out := Process(pctx, work, m)
	lost := pctx.Err() != nil
	stop()
	<-beat
	if lost {
		return true, nil // another worker has it now, or we are stopping
	}
	if w.BeforeFinish != nil {
		w.BeforeFinish(work, out)
	}
	if err := w.Queue.FinishIntakeWork(ctx, work, out); errors.Is(err, jixiao.ErrLeaseLost) {
		return true, nil
	} else if err != nil {
		return true, err
	}
	w.Logger.Info("intake item", "intake", work.Intake.ID, "item", work.Item.Seq, "name", work.Item.Name, "state", out.State)
	return true, nil
}

// matcher returns the matcher over the units under orgID, cached.
func (w *Worker) matcher(ctx context.Context, orgID int64) (*Matcher, error) {
	w.mu.Lock()
	e, ok := w.matchers[orgID]
	w.mu.Unlock()
	if ok && time.Since(e.loaded) < matcherTTL {
		return e.m, nil
	}
	units, err := w.Queue.IntakeUnits(ctx, orgID)
	if err != nil {
		return nil, err
	}
	m := NewMatcher(units)
	w.mu.Lock()
	if w.matchers == nil {
		w.matchers = map[int64]matcherEntry{}
	}
	w.matchers[orgID] = matcherEntry{m, time.Now()}
	w.mu.Unlock()
	return m, nil
}
