// Copied from bench/api (same seeding and load loop) so that the two benches
// can move on their own branches; to be shared once both have landed.

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// phase is one measured load: conns workers send requests made by next
// for d, each on its own keep-alive connection.
type phase struct {
	name  string
	conns int
	d     time.Duration
	// next makes worker w's i-th request.
	next func(w, i int) (*http.Request, error)
	// want is the status a good answer has.
	want int
	// after, when set, is given each good answer's body.
	after func(w int, body []byte)
}

// result is what a phase measured.
type result struct {
	name      string
	n, errors int
	elapsed   time.Duration
	p50, p99  time.Duration
	max       time.Duration
}

func (r result) rate() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r result) String() string {
	return fmt.Sprintf("%-22s %8d req %6d err %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms",
		r.name, r.n, r.errors, r.rate(), ms(r.p50), ms(r.p99), ms(r.max))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// run drives the phase and returns its figures. Each worker has its own
// transport with one connection, so that conns is the number of open
// connections, as with wrk -c.
func (p phase) run(ctx context.Context) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, p.d)
	defer cancel()
	lat := make([][]time.Duration, p.conns)
	var errs atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for w := range p.conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1, DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			for i := 0; ctx.Err() == nil; i++ {
				req, err := p.next(w, i)
				if err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
				t0 := time.Now()
				resp, err := client.Do(req.WithContext(ctx))
				if err != nil {
					if ctx.Err() == nil {
						errs.Add(1)
						firstErr.CompareAndSwap(nil, err)
					}
					continue
				}
				var body []byte
				if p.after != nil {
					body, _ = io.ReadAll(resp.Body)
				} else {
					_, _ = io.Copy(io.Discard, resp.Body)
				}
				resp.Body.Close()
				if resp.StatusCode != p.want {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status))
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
				if p.after != nil {
					p.after(w, body)
				}
			}
		}()
	}
	wg.Wait()
	all := slices.Concat(lat...)
	slices.Sort(all)
	r := result{name: p.name, n: len(all), errors: int(errs.Load()), elapsed: time.Since(start)}
	if len(all) > 0 {
		r.p50, r.p99, r.max = all[len(all)/2], all[len(all)*99/100], all[len(all)-1]
	}
	if r.n == 0 {
		err, _ := firstErr.Load().(error)
		return r, fmt.Errorf("%s: no good answer: %v", p.name, err)
	}
	if e, ok := firstErr.Load().(error); ok && r.errors > 0 {
		fmt.Printf("  %s: %d errors, first: %v\n", p.name, r.errors, e)
	}
	return r, nil
}
