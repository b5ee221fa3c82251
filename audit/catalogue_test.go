package audit

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// codeLiteral matches a finding code in source: "T-EXEC-RATE", "N-SHARE"…
var codeLiteral = regexp.MustCompile(`"([NSTQ]-[A-Z0-9]+(?:-[A-Z0-9]+)*)"`)

// sourceCodes returns the codes used in the non-test Go files of dirs.
func sourceCodes(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	codes := map[string]string{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range codeLiteral.FindAllStringSubmatch(string(b), -1) {
				codes[m[1]] = f
			}
		}
	}
	return codes
}

// TestCatalogue fails when a code used in the checks is not documented in
// docs/checks.md, or documented there but no longer used.
func TestCatalogue(t *testing.T) {
	codes := sourceCodes(t, ".", "../claims")
	if len(codes) < 40 {
		t.Fatalf("found only %d codes in the sources; the scan is broken", len(codes))
	}
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	for code, file := range codes {
		if !strings.Contains(string(doc), "`"+code+"`") {
			t.Errorf("%s (used in %s) is not documented in docs/checks.md", code, file)
		}
	}
	for _, m := range regexp.MustCompile("`([NSTQ]-[A-Z0-9-]+)`").FindAllStringSubmatch(string(doc), -1) {
		if _, ok := codes[m[1]]; !ok {
			t.Errorf("docs/checks.md documents %s, which no check raises", m[1])
		}
	}
}

// TestEveryReportCodeTested checks that each N-, S- and Q- code has a
// failing and a passing case in the tables of this package's tests.
func TestEveryReportCodeTested(t *testing.T) {
	found, passed := map[string]bool{}, map[string]bool{}
	for _, cases := range [][]auditCase{narrativeCases, structureCases, qualityCases} {
		for _, c := range cases {
			if c.found {
				found[c.code] = true
			} else {
				passed[c.code] = true
			}
		}
	}
	for code := range sourceCodes(t, ".", "../claims") {
		if strings.HasPrefix(code, "T-") {
			continue
		}
		if !found[code] {
			t.Errorf("%s has no failing case", code)
		}
		if !passed[code] {
			t.Errorf("%s has no passing case", code)
		}
	}
}
