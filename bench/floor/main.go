// Command floor is the lower bound of bulk checking .docx files: it only
// opens each zip and tokenises word/document.xml with encoding/xml
// (RawToken), over the same files and with the same parallelism as
// `jixiao check --jobs N`. Whatever jixiao does on top of that (building
// the document, extracting, scoring, auditing, writing findings) is its
// overhead over this floor. Used by bench/bulk.sh.
package main

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	jobs := flag.Int("jobs", 2, "parallel workers")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: floor [-jobs N] DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	files, err := collect(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(2)
	}
	start := time.Now()
	var next, tokens, failed atomic.Int64
	var wg sync.WaitGroup
	for range max(*jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				n, err := tokenise(files[i])
				if err != nil {
					failed.Add(1)
					fmt.Fprintf(os.Stderr, "floor: %s: %v\n", files[i], err)
				}
				tokens.Add(n)
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Printf("floor: %d files, %d failed, %d tokens, %.2f s, %.0f docs/s\n",
		len(files), failed.Load(), tokens.Load(), el.Seconds(), float64(len(files))/el.Seconds())
}

// tokenise opens a .docx and reads word/document.xml token by token.
func tokenise(path string) (int64, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return 0, err
		}
		defer r.Close()
		d := xml.NewDecoder(r)
		var n int64
		for {
			_, err := d.RawToken()
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			if err != nil {
				return n, err
			}
			n++
		}
	}
	return 0, errors.New("no word/document.xml")
}

// collect lists the .docx files under the given paths, sorted.
func collect(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".docx") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}
