package intake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	DefaultBatch = 16
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
	// Batch is how many items each of them claims, and then stores, at a
	// time: claiming and storing are each a commit, which on a disk that
	// syncs costs more than reading and checking a small file.
	Batch  int
	Logger *slog.Logger
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
		Lease: DefaultLease, Poll: DefaultPoll, Concurrency: runtime.GOMAXPROCS(0), Batch: DefaultBatch, Logger: slog.New(slog.DiscardHandler)}
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
// the first error of the queue or of done. done is called by one
// goroutine at a time.
func (w *Worker) Until(ctx context.Context, done func(context.Context) (bool, error)) error {
	var once sync.Once
	var first error
	fail := func(err error) {
		once.Do(func() { first = err })
	}
	var doneMu sync.Mutex
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
		doneMu.Lock()
		fin, err := done(ctx)
		doneMu.Unlock()
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

// Step takes up to Batch items, imports them one after the other and
// stores them together, in one transaction; ok is false when the queue
// had none ready. An item whose lease is lost meanwhile (the heartbeat
// could not renew it) is left to its new holder. A stopping worker stores
// what it has finished and hands the rest back.
func (w *Worker) Step(ctx context.Context) (ok bool, err error) {
	lease := w.Lease
	if lease <= 0 {
		lease = DefaultLease
	}
	works, err := w.Queue.ClaimIntakeWork(ctx, w.Name, lease, max(w.Batch, 1))
	if err != nil || len(works) == 0 {
		return false, err
	}
	hb := w.heartbeat(ctx, works, lease)
	defer hb.stop()
	var done []jixiao.IntakeDone
	for i, work := range works {
		if ctx.Err() != nil {
			w.release(works[i:])
			break
		}
		m, err := w.matcher(ctx, work.Intake.OrgID)
		if err != nil {
			return true, err
		}
		out := Process(ctx, work, m)
		if ctx.Err() != nil {
			w.release(works[i:]) // cut short by the stop, not the file's fault
			break
		}
		if hb.lost(work) {
			continue
		}
		if w.BeforeFinish != nil {
			w.BeforeFinish(work, out)
		}
		done = append(done, jixiao.IntakeDone{Work: work, Outcome: out})
	}
	if len(done) == 0 {
		return true, nil
	}
	// finished files are stored even when the worker is stopping
	if err := w.Queue.FinishIntakeWork(context.WithoutCancel(ctx), done); err != nil {
		return true, err
	}
	for _, d := range done {
		hb.done(d.Work)
		if !d.Lost {
			w.Logger.Info("intake item", "intake", d.Work.Intake.ID, "item", d.Work.Item.Seq, "name", d.Work.Item.Name, "state", d.Outcome.State)
		}
	}
	return true, nil
}

// release hands back the items a stopping worker has not begun, so that
// another server takes them up at once; one that cannot be handed back
// waits for its lease to run out.
func (w *Worker) release(works []*jixiao.IntakeWork) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, wk := range works {
		if err := w.Queue.ReleaseIntakeWork(ctx, wk); err != nil {
			w.Logger.Warn("intake release", "item", wk.Item.ID, "err", err)
		}
	}
}

// heartbeat renews the leases of a worker's items until each is done.
type heartbeat struct {
	mu      sync.Mutex
	pending map[*jixiao.IntakeWork]bool // false: lost
	cancel  context.CancelFunc
	ended   chan struct{}
}

func (w *Worker) heartbeat(ctx context.Context, works []*jixiao.IntakeWork, lease time.Duration) *heartbeat {
	hb := &heartbeat{pending: map[*jixiao.IntakeWork]bool{}, ended: make(chan struct{})}
	for _, wk := range works {
		hb.pending[wk] = true
	}
	ctx, hb.cancel = context.WithCancel(ctx)
	go func() {
		defer close(hb.ended)
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			hb.mu.Lock()
			var live []*jixiao.IntakeWork
			for wk, ok := range hb.pending {
				if ok {
					live = append(live, wk)
				}
			}
			hb.mu.Unlock()
			for _, wk := range live {
				if err := w.Queue.ExtendIntakeWork(ctx, wk, lease); err != nil && ctx.Err() == nil {
					w.Logger.Warn("intake lease lost", "item", wk.Item.ID, "err", err)
					hb.mu.Lock()
					if _, still := hb.pending[wk]; still {
						hb.pending[wk] = false
					}
					hb.mu.Unlock()
				}
			}
		}
	}()
	return hb
}

// lost reports whether wk's lease could not be renewed.
func (hb *heartbeat) lost(wk *jixiao.IntakeWork) bool {
	hb.mu.Lock()
	defer hb.mu.Unlock()
	return !hb.pending[wk]
}

// done stops renewing wk's lease.
func (hb *heartbeat) done(wk *jixiao.IntakeWork) {
	hb.mu.Lock()
	delete(hb.pending, wk)
	hb.mu.Unlock()
}

func (hb *heartbeat) stop() {
	hb.cancel()
	<-hb.ended
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
