package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestBarsSVG(t *testing.T) {
	c := Bars{Title: "自评分<分布>", Bars: []Bar{
		{Label: "<60", Value: decimal.NewFromInt(0), Text: "0"},
		{Label: "90–95", Value: decimal.NewFromInt(3), Text: "3（30.00%）"},
		{Label: "≥95", Value: decimal.NewFromInt(6), Text: "6（60.00%）"},
		{Label: "Q-SATISFACTION-NO-SURVEY", Value: decimal.NewFromInt(1), Text: "1 份（10.00%）"},
	}}
	svg := c.SVG()
	// well-formed XML, so that it embeds in HTML and prints
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	styled := false
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
			for _, a := range el.Attr {
				styled = styled || a.Name.Local == "style"
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(el)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	if styled {
		t.Error("style attributes: the page's CSP would drop them")
	}
	// the title, every category and every bar's own text
	for _, want := range []string{"自评分<分布>", "<60", "90–95", "≥95", "Q-SATISFACTION-NO-SURVEY", "0", "3（30.00%）", "6（60.00%）", "1 份（10.00%）"} {
		found := false
		for _, s := range texts {
			found = found || s == want
		}
		if !found {
			t.Errorf("text %q not in the chart: %q", want, texts)
		}
	}
	if !strings.HasPrefix(svg, `<svg class="chart"`) || !strings.Contains(svg, `aria-label="自评分&lt;分布&gt;"`) {
		t.Errorf("no class or accessible name: %.200s", svg)
	}
}

func TestBarsSVGEmpty(t *testing.T) {
	if svg := (Bars{Title: "空"}).SVG(); !strings.HasPrefix(svg, "<svg") {
		t.Errorf("empty chart: %q", svg)
	}
}
