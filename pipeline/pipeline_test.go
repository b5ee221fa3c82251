package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// An upload held in memory checks as the same file on disk does: the
// use case reads a ReaderAt, and Run only opens the file for it.
func TestCheckReaderMatchesRun(t *testing.T) {
	for _, name := range []string{"yanfeng-sfj-2024.docx", "yanfeng-sfj-2024.xlsx", "yanfeng-sfj-2024.txt", "../yanfeng-sfj-2024.yaml"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "samples", name)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			opt := Options{Rules: "hunan", Audit: true}
			want := Run(path, opt)
			if want.Err != nil {
				t.Fatal(want.Err)
			}
			got := Check(context.Background(), Source{Name: path, Data: bytes.NewReader(b), Size: int64(len(b))}, opt)
			if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported()); diff != "" {
				t.Errorf("Check on the bytes differs from Run on the file (-run +check):\n%s", diff)
			}
			if len(got.Findings) == 0 {
				t.Error("the sample raised no findings")
			}
		})
	}
}

func TestCheckCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := []byte("not read")
	r := Check(ctx, Source{Name: "x.txt", Data: bytes.NewReader(b), Size: int64(len(b))}, Options{Audit: true})
	if !errors.Is(r.Err, context.Canceled) || r.Eval != nil {
		t.Errorf("Check under a cancelled context = %v, eval %v; want context.Canceled and nothing read", r.Err, r.Eval != nil)
	}
}

func TestRunMissingFile(t *testing.T) {
	for _, name := range []string{"missing.docx", "missing.yaml"} {
		r := Run(filepath.Join(t.TempDir(), name), Options{})
		if r.Err == nil || !errors.Is(r.Err, os.ErrNotExist) {
			t.Errorf("Run(%s).Err = %v, want a not-exist error", name, r.Err)
		}
	}
}

// A page of several tables gives one checked evaluation per table; a
// document of one table has no others.
func TestCheckEveryTable(t *testing.T) {
	tests := []struct {
		path     string
		projects []string // the projects of the tables after the first
	}{
		{"../testdata/real/sichuan-daying-sfj-2023/source.txt", []string{"2023年全县安可替代补助资金项目"}},
		{"../testdata/samples/yanfeng-sfj-2024.txt", nil},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(filepath.Dir(tt.path)), func(t *testing.T) {
			r := Run(tt.path, Options{Rules: "sichuan", Audit: true})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			var got []string
			for _, tr := range r.Tables {
				if tr.Eval == nil || tr.Score == nil || tr.Err != nil {
					t.Fatalf("table %s not scored: %v", tr.Name, tr.Err)
				}
				got = append(got, tr.Eval.Project)
			}
			if diff := cmp.Diff(tt.projects, got); diff != "" {
				t.Errorf("other tables' projects (-want +got):\n%s", diff)
			}
			e, w, i := r.TableCounts()
			for _, tr := range r.Tables {
				te, tw, ti := tr.TableCounts()
				e, w, i = e+te, w+tw, i+ti
			}
			if ae, aw, ai := r.Counts(); ae != e || aw != w || ai != i {
				t.Errorf("Counts = %d/%d/%d, want the tables' sum %d/%d/%d", ae, aw, ai, e, w, i)
			}
		})
	}
}

// Read gives what Check gives but the scores and findings, every table
// of the document included; a table naming an unknown rule set fails
// in both.
func TestReadIsCheckUnscored(t *testing.T) {
	for _, c := range []struct{ name, path, rules string }{
		{"Docx", "samples/yanfeng-sfj-2024.docx", ""},
		{"Text", "samples/yanfeng-sfj-2024.txt", "hunan"},
		{"ErrUnknownRules", "samples/yanfeng-sfj-2024.txt", "no-such-rules"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "testdata", c.path))
			if err != nil {
				t.Fatal(err)
			}
			src := Source{Name: c.path, Data: bytes.NewReader(b), Size: int64(len(b))}
			opt := Options{Rules: c.rules, Audit: true}
			want, got := Check(context.Background(), src, opt), Read(context.Background(), src, opt)
			unscore := func(r *Result) {
				for _, t := range append([]*Result{r}, r.Tables...) {
					t.Score, t.Findings = nil, nil
				}
			}
			if want.Score == nil && want.Err == nil {
				t.Fatal("Check gave no score")
			}
			for _, r := range append([]*Result{got}, got.Tables...) {
				if r.Score != nil || r.Findings != nil {
					t.Errorf("Read scored %s: %v, %d findings", r.Name, r.Score, len(r.Findings))
				}
			}
			unscore(want)
			errText := cmp.Comparer(func(a, b error) bool { return fmt.Sprint(a) == fmt.Sprint(b) })
			if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(), errText); diff != "" {
				t.Errorf("Read differs from Check without its scores (-check +read):\n%s", diff)
			}
			if (got.Err != nil) != (c.rules == "no-such-rules") {
				t.Errorf("err = %v", got.Err)
			}
		})
	}
}
