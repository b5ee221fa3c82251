package gen

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"jixiao/render"
	"jixiao/yamlfile"
)

// Formats lists the file formats Write knows, by extension.
var Formats = []string{"docx", "xlsx", "pdf", "txt", "html", "yaml"}

// WriteOptions says which files to write for a case.
type WriteOptions struct {
	Formats  []string // extensions from Formats; empty means docx
	Report   bool     // also write the 自评报告 as NAME.report.docx (it attaches the table)
	FontPath string   // CJK TrueType font for PDF; empty: $JIXIAO_FONT, else the embedded face
}

// ParseFormats reads a comma-separated list of formats and checks it.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(f)), ".")
		if f == "" {
			continue
		}
		ok := false
		for _, k := range Formats {
			ok = ok || k == f
		}
		if !ok {
			return nil, fmt.Errorf("gen: unknown format %q (known: %s)", f, strings.Join(Formats, ","))
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gen: no format given")
	}
	return out, nil
}

// Encode writes c's evaluation in one format.
func Encode(w io.Writer, format string, c *Case, fontPath string) error {
	switch format {
	case "txt":
		return WriteText(w, c.Eval, c.Rules)
	case "yaml":
		return yamlfile.Encode(w, c.Eval, yamlfile.Options{Header: "由 jixiao gen 生成的模拟自评表：" + c.Name})
	}
	return render.Table(w, format, c.Eval, render.Options{Rules: c.Rules, FontPath: fontPath})
}

// Write writes c into dir: one file per format, NAME.report.docx when
// asked, and NAME.truth.json.
func Write(dir string, c *Case, opt WriteOptions) error {
	formats := opt.Formats
	if len(formats) == 0 {
		formats = []string{"docx"}
	}
	var buf bytes.Buffer
	for _, f := range formats {
		buf.Reset()
		if err := Encode(&buf, f, c, opt.FontPath); err != nil {
			return fmt.Errorf("gen: %s.%s: %w", c.Name, f, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+"."+f), buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	if opt.Report {
		buf.Reset()
		if err := render.Report(&buf, "docx", c.Eval, render.Options{Rules: c.Rules, FontPath: opt.FontPath}); err != nil {
			return fmt.Errorf("gen: %s.report.docx: %w", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+".report.docx"), buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	t := c.Truth
	t.Formats = formats
	f, err := os.Create(filepath.Join(dir, c.Name+".truth.json"))
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	bw := bufio.NewWriter(f)
	err = t.WriteJSON(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

// RunOptions says what Run generates.
type RunOptions struct {
	N     int    // number of evaluations
	Dir   string // created when missing
	Seed  int64
	Jobs  int // parallel workers; 0 means the number of CPUs
	Gen   Options
	Write WriteOptions
	// Progress, when set, is told after each evaluation (from one
	// goroutine at a time).
	Progress func(done, total int)
}

// Stats counts what Run wrote.
type Stats struct {
	Clean, WithErrors int
	Codes             map[string]int // injected errors by code
}

// Run generates opt.N evaluations into opt.Dir in parallel. The files do
// not depend on the number of workers. It stops at the first error.
func Run(opt RunOptions) (Stats, error) {
	st := Stats{Codes: map[string]int{}}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return st, fmt.Errorf("gen: %w", err)
	}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		first  error
		done   int
		wg     sync.WaitGroup
	)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= opt.N {
					return
				}
				c, err := Generate(opt.Seed, i, opt.Gen)
				if err == nil {
					err = Write(opt.Dir, c, opt.Write)
				}
				mu.Lock()
				if err != nil {
					if first == nil {
						first = err
					}
					failed.Store(true)
				} else {
					done++
					if c.Truth.Clean {
						st.Clean++
					} else {
						st.WithErrors++
					}
					for _, e := range c.Truth.Errors {
						st.Codes[e.Code]++
					}
					if opt.Progress != nil {
						opt.Progress(done, opt.N)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return st, first
}
