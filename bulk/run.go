package bulk

import (
	"runtime"
	"sort"
	"sync"
	"time"

	"jixiao"
	"jixiao/pipeline"
)

// Options says how to run.
type Options struct {
	Jobs     int // parallel workers; 0 means the number of CPUs
	Pipeline pipeline.Options
	// Progress, when set, is told after each file.
	Progress func(done, total int)
	// Keep, when set, says which findings to report (a severity floor, an
	// ignore list); the others are dropped before they are counted.
	Keep func(f jixiao.Finding) bool
}

// Stats summarises a run.
type Stats struct {
	Files, Read, Unreadable, WithErrors int
	Errors, Warnings, Infos             int
	Codes                               map[string]int // findings per code
	Elapsed                             time.Duration
}

// TopCodes returns the n most frequent finding codes, most frequent first.
func (s *Stats) TopCodes(n int) []string {
	codes := make([]string, 0, len(s.Codes))
	for c := range s.Codes {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if s.Codes[codes[i]] != s.Codes[codes[j]] {
			return s.Codes[codes[i]] > s.Codes[codes[j]]
		}
		return codes[i] < codes[j]
	})
	if len(codes) > n {
		codes = codes[:n]
	}
	return codes
}

// Run checks files on opt.Jobs workers and calls emit with each result in
// input order. At most a few results per worker wait for their turn, so
// memory does not grow with the number of files. emit is called from one
// goroutine; an error from it stops the run.
func Run(files []string, opt Options, emit func(d *pipeline.Result) error) (Stats, error) {
	start := time.Now()
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	st := Stats{Files: len(files), Codes: map[string]int{}}
	window := jobs * 4
	slots := make(chan struct{}, window)
	next := make(chan int)
	results := make(chan indexed, jobs)
	stop := make(chan struct{})
	go func() {
		defer close(next)
		for i := range files {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results <- indexed{i, pipeline.Run(files[i], opt.Pipeline)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]*pipeline.Result{}
	emitted := 0
	var err error
	for r := range results {
		pending[r.i] = r.doc
		for err == nil {
			d, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			if opt.Keep != nil {
				kept := d.Findings[:0:0]
				for _, f := range d.Findings {
					if opt.Keep(f) {
						kept = append(kept, f)
					}
				}
				d.Findings = kept
			}
			st.add(d)
			err = emit(d)
			emitted++
			<-slots
			if opt.Progress != nil {
				opt.Progress(emitted, len(files))
			}
			if err != nil {
				close(stop)
			}
		}
		if err != nil {
			// drain what the workers are still finishing
			for range results {
			}
			break
		}
	}
	st.Elapsed = time.Since(start)
	return st, err
}

type indexed struct {
	i   int
	doc *pipeline.Result
}

func (s *Stats) add(d *pipeline.Result) {
	if d.Err != nil {
		s.Unreadable++
		return
	}
	s.Read++
	e, w, i := d.Counts()
	s.Errors += e
	s.Warnings += w
	s.Infos += i
	if e > 0 {
		s.WithErrors++
	}
	for _, f := range d.Findings {
		if f.Severity != jixiao.SevInfo {
			s.Codes[f.Code]++
		}
	}
}
