package claims

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// corpusTruth is the part of a testdata/real truth.yaml the narrative
// checks answer for.
type corpusTruth struct {
	Report bool `yaml:"report"`
	Errors []struct {
		Code     string `yaml:"code"`
		Severity string `yaml:"severity"`
	} `yaml:"errors"`
}

// claimsCodes are the codes Check gives.
var claimsCodes = []string{CodeShare, CodeSharesSum, CodePartsSum, CodeRate, CodeGrowth, CodeConflict}

// TestCorpusReports reads the text of every published report of
// testdata/real as one paragraph a line: each of the truth's errors of a
// claims code must be found, at the truth's severity or above, and no
// issue may be sure (an error) that the truth does not hold, in the
// source or in its corrected copy. The table readers' harness (realcorpus)
// checks whole documents; this one keeps the narrative engine honest on
// its own.
func TestCorpusReports(t *testing.T) {
	truths, err := filepath.Glob("../testdata/real/*/truth.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) == 0 {
		t.Skip("no documents under testdata/real")
	}
	reports := 0
	for _, tf := range truths {
		dir := filepath.Dir(tf)
		b, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		var tr corpusTruth
		if err := yaml.Unmarshal(b, &tr); err != nil {
			t.Errorf("%s: %v", tf, err)
			continue
		}
		if !tr.Report {
			continue
		}
		reports++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "source.txt"))
			if err != nil {
				t.Fatal(err)
			}
			s := ExtractText(string(src))
			issues := s.Check(Options{})
			sure := map[string]bool{} // codes the truth holds as errors
			for _, e := range tr.Errors {
				if !slices.Contains(claimsCodes, e.Code) {
					continue
				}
				sure[e.Code] = sure[e.Code] || e.Severity == "error"
				i := slices.IndexFunc(issues, func(is Issue) bool { return is.Code == e.Code && (is.Sure || e.Severity != "error") })
				if i < 0 {
					t.Errorf("missed %s (%s)", e.Code, e.Severity)
				}
			}
			for _, is := range issues {
				if is.Sure && !sure[is.Code] {
					t.Errorf("false error %s: %s", is.Code, is.Message)
				}
			}
			fixed, err := os.ReadFile(filepath.Join(dir, "corrected.txt"))
			if err != nil {
				return // a document without errors has no corrected copy
			}
			for _, is := range ExtractText(string(fixed)).Check(Options{}) {
				if is.Sure {
					t.Errorf("corrected.txt: error %s: %s", is.Code, is.Message)
				}
			}
		})
	}
	if reports == 0 {
		t.Skip("no report among the documents of testdata/real")
	}
	t.Logf("%d reports", reports)
}
