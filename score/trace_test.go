package score

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/traces.golden")

// TestTraces pins every kind of row trace, word for word: the formula, the
// rule and the note a reader sees beside each score.
func TestTraces(t *testing.T) {
	national := rules.MustLoad("national-2020")
	ratio := *national
	ratio.Reverse = jixiao.ReverseRatio
	cases := []struct {
		name string
		rs   *jixiao.RuleSet
		in   jixiao.Indicator
	}{
		{"PositiveMet", national, row("≥95%", "96%", "10", "")},
		{"PositiveZeroTarget", national, row("≥0%", "0%", "10", "")},
		{"PositiveMissed", national, row("≥95%", "90%", "10", "")},
		{"EqualZeroMissed", national, row("=0起", "2起", "5", "")},
		{"ReverseMet", national, row("≤30万元", "28万元", "10", "")},
		{"ReverseZeroTarget", national, row("≤0万元", "28万元", "10", "")},
		{"ReverseRatio", &ratio, row("≤100万元", "120万元", "10", "")},
		{"ReverseTwice", national, row("≤30万元", "60万元", "10", "")},
		{"ReverseLinear", national, row("≤100万元", "120万元", "10", "")},
		{"QualitativeNoTier", national, row("年度完成", "说不清", "10", "7.456")},
		{"QualitativeTopTier", national, row("年度完成", "按时完成", "10", "9")},
		{"QualitativeHalfOpenTop", national, row("年度完成", "部分完成", "10", "8")},
		{"QualitativeBelowTier", national, row("年度完成", "未完成", "10", "")},
		{"QualitativeNoTierNoScore", national, row("年度完成", "说不清", "10", "")},
		{"QuantitativeNoActual", national, row("≥95%", "", "10", "8")},
		{"ManyDecimals", national, row("≥95.123456789%", "90%", "10", "")},
		{"FractionalWeight", national, row("≥10次", "9次", "2.5", "")},
		{"UnitMismatch", national, row("≤30万元", "28元", "10", "9")},
		{"NoWeight", national, row("≥95%", "96%", "", "3")},
	}
	var b strings.Builder
	for _, c := range cases {
		res := Score(&jixiao.Evaluation{Indicators: []jixiao.Indicator{c.in}}, c.rs)
		r := &res.Rows[0]
		tr := r.Trace
		fmt.Fprintf(&b, "%s\n  score %s of %s, method %s, tier %q\n  formula %s\n  rule    %s\n  note    %s\n",
			c.name, r.Score, r.Weight, r.Method, r.Tier, tr.Formula, tr.Rule, tr.Note)
	}
	path := filepath.Join("testdata", "traces.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./score -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("traces differ from %s (go test ./score -run TestTraces -update rewrites it):\n%s", path, got)
	}
}
