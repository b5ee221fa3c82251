package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"jixiao"
	"jixiao/audit"
	"jixiao/internal/sample"
	"jixiao/pipeline"
	"jixiao/render"
	"jixiao/rules"
	"jixiao/score"
)

// recheckGaps are findings that jixiao's own documents raise on being read
// back although the data does not hold them, each with the package that
// owns the fix. The test fails on any other, and on a gap that no longer
// occurs (so that the list only shrinks).
var recheckGaps = map[string]string{
	// none: the three listed before the merge of the claims and pdf
	// branches (绩效指标得分 read as 总分, the sample's rate raised as
	// N-RATE, "（一）" lost from the report's PDF text) no longer occur
}

// TestRenderedDocumentsRecheckClean renders every test evaluation, table
// and report, in every format, reads each back through the pipeline as
// `jixiao check` does, and compares the errors and warnings with those the
// evaluation itself raises: a document jixiao writes must not make up a
// problem (a figure misread, a heading mistaken for a total) nor hide one.
func TestRenderedDocumentsRecheckClean(t *testing.T) {
	yf := sample.Yanfeng()
	proj := sample.Project()
	evals := map[string]*jixiao.Evaluation{"yanfeng": yf, "project": proj}
	ev, _, _, err := pipeline.Load("../testdata/yanfeng-sfj-2024.yaml", pipeline.Options{}.Limits)
	if err != nil {
		t.Fatal(err)
	}
	evals["yanfeng-yaml"] = ev
	// long enough to break across pages, cutting merged 一级 cells
	evals["long"] = longProject(t)
	_, pdfErr := exec.LookPath("pdftotext")
	seen := map[string]bool{}
	for _, name := range []string{"yanfeng", "yanfeng-yaml", "project", "long"} {
		ev := evals[name]
		rs, err := rules.Load(ev.Rules)
		if err != nil {
			t.Fatal(err)
		}
		want := codes(audit.Check(audit.Input{Eval: ev, Rules: rs, Result: score.Score(ev, rs)}))
		if ev.Report == nil || ev.Report.Preface == "" {
			// no report text of the unit's states a survey: true of the data
			want["Q-SATISFACTION-NO-SURVEY"] = "no survey stated"
		}
		if strings.HasPrefix(name, "yanfeng") {
			// what the published document says of itself is the data too:
			// its report's figures that disagree with its table, its
			// missing sections, its "我办"
			orig := pipeline.Run("../testdata/samples/yanfeng-sfj-2024.txt", pipeline.Options{Audit: true, Rules: rs.Name})
			if orig.Err != nil {
				t.Fatal(orig.Err)
			}
			for c, m := range codes(orig.Findings) {
				want[c] = m
			}
		}
		for _, kind := range []string{"table", "report"} {
			for _, format := range []string{"xlsx", "docx", "pdf", "html"} {
				if kind == "report" && format == "xlsx" {
					continue
				}
				t.Run(name+"/"+kind+"."+format, func(t *testing.T) {
					var buf bytes.Buffer
					write := render.Table
					if kind == "report" {
						write = render.Report
					}
					if err := write(&buf, format, ev, render.Options{}); err != nil {
						if format == "pdf" {
							t.Skipf("no PDF: %v", err)
						}
						t.Fatal(err)
					}
					if format == "pdf" && pdfErr != nil {
						t.Skip("pdftotext not installed")
					}
					file := name + "." + kind + "." + format
					r := pipeline.Check(context.Background(), pipeline.Source{Name: file, Data: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())}, pipeline.Options{Audit: true})
					if r.Err != nil {
						t.Fatalf("read back: %v", r.Err)
					}
					if r.Rules.Name != rs.Name {
						t.Errorf("read back under rule set %s, rendered under %s", r.Rules.Name, rs.Name)
					}
					got := codes(r.Findings)
					for c, msg := range got {
						key := fmt.Sprintf("%s %s", filepath.Ext(file), c)
						if want[c] != "" {
							continue
						}
						if gap, ok := recheckGaps[kind+" "+c]; ok {
							seen[kind+" "+c] = true
							t.Logf("KNOWN GAP (%s): %s %s: %s", gap, file, c, msg)
							continue
						}
						t.Errorf("%s: %s raised on reading back, not by the data: %s", key, c, msg)
					}
					for c := range want {
						// a figure left blank is printed computed (docs/render.md):
						// its *-MISSING finding does not come back, by design
						if got[c] == "" && kind == "table" && !strings.HasPrefix(c, "N-") && !strings.HasSuffix(c, "-MISSING") && name == "project" {
							t.Errorf("%s: %s held by the data is not raised on reading back", file, c)
						}
					}
				})
			}
		}
	}
	for k, gap := range recheckGaps {
		if !seen[k] && !t.Failed() {
			t.Errorf("known gap %q (%s) no longer occurs: remove it from recheckGaps", k, gap)
		}
	}
}

// codes maps the error and warning codes of fs to a message of each.
func codes(fs []jixiao.Finding) map[string]string {
	m := map[string]string{}
	keys := []string{}
	for _, f := range fs {
		if f.Severity == jixiao.SevInfo {
			continue
		}
		if _, ok := m[f.Code]; !ok {
			keys = append(keys, f.Code)
		}
		m[f.Code] = f.Message
	}
	sort.Strings(keys)
	return m
}
