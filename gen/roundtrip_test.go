package gen

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"jixiao"
	"jixiao/audit"
	"jixiao/extract"
	"jixiao/importer"
	"jixiao/render"
)

// roundTripCases is how many evaluations each format round-trips.
const roundTripCases = 24

// needTool skips (or, under CI=true, fails) when an external tool is missing.
func needTool(t *testing.T, why string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: required)", why)
	}
	t.Skip(why)
}

// TestRoundTrip writes generated evaluations in every format, imports and
// extracts them back, compares every table field with what was generated,
// and audits them: clean ones must raise no error-level finding, and every
// injected error must be found.
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"txt", "docx", "xlsx", "html", "pdf"} {
		t.Run(format, func(t *testing.T) {
			if format == "pdf" {
				var buf bytes.Buffer
				c, _ := Generate(1, 0, Options{})
				err := render.Table(&buf, "pdf", c.Eval, render.Options{Rules: c.Rules})
				needTool(t, "PDF output failed: "+errText(err), err == nil)
			}
			known := map[string]int{}
			for i := range roundTripCases {
				c, err := Generate(11, i, Options{ErrorRate: 0.5})
				if err != nil {
					t.Fatal(err)
				}
				roundTrip(t, format, c, known)
			}
			for k, n := range known {
				t.Logf("KNOWN GAP (%s, %d of %d files): %s", format, n, roundTripCases, k)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func roundTrip(t *testing.T, format string, c *Case, known map[string]int) {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, format, c, ""); err != nil {
		t.Fatalf("%s: encode %s: %v", c.Name, format, err)
	}
	doc, err := importer.ReadBytes(buf.Bytes(), c.Name+"."+format, importer.DefaultLimits())
	if err != nil {
		t.Fatalf("%s.%s: import: %v", c.Name, format, err)
	}
	ev, _ := extract.Extract(doc)
	excused := map[string]bool{}
	gaps := map[string]bool{}
	for _, m := range Compare(c.Eval, ev) {
		if g, ok := knownGap(format, m); ok {
			gaps[g.what] = true
			for _, code := range g.codes {
				excused[code] = true
			}
			continue
		}
		t.Errorf("%s.%s: %s", c.Name, format, m)
	}
	for g := range gaps {
		known[g]++
	}
	fs := audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: c.Rules})
	checkFindingsExcused(t, c, fs, excused)
}

// gap is a field an extractor or importer is known to misread, and the
// error codes that the misreading raises by itself.
type gap struct {
	formats []string
	field   string // exact field, or a prefix ending in "."
	codes   []string
	what    string
}

// knownGaps are the fields that do not round-trip today, none at present:
// every format reads back every field. A gap names the package that owns
// the fix; one that no longer occurs is simply not hit, and the test then
// asserts the field like any other.
var knownGaps = []gap{}

func knownGap(format string, m Mismatch) (gap, bool) {
	for _, g := range knownGaps {
		hit := false
		for _, f := range g.formats {
			hit = hit || f == format
		}
		if hit && (m.Field == g.field || strings.HasSuffix(g.field, ".") && strings.HasPrefix(m.Field, g.field)) {
			return g, true
		}
	}
	return gap{}, false
}

// checkFindingsExcused is checkFindings, leaving out the codes a known gap
// raises by itself.
func checkFindingsExcused(t *testing.T, c *Case, fs []jixiao.Finding, excused map[string]bool) {
	t.Helper()
	var keep []jixiao.Finding
	for _, f := range fs {
		if !excused[f.Code] {
			keep = append(keep, f)
		}
	}
	cc := *c
	cc.Truth.Errors = nil
	for _, e := range c.Truth.Errors {
		if !excused[e.Code] {
			cc.Truth.Errors = append(cc.Truth.Errors, e)
		}
	}
	checkFindings(t, &cc, keep)
}
