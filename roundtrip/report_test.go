package roundtrip

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"jixiao"
	sampledata "jixiao/internal/sample"
)

// reportOpts compare a report read back with the one rendered. Left out:
// Performance (the composer writes its own computed account before the
// unit's), Problems (it adds the problems the scores show; checked apart),
// the figures of achievements (the reader lists every count the text
// cites, the fixture a chosen few) and remarks on amounts.
var reportOpts = cmp.Options{
	cmpopts.IgnoreFields(jixiao.Report{}, "Performance", "Problems"),
	cmpopts.IgnoreFields(jixiao.Achievement{}, "Figures"),
	cmpopts.IgnoreFields(jixiao.Amount{}, "Note"),
	cmp.Comparer(sameFigure),
	cmp.Comparer(sameText),
	cmpopts.EquateEmpty(),
}

// TestReportRoundTrip renders the sample with its report and reads the
// report back out of the narrative.
func TestReportRoundTrip(t *testing.T) {
	for _, format := range []string{"docx", "html", "pdf"} {
		t.Run(format, func(t *testing.T) {
			ev := sample(t)
			ev.Report = sampledata.YanfengReport()
			got, _, notes := roundTrip(t, "report", format, ev)
			if got.Report == nil {
				t.Fatalf("no report read back; notes: %v", notes)
			}
			// with no 结果应用 text of the unit's, the composer states the
			// computed score and grade there (render/report.Compose)
			want := *ev.Report
			if want.Application == "" {
				if !strings.Contains(got.Report.Application, "自评得分96.12分") {
					t.Errorf("composed 结果应用 read back as %q", got.Report.Application)
				}
				want.Application = got.Report.Application
			}
			if d := cmp.Diff(&want, got.Report, reportOpts); d != "" {
				t.Errorf("report read back differs (-rendered +imported):\n%s", d)
			}
			for _, p := range ev.Report.Problems {
				found := false
				for _, q := range got.Report.Problems {
					found = found || sameText(p.Text, q.Text) && sameText(p.Cause, q.Cause)
				}
				if !found {
					t.Errorf("problem %q (cause %q) not read back; got %+v", p.Text, p.Cause, got.Report.Problems)
				}
			}
		})
	}
}
