package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
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

// TestTallChartFitsThePage: a chart of many bars (60 indicators) is shrunk
// to fit an A4 page, not run off it.
func TestTallChartFitsThePage(t *testing.T) {
	_, data, err := cjkfont.Load("")
	if err != nil {
		t.Skip(err)
	}
	var opt docx.Options
	opt.ChartFont, _ = chart.ParseFont(data)
	ch := &chart.Chart{Title: "各指标分值与得分", Unit: "分", Series: []chart.Series{{Name: "分值"}, {Name: "得分"}}}
	for i := range 60 {
		ch.Categories = append(ch.Categories, fmt.Sprintf("指标%d", i))
		ch.Series[0].Values = append(ch.Series[0].Values, 2)
		ch.Series[1].Values = append(ch.Series[1].Values, 1.5)
	}
	o := &report.Outline{Title: "报告", Sections: []report.Section{{Level: 1, Heading: "一、", Blocks: []report.Block{{Kind: report.KindChart, Chart: ch}}}}}
	var buf bytes.Buffer
	if err := docx.WriteReport(&buf, o, opt); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(f)
	m := regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/>`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("no picture")
	}
	cx, _ := strconv.Atoi(string(m[1]))
	cy, _ := strconv.Atoi(string(m[2]))
	if cy > 200*36000 || cx > 150*36000 {
		t.Errorf("picture %d×%d mm, wider than 150 or taller than 200", cx/36000, cy/36000)
	}
	// the proportions kept
	if want := cx * ch.Height() / chart.Width; cy < want-36000 || cy > want+36000 {
		t.Errorf("height %d mm, want %d for its width", cy/36000, want/36000)
	}
}
