package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestBarsSVG(t *testing.T) {
	c := Bars{ID: "s", Title: "自评分<分布>", Pattern: 1, Bars: []Bar{
		{Label: "<60", Value: decimal.NewFromInt(0), Text: "0"},
		{Label: "90–95", Value: decimal.NewFromInt(3), Text: "3（30.00%）"},
		{Label: "≥95", Value: decimal.NewFromInt(6), Text: "6（60.00%）"},
	}}
	svg := c.SVG()
	// well-formed XML, so that it embeds in HTML and prints
	dec := xml.NewDecoder(strings.NewReader(svg))
	var rects, widths []string
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("svg not well-formed: %v\n%s", err, svg)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "rect" {
				for _, a := range el.Attr {
					if a.Name.Local == "fill" && strings.HasPrefix(a.Value, "url(") {
						rects = append(rects, a.Value)
					}
					if a.Name.Local == "width" {
						widths = append(widths, a.Value)
					}
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(el)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	if len(rects) != 2 {
		t.Errorf("bars drawn: got %d, want 2 (a zero bar is not drawn)", len(rects))
	}
	// the pattern's ground is 8 wide; the longest bar is barMax, the other half of it
	if got := strings.Join(widths, ","); got != "8,165,330" {
		t.Errorf("widths: got %s, want 8,165,330", got)
	}
	for _, want := range []string{"自评分<分布>", "<60", "3（30.00%）", "6（60.00%）"} {
		found := false
		for _, s := range texts {
			found = found || s == want
		}
		if !found {
			t.Errorf("text %q not in the chart: %q", want, texts)
		}
	}
}
