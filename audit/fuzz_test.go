package audit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer/text"
	"jixiao/rules"
	"jixiao/score"
)

// FuzzScoreAndCheck runs the whole check on arbitrary text, under every
// embedded rule set: whatever a unit submits, scoring and auditing must
// neither panic nor break the invariants a reviewer relies on. The seeds
// are real reports, so a plain `go test` already checks the invariants on
// them. Fuzzing is slow per input (five rule sets, the whole pipeline):
// -fuzzminimizetime 10s keeps the minimisation of large inputs short.
func FuzzScoreAndCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "docs", "*.txt"))
	seeds = append(seeds, sampleFile(f))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("年初预算数 0\n全年预算数 0\n全年执行数 5\n"))
	var sets []*jixiao.RuleSet
	for _, name := range rules.Names() {
		sets = append(sets, rules.MustLoad(name))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := text.Read(bytes.NewReader(src), "fuzz.txt")
		if err != nil {
			return
		}
		ev, _ := extract.Extract(doc)
		if ev == nil {
			return
		}
		for _, rs := range sets {
			res := score.Score(ev, rs)
			checkInvariants(t, rs, res)
			for _, fd := range Check(Input{Eval: ev, Doc: doc, Rules: rs, Result: res}) {
				if sev := fd.Severity; fd.Code == "" || fd.Message == "" || sev != jixiao.SevError && sev != jixiao.SevWarning && sev != jixiao.SevInfo {
					t.Fatalf("%s: finding without code, message or severity: %+v", rs.Name, fd)
				}
			}
		}
	})
}

// checkInvariants asserts what every result must satisfy: scores within
// their weights, rounded, summing to the total, and a result that survives
// a JSON round trip unchanged.
func checkInvariants(t *testing.T, rs *jixiao.RuleSet, res *score.Result) {
	t.Helper()
	sum := decimal.Zero
	if e := &res.Execution; e.ScoreKnown {
		if e.Score.Sign() < 0 || e.Score.GreaterThan(e.Weight) {
			t.Fatalf("%s: execution score %s outside [0, %s]", rs.Name, e.Score, e.Weight)
		}
		sum = sum.Add(e.Score)
	}
	for i := range res.Rows {
		r := &res.Rows[i]
		s, w := r.Score, r.Weight
		if r.Computed && (s.Sign() < 0 || s.GreaterThan(w)) {
			t.Fatalf("%s: row %d scored %s outside [0, %s] (%+v)", rs.Name, i, s, w, r.Trace)
		}
		if !rs.Rounding.Score(s).Equal(s) {
			t.Fatalf("%s: row %d score %s is not rounded to %d places", rs.Name, i, s, rs.Rounding.ScorePlaces)
		}
		sum = sum.Add(s)
	}
	if want := rs.Rounding.Score(sum); !res.Total.Equal(want) {
		t.Fatalf("%s: total %s is not the sum of its parts %s", rs.Name, res.Total, want)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var back score.Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*res, back); diff != "" {
		t.Fatalf("%s: the result changed through JSON (-scored +decoded):\n%s", rs.Name, diff)
	}
}
