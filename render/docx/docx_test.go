package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"jixiao"
	"jixiao/internal/golden"
	"jixiao/internal/sample"
	"jixiao/render/chart"
	"jixiao/render/docx"
	"jixiao/render/internal/cjkfont"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

var evaluations = []struct {
	name string
	ev   func() *jixiao.Evaluation
}{{"yanfeng", sample.Yanfeng}, {"project", sample.Project}}

func TestTable(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	for _, tt := range evaluations {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev()
			var buf bytes.Buffer
			if err := docx.WriteTable(&buf, report.Table(ev, score.Score(ev, rs), rs)); err != nil {
				t.Fatal(err)
			}
			got := dump(t, buf.Bytes())
			golden.Check(t, tt.name+".table.golden", got)
			// labels are broken into lines where a reader would: compare without them
			flat := strings.ReplaceAll(got, "/", "")
			for _, want := range []string{"<vmerge=restart>", "<vmerge=continue>", "<span=2>", "偏差原因分析及改进措施", "<tblHeader>"} {
				if !strings.Contains(flat, want) {
					t.Errorf("table lacks %q", want)
				}
			}
		})
	}
}

func TestReport(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	var opt docx.Options
	if _, data, err := cjkfont.Load(""); err == nil {
		opt.ChartFont, _ = chart.ParseFont(data)
	}
	for _, tt := range evaluations {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev()
			o := report.Compose(ev, score.Score(ev, rs), rs, report.Options{})
			var buf bytes.Buffer
			if err := docx.WriteReport(&buf, o, docx.Options{}); err != nil {
				t.Fatal(err)
			}
			got := dump(t, buf.Bytes())
			golden.Check(t, tt.name+".report.golden", got)
			for _, want := range []string{"p[Title] " + o.Title, "p[Heading1] 一、", "p[Heading2] （一）"} {
				if !strings.Contains(got, want) {
					t.Errorf("report lacks %q", want)
				}
			}
			if opt.ChartFont == nil {
				return
			}
			buf.Reset()
			if err := docx.WriteReport(&buf, o, opt); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(dump(t, buf.Bytes()), "image\n"); n != 2 {
				t.Errorf("%d charts, want 2", n)
			}
		})
	}
}
