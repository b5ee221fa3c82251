package realcorpus

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"jixiao"
	"jixiao/audit"
	"jixiao/score"
	"jixiao/yamlfile"
)

// TestUnitsSurviveYAML: a table read with a 度量单位 column, written to a
// YAML file and read back, keeps each indicator's unit and figures as
// printed, and the check finds on the file what it finds on the table
// read (a bare "3" in a % column is still 3%, not the number 3).
func TestUnitsSurviveYAML(t *testing.T) {
	n := 0
	for _, d := range mustDocs(t) {
		res, err := Run(filepath.Join(d.Dir, "source.txt"), d.Rules())
		if err != nil {
			t.Errorf("%s: %v", d.Name, err)
			continue
		}
		for i, tb := range res.Tables {
			if !slices.ContainsFunc(tb.Eval.Indicators, func(in jixiao.Indicator) bool { return in.Unit != "" }) {
				continue
			}
			n++
			ev := fileable(tb.Eval)
			var buf bytes.Buffer
			if err := yamlfile.Encode(&buf, ev, yamlfile.Options{}); err != nil {
				t.Fatalf("%s table %d: %v", d.Name, i+1, err)
			}
			back, err := yamlfile.Decode(buf.Bytes(), d.Name+".yaml")
			if err != nil {
				t.Errorf("%s table %d: %v", d.Name, i+1, err)
				continue
			}
			for k, in := range ev.Indicators {
				b := back.Indicators[k]
				if b.Unit != in.Unit || !sameValue(b.Target, in.Target) || !sameValue(b.Actual, in.Actual) {
					t.Errorf("%s table %d row %d: %q %+v %+v read back as %q %+v %+v", d.Name, i+1, k+1, in.Unit, in.Target, in.Actual, b.Unit, b.Target, b.Actual)
				}
			}
			rs := d.Rules()
			was, now := score.Score(ev, rs), score.Score(back, rs)
			for k, r := range was.Rows {
				b := now.Rows[k]
				if !r.Score.Equal(b.Score) || (r.Met == nil) != (b.Met == nil) || r.Met != nil && *r.Met != *b.Met {
					t.Errorf("%s table %d row %d: scored %s (met %v) from the table, %s (met %v) from the file", d.Name, i+1, k+1, r.Score, r.Met, b.Score, b.Met)
				}
			}
			// The file does not say which figures the reader did not
			// find (the findings on those differ); the rows' do not.
			want := rowCodes(audit.Check(audit.Input{Eval: ev, Rules: rs, Result: was}))
			got := rowCodes(audit.Check(audit.Input{Eval: back, Rules: rs, Result: now}))
			if diff := codesDiff(want, got); diff != "" {
				t.Errorf("%s table %d: the YAML file's findings on the rows differ from the table's: %s", d.Name, i+1, diff)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d tables with a 度量单位 column, want at least the 3 documents that have one", n)
	}
}

// fileable is ev with what a YAML file requires and a cut copy may not
// state (the kind, a row's 一级) filled in, so that it can be written.
func fileable(ev *jixiao.Evaluation) *jixiao.Evaluation {
	c := *ev
	if c.Kind == "" {
		c.Kind = jixiao.KindProject
	}
	c.Indicators = slices.Clone(ev.Indicators)
	for i := range c.Indicators {
		if c.Indicators[i].Level1 == "" {
			c.Indicators[i].Level1 = "产出指标"
		}
	}
	return &c
}

func sameValue(a, b jixiao.Value) bool {
	return a.Raw == b.Raw && a.Type == b.Type && a.Op == b.Op && a.Number.Equal(b.Number) && a.Percent == b.Percent &&
		a.Unit == b.Unit && a.InUnit == b.InUnit
}

// rowCodes are the codes of the findings on indicator rows, but for those
// on what was not read: the note, and a 得分 the reader did not find, which
// the file writes blank.
func rowCodes(fs []jixiao.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Location.Block == "indicators" && f.Location.Row > 0 && f.Code != "I-UNREAD" && f.Code != "T-ROW-SCORE-MISSING" {
			out = append(out, string(f.Severity)+" "+f.Code)
		}
	}
	slices.Sort(out)
	return out
}
