package gen

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/audit"
)

// errorCodes returns the codes of the error-level findings.
func errorCodes(fs []jixiao.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		if f.Severity == jixiao.SevError {
			out[f.Code] = true
		}
	}
	return out
}

// checkFindings asserts what the audit must say about a generated case:
// nothing at error level for a clean one; every injected code, and no
// error beyond the injected ones and their declared consequences, for the
// others.
func checkFindings(t *testing.T, c *Case, fs []jixiao.Finding) {
	t.Helper()
	got := errorCodes(fs)
	allowed := map[string]bool{}
	for _, e := range c.Truth.Errors {
		allowed[e.Code] = true
		for _, a := range e.Also {
			allowed[a] = true
		}
		if !got[e.Code] {
			t.Errorf("%s: injected %s (%s: %q → %q) not found; errors: %v", c.Name, e.Code, e.Field, e.Was, e.Now, keys(got))
		}
	}
	for _, f := range fs {
		if f.Severity == jixiao.SevError && !allowed[f.Code] {
			t.Errorf("%s (rules %s, injected %v): unexpected %s: %s", c.Name, c.Rules.Name, c.Truth.Codes(), f.Code, f.Message)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestGenerateAudit checks, without any file format in between, that the
// generator's clean evaluations are clean and its errors are found.
func TestGenerateAudit(t *testing.T) {
	codes := map[string]int{}
	for i := range 400 {
		c, err := Generate(7, i, Options{ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		n := len(c.Eval.Indicators)
		if n < 5 || n > 30 {
			t.Errorf("%s: %d indicators, want 5–30", c.Name, n)
		}
		for _, e := range c.Truth.Errors {
			codes[e.Code]++
		}
		checkFindings(t, c, audit.Check(audit.Input{Eval: c.Eval, Rules: c.Rules}))
	}
	for _, code := range Codes() {
		if codes[code] == 0 && code != "T-WEIGHT-LEVEL1" {
			t.Errorf("no evaluation got %s", code)
		}
	}
	t.Logf("injected: %v", codes)
}

// TestGenerateDeterministic checks that a seed and an index give the same
// evaluation every time, and different indexes different ones.
func TestGenerateDeterministic(t *testing.T) {
	for i := range 20 {
		a, _ := Generate(42, i, Options{ErrorRate: 0.3})
		b, _ := Generate(42, i, Options{ErrorRate: 0.3})
		var ba, bb bytes.Buffer
		if err := Encode(&ba, "yaml", a, ""); err != nil {
			t.Fatal(err)
		}
		if err := Encode(&bb, "yaml", b, ""); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(ba.String(), bb.String()); d != "" {
			t.Fatalf("case %d differs between runs:\n%s", i, d)
		}
		if d := cmp.Diff(a.Truth, b.Truth); d != "" {
			t.Fatalf("truth %d differs between runs:\n%s", i, d)
		}
	}
	a, _ := Generate(42, 0, Options{})
	b, _ := Generate(42, 1, Options{})
	if a.Eval.Unit == b.Eval.Unit && a.Eval.Budget.Initial.Text == b.Eval.Budget.Initial.Text {
		t.Errorf("cases 0 and 1 look the same: %s %s", a.Eval.Unit, a.Eval.Budget.Initial.Text)
	}
}
