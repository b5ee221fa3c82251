package chart_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"jixiao/render/chart"
	"jixiao/render/internal/cjkfont"
)

var sample = &chart.Chart{Title: "预算与执行情况", Unit: "万元", Categories: []string{"年度资金总额", "基本支出", "项目支出"},
	Series: []chart.Series{{Name: "年初预算数", Values: []float64{495.66, 435.79, 59.87}}, {Name: "全年执行数", Values: []float64{math.NaN(), 388.11, 286.74}}}}

func TestSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.SVG(&buf); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&buf)
	rects, texts := 0, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG not well formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "rect" {
				rects++
			}
		case xml.CharData:
			texts += string(e) + " "
		}
	}
	// background + 5 bars (one NaN) + 2 legend swatches
	if rects != 8 {
		t.Errorf("%d rects, want 8", rects)
	}
	for _, want := range []string{"预算与执行情况", "年初预算数", "495.66", "388.11", "项目支出"} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestPNG(t *testing.T) {
	_, data, err := cjkfont.Load("")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	f, err := chart.ParseFont(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sample.PNG(&buf, f); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != chart.Width*chart.Scale || b.Dy() != chart.Height*chart.Scale {
		t.Errorf("size %v", b)
	}
}

func TestEmptyChart(t *testing.T) {
	var buf bytes.Buffer
	if err := (&chart.Chart{Title: "空"}).SVG(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestParseFontRejectsGarbage(t *testing.T) {
	if _, err := chart.ParseFont([]byte("not a font")); err == nil {
		t.Error("garbage parsed as a font")
	}
	if _, err := chart.ParseFont(nil); err == nil {
		t.Error("empty data parsed as a font")
	}
}

// TestLabelsNeverOverlap: with long category names (the 部门整体 budget
// block's) and bars of close heights side by side, no two labels overlap,
// none leaves the picture, and every category keeps a label.
func TestLabelsNeverOverlap(t *testing.T) {
	c := &chart.Chart{Title: "预算与执行情况", Unit: "万元",
		Categories: []string{"年度资金总额", "一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金", "基本支出", "项目支出"},
		Series: []chart.Series{
			{Name: "年初预算数", Values: []float64{495.66, 470.12, 0, 0, 25.54, 435.79, 59.87}},
			{Name: "全年预算数", Values: []float64{674.85, 641.20, 0, 0, 33.65, 417.88, 256.96}},
			{Name: "执行数", Values: []float64{660.01, 630.5, 0, 0, 29.51, 416.2, 243.81}},
		}}
	// a CJK character 12 units wide, a digit 7: the PNG font's proportions
	measure := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			if r < 0x2e80 {
				w += 7
			} else {
				w += 12
			}
		}
		return w
	}
	boxes := c.Labels(measure)
	cats := map[string]bool{}
	for i, a := range boxes {
		if a.X-a.W/2 < 0 || a.X+a.W/2 > chart.Width || a.Y-a.H < 0 || a.Y > chart.Height-26 {
			t.Errorf("label %q at (%.0f,%.0f) leaves the picture or runs into the legend", a.Text, a.X, a.Y)
		}
		for _, b := range boxes[i+1:] {
			if a.X-a.W/2 < b.X+b.W/2 && b.X-b.W/2 < a.X+a.W/2 && a.Y-a.H < b.Y+2 && b.Y-b.H < a.Y+2 {
				t.Errorf("labels %q and %q overlap", a.Text, b.Text)
			}
		}
		if a.Category {
			cats[a.Text] = true
		}
	}
	if len(cats) < len(c.Categories) {
		t.Errorf("%d category label lines for %d categories", len(cats), len(c.Categories))
	}
}
