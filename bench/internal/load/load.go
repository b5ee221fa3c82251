// Package load seeds a database for the benches under bench/ and drives
// their measured phases: bench/api and bench/web share it.
package load

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Phase is one measured load: conns workers send requests made by next
// for d, each on its own keep-alive connection.
type Phase struct {
	Name  string
	Conns int
	D     time.Duration
	// Next makes worker w's i-th request.
	Next func(w, i int) (*http.Request, error)
	// Want is the status a good answer has.
	Want int
	// After, when set, is given each good answer, its body read.
	After func(w int, resp *http.Response)
}

// Result is what a phase measured.
type Result struct {
	Name      string
	N, Errors int
	Elapsed   time.Duration
	P50, P99  time.Duration
	Max       time.Duration
	// CPU is the processor time this process (the server and the load
	// generator both) spent during the phase: per request, a figure
	// that depends much less than the rates on what else the machine
	// runs.
	CPU time.Duration
}

// CPUPerRequest is the processor time the phase took per good answer.
func (r Result) CPUPerRequest() time.Duration {
	if r.N == 0 {
		return 0
	}
	return r.CPU / time.Duration(r.N)
}

// processCPU is the user and system time the process has used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Rate is the good answers per second.
func (r Result) Rate() float64 { return float64(r.N) / r.Elapsed.Seconds() }

// String is the result as one line of the report.
func (r Result) String() string {
	return fmt.Sprintf("%-22s %8d req %6d err %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  cpu %6.0f µs/req",
		r.Name, r.N, r.Errors, r.Rate(), Ms(r.P50), Ms(r.P99), Ms(r.Max), float64(r.CPUPerRequest())/float64(time.Microsecond))
}

// Ms is d in milliseconds.
func Ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Run drives the phase and returns its figures. Each worker has its own
// transport with one connection, so that conns is the number of open
// connections, as with wrk -c.
func (p Phase) Run(ctx context.Context) (Result, error) {
	ctx, cancel := context.WithTimeout(ctx, p.D)
	defer cancel()
	lat := make([][]time.Duration, p.Conns)
	var errs atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start, cpu0 := time.Now(), processCPU()
	for w := range p.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1, DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			for i := 0; ctx.Err() == nil; i++ {
				req, err := p.Next(w, i)
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
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != p.Want {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status))
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
				if p.After != nil {
					p.After(w, resp)
				}
			}
		}()
	}
	wg.Wait()
	all := slices.Concat(lat...)
	slices.Sort(all)
	r := Result{Name: p.Name, N: len(all), Errors: int(errs.Load()), Elapsed: time.Since(start), CPU: processCPU() - cpu0}
	if len(all) > 0 {
		r.P50, r.P99, r.Max = all[len(all)/2], all[len(all)*99/100], all[len(all)-1]
	}
	if r.N == 0 {
		err, _ := firstErr.Load().(error)
		return r, fmt.Errorf("%s: no good answer: %v", p.Name, err)
	}
	if e, ok := firstErr.Load().(error); ok && r.Errors > 0 {
		fmt.Printf("  %s: %d errors, first: %v\n", p.Name, r.Errors, e)
	}
	return r, nil
}
