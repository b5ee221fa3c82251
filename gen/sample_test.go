package gen

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/importer"
	"jixiao/notation"
	"jixiao/pipeline"
	"jixiao/rules"
	"jixiao/yamlfile"
)

var update = flag.Bool("update", false, "rewrite the golden files and testdata/samples/yanfeng-sfj-2024.{docx,xlsx}")

const sampleDir = "../testdata/samples"

// buildSample lays out the sample (its YAML transcription and the report
// text of the .txt) as format.
func buildSample(t *testing.T, format string) []byte {
	t.Helper()
	y, err := os.ReadFile("../testdata/yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := yamlfile.Decode(y, "yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile(filepath.Join(sampleDir, "yanfeng-sfj-2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := Narrative(string(txt))
	if len(lines) < 20 {
		t.Fatalf("narrative of the sample: %d lines, want the whole report", len(lines))
	}
	var buf bytes.Buffer
	if err := WriteSample(&buf, format, ev, rules.MustLoad(ev.Rules), lines); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSampleOffice checks testdata/samples/yanfeng-sfj-2024.docx and .xlsx:
// that they are what WriteSample makes of the sample (-update rewrites
// them), and that checking them finds what checking the text finds: the
// same table findings (code, stated, expected) for both, and for the docx
// the same narrative, structure and quality findings too.
func TestSampleOffice(t *testing.T) {
	text := runCheck(t, filepath.Join(sampleDir, "yanfeng-sfj-2024.txt"))
	for _, format := range []string{"docx", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(sampleDir, "yanfeng-sfj-2024."+format)
			built := buildSample(t, format)
			if *update {
				if err := os.WriteFile(path, built, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			onDisk, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./gen -run TestSampleOffice -update)", err)
			}
			if d := cmp.Diff(dumpDoc(t, built, format), dumpDoc(t, onDisk, format)); d != "" {
				t.Errorf("%s is not what WriteSample makes of the sample (run -update):\n%s", path, d)
			}
			got := runCheck(t, path)
			prefixes := []string{"T-"}
			if format == "docx" {
				prefixes = []string{"T-", "N-", "S-", "Q-"}
			}
			excused := map[string]bool{}
			var totals []jixiao.Figure
			if !sameFigure(text.Eval.StatedTotal, got.Eval.StatedTotal) {
				g, ok := knownGap(format, Mismatch{Field: "总分"})
				if !ok {
					t.Errorf("%s: 总分 read as %q, the text's is %q", format, got.Eval.StatedTotal.Text, text.Eval.StatedTotal.Text)
				} else {
					t.Logf("KNOWN GAP: %s: 总分 read as %q (the text: %q): %s", format, got.Eval.StatedTotal.Text, text.Eval.StatedTotal.Text, g.what)
					for _, c := range g.codes {
						excused[c] = true
					}
				}
				// findings about the total (Q-INFLATED, N-TABLE-MISMATCH
				// against the report's 得分) follow the misread figure
				totals = []jixiao.Figure{text.Eval.StatedTotal, got.Eval.StatedTotal}
			}
			want := findingKeys(aboutOthers(text.Findings, totals), prefixes, excused)
			have := findingKeys(aboutOthers(got.Findings, totals), prefixes, excused)
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("findings of %s differ from the text's (-text +%s):\n%s", path, format, d)
			}
		})
	}
}

func runCheck(t *testing.T, path string) *pipelineDoc {
	t.Helper()
	d := pipeline.Run(path, pipeline.Options{Audit: true})
	if d.Err != nil {
		t.Fatalf("%s: %v", path, d.Err)
	}
	return &pipelineDoc{Eval: d.Eval, Findings: d.Findings}
}

type pipelineDoc struct {
	Eval     *jixiao.Evaluation
	Findings []jixiao.Finding
}

// findingKeys lists findings as "CODE stated → expected", sorted, keeping
// the codes with one of the prefixes.
func findingKeys(fs []jixiao.Finding, prefixes []string, excused map[string]bool) []string {
	var out []string
	for _, f := range fs {
		if excused[f.Code] {
			continue
		}
		for _, p := range prefixes {
			if strings.HasPrefix(f.Code, p) {
				out = append(out, fmt.Sprintf("%s %s %s → %s", f.Severity, f.Code, f.Stated, f.Expected))
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// aboutOthers leaves out the findings whose stated or expected figure is
// one of totals.
func aboutOthers(fs []jixiao.Finding, totals []jixiao.Figure) []jixiao.Finding {
	var out []jixiao.Finding
	for _, f := range fs {
		hit := false
		for _, tot := range totals {
			for _, s := range []string{f.Stated, f.Expected} {
				hit = hit || sameFigure(notation.ParseFigure(strings.TrimSuffix(s, "分")), tot)
			}
		}
		if !hit {
			out = append(out, f)
		}
	}
	return out
}

// dumpDoc is the imported text of a document, for comparing two builds
// whose zip bytes may differ.
func dumpDoc(t *testing.T, b []byte, format string) string {
	t.Helper()
	doc, err := importer.ReadBytes(b, "sample."+format, importer.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return doc.PlainText()
}
