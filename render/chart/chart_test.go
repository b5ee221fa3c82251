package chart

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jixiao/render/internal/cjkfont"
)

var sample = &Chart{Title: "预算与执行情况", Unit: "万元", Categories: []string{"年度资金总额", "基本支出", "项目支出"},
	Series: []Series{{Name: "年初预算数", Values: []float64{495.66, 435.79, 59.87}}, {Name: "全年执行数", Values: []float64{math.NaN(), 388.11, 286.74}}}}

// text is one <text> element of an SVG: where the library put it.
type text struct {
	s    string
	x, y float64 // start of the baseline
	size float64
}

// parseSVG checks that svg is well-formed and returns its texts and the
// names of the attributes it uses.
func parseSVG(t *testing.T, svg []byte) ([]text, map[string]bool) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var texts []text
	attrs := map[string]bool{}
	var cur *text
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG not well formed: %v\n%s", err, svg)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			for _, a := range e.Attr {
				attrs[a.Name.Local] = true
			}
			if e.Name.Local == "text" {
				cur = &text{}
				for _, a := range e.Attr {
					v, _ := strconv.ParseFloat(strings.TrimSuffix(a.Value, "px"), 64)
					switch a.Name.Local {
					case "x":
						cur.x = v
					case "y":
						cur.y = v
					case "font-size":
						cur.size = v
					}
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.s += string(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" && cur != nil {
				texts = append(texts, *cur)
				cur = nil
			}
		}
	}
	return texts, attrs
}

func has(texts []text, s string) bool {
	for _, x := range texts {
		if x.s == s {
			return true
		}
	}
	return false
}

func TestSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.SVG(&buf); err != nil {
		t.Fatal(err)
	}
	texts, attrs := parseSVG(t, buf.Bytes())
	// every value (the NaN draws nothing), every category, the legend and the title
	for _, want := range []string{"预算与执行情况", "年初预算数", "全年执行数", "495.66", "435.79", "59.87", "388.11", "286.74", "年度资金总额", "基本支出", "项目支出", "单位：万元"} {
		if !has(texts, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	// round ticks from zero: 0, 200 … 600 for values up to 495.66
	for _, tick := range []string{"0", "200", "400", "600"} {
		if !has(texts, tick) {
			t.Errorf("no tick %s", tick)
		}
	}
	if has(texts, "NaN") {
		t.Error("a missing value is labelled NaN")
	}
	// a page CSP without 'unsafe-inline' blocks style attributes
	if attrs["style"] {
		t.Error("SVG uses style attributes")
	}
	if attrs["font-family"] || !attrs["font-size"] || !attrs["fill"] {
		t.Errorf("presentation attributes: %v", attrs)
	}
	// the category labels end at the axis whatever the reader's font
	for _, cat := range []string{"年度资金总额", "基本支出"} {
		if !strings.Contains(buf.String(), `text-anchor="end"`) || !regexp.MustCompile(`<text [^>]*text-anchor="end"[^>]*>`+cat+`</text>`).MatchString(buf.String()) {
			t.Errorf("category %s not anchored at its end", cat)
		}
	}
	if !strings.Contains(buf.String(), `role="img"`) || !strings.Contains(buf.String(), "<title>预算与执行情况</title>") {
		t.Error("SVG has no accessible name")
	}
}

// TestSVGLabels: a bar's given text replaces its value, in the bar's own
// place, also when values repeat or are missing; text is escaped.
func TestSVGLabels(t *testing.T) {
	c := &Chart{Title: "自评分<分布>", NoValueAxis: true, Categories: []string{"<60", "60–90", "90–95", "≥95"},
		Series: []Series{{Values: []float64{0, 3, math.NaN(), 3}, Labels: []string{"0", "3（30.00%）", "", "3（30.01%）"}}}}
	var buf bytes.Buffer
	if err := c.SVG(&buf); err != nil {
		t.Fatal(err)
	}
	texts, _ := parseSVG(t, buf.Bytes())
	for _, want := range []string{"自评分<分布>", "<60", "60–90", "90–95", "≥95", "0", "3（30.00%）", "3（30.01%）"} {
		if !has(texts, want) {
			t.Errorf("SVG lacks %q: %v", want, texts)
		}
	}
	// the first category is drawn on top, its label on its row
	y := map[string]float64{}
	for _, x := range texts {
		y[x.s] = x.y
	}
	if !(y["<60"] < y["60–90"] && y["60–90"] < y["≥95"]) {
		t.Errorf("categories not top down: %v", y)
	}
	if math.Abs(y["3（30.00%）"]-y["60–90"]) > 4 || math.Abs(y["3（30.01%）"]-y["≥95"]) > 4 {
		t.Errorf("labels not on their bars' rows: %v", y)
	}
}

func loadFont(t *testing.T) []byte { return loadFontB(t) }

func loadFontB(t testing.TB) []byte {
	t.Helper()
	_, data, err := cjkfont.Load("")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return data
}

func TestPNG(t *testing.T) {
	f, err := ParseFont(loadFont(t))
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
	if b := img.Bounds(); b.Dx() != Width*Scale || b.Dy() != sample.Height()*Scale {
		t.Errorf("size %v, want %d×%d", b, Width*Scale, sample.Height()*Scale)
	}
}

func TestEmptyChart(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Chart{Title: "空"}).SVG(&buf); err != nil {
		t.Fatal(err)
	}
	parseSVG(t, buf.Bytes())
}

func TestParseFontRejectsGarbage(t *testing.T) {
	if _, err := ParseFont([]byte("not a font")); err == nil {
		t.Error("garbage parsed as a font")
	}
	if _, err := ParseFont(nil); err == nil {
		t.Error("empty data parsed as a font")
	}
}
