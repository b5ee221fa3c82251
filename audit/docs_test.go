package audit

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
)

const docsDir = "../testdata/docs"

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestDocs audits every shared test document under the rule set its name
// starts with, compares the findings with audit/testdata/docs/NAME.json,
// and checks NAME.expect, which encodes NAME.seeded.md line by line:
//
//	CODE<TAB>stated[<TAB>severity]  a finding that must be there (severity error unless given)
//	clean                           no error-level finding at all
//	missing<TAB>what                a seeded error no check finds yet (logged, so it stays visible)
//	# comment
//
// A document whose NAME.seeded.md lists seeded errors must have an .expect file.
func TestDocs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(docsDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no documents in %s: %v", docsDir, err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		if strings.HasSuffix(name, ".gb18030") {
			continue // the same text as its UTF-8 twin
		}
		t.Run(name, func(t *testing.T) {
			fs := auditFileRules(t, p, rulesFor(name))
			checkGolden(t, filepath.Join("testdata", "docs", name+".json"), fs)
			expect := filepath.Join("testdata", "docs", name+".expect")
			if !fileExists(expect) {
				if fileExists(filepath.Join(docsDir, name+".seeded.md")) {
					t.Fatalf("%s lists seeded errors but %s does not encode them", name+".seeded.md", expect)
				}
				return
			}
			checkExpect(t, expect, fs)
		})
	}
}

// rulesFor picks the rule set a test document is written for, from the
// province its name starts with.
func rulesFor(name string) string {
	for _, p := range [][2]string{{"hubei-", "hubei"}, {"sichuan-", "sichuan"}, {"national-", "national-2020"}} {
		if strings.HasPrefix(name, p[0]) {
			return p[1]
		}
	}
	return "hunan"
}

func checkExpect(t *testing.T, path string, fs []jixiao.Finding) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "missing\t"); ok {
			t.Logf("known gap, not detected: %s", rest)
			continue
		}
		if line == "clean" {
			if errs := errorsIn(fs); len(errs) > 0 {
				t.Errorf("clean document raises errors:\n%s", dumpFindings(errs))
			}
			continue
		}
		fields := strings.Split(line, "\t")
		code, stated, sev := fields[0], "", jixiao.SevError
		if len(fields) > 1 {
			stated = fields[1]
		}
		if len(fields) > 2 {
			sev = jixiao.Severity(fields[2])
		}
		found := false
		for _, fd := range fs {
			if fd.Code == code && fd.Severity == sev && (stated == "" || fd.Stated == stated) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("seeded %s %s %q not found; findings:\n%s", sev, code, stated, dumpFindings(fs))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
