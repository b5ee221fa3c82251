// Package chart draws the dashboards' bar charts as SVG, in Go, from
// figures the server has computed: no JavaScript, no network, the same
// picture in every browser and when printed. Each bar carries its value
// as text at its end and a hatch pattern of its series, so that a chart
// reads without colour; the page puts the same figures in a table beside
// it.
package chart

import (
	"fmt"
	"html"
	"strings"

	"github.com/shopspring/decimal"
)

// Bar is one bar: its label, its length and the text written at its end.
type Bar struct {
	Label string
	Value decimal.Decimal // ≥ 0; the length, against the chart's largest value
	Text  string          // what the bar says ("12（30.00%）")
}

// Bars is a horizontal bar chart.
type Bars struct {
	ID    string // unique on the page: it prefixes the pattern's id
	Title string // the chart's accessible name
	Bars  []Bar
	// Pattern is the hatch of every bar: 0 diagonal, 1 crossed, 2 dotted,
	// 3 horizontal; a page with several charts varies it.
	Pattern int
}

// Geometry, in SVG user units (the SVG scales to its container).
const (
	labelW = 210 // the longest finding codes (Q-SATISFACTION-NO-SURVEY) at 13 px
	barMax = 330
	textW  = 130
	rowH   = 26
	barH   = 18
	width  = labelW + barMax + textW
)

// SVG is the chart as an inline <svg> element. Labels and texts are
// escaped.
func (c Bars) SVG() string {
	var b strings.Builder
	h := rowH*len(c.Bars) + 8
	id := html.EscapeString(c.ID) + "-hatch"
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		width, h, html.EscapeString(c.Title))
	fmt.Fprintf(&b, `<title>%s</title><defs>%s</defs>`, html.EscapeString(c.Title), pattern(id, c.Pattern))
	most := decimal.Zero
	for _, bar := range c.Bars {
		most = decimal.Max(most, bar.Value)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="0" x2="%d" y2="%d" stroke="#333" stroke-width="1"/>`, labelW, labelW, h)
	for i, bar := range c.Bars {
		y := 4 + i*rowH
		n := 0
		if most.IsPositive() && bar.Value.IsPositive() {
			n = int(bar.Value.Mul(decimal.NewFromInt(barMax)).DivRound(most, 0).IntPart())
			n = max(n, 1) // a non-zero value is never drawn as nothing
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13">%s</text>`, labelW-6, y+barH-4, html.EscapeString(bar.Label))
		if n > 0 {
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="url(#%s)" stroke="#1f3a5f" stroke-width="1"/>`, labelW, y, n, barH, id)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13">%s</text>`, labelW+n+6, y+barH-4, html.EscapeString(bar.Text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// pattern is the hatch of style k, dark strokes on a pale ground, so
// that it prints in black and white.
func pattern(id string, k int) string {
	var marks string
	switch k % 4 {
	case 0:
		marks = `<path d="M0,8 L8,0" stroke="#1f3a5f" stroke-width="2"/>`
	case 1:
		marks = `<path d="M0,8 L8,0 M0,0 L8,8" stroke="#5f1f1f" stroke-width="1.5"/>`
	case 2:
		marks = `<circle cx="4" cy="4" r="1.8" fill="#1f5f2a"/>`
	default:
		marks = `<path d="M0,4 L8,4" stroke="#5f4a1f" stroke-width="2"/>`
	}
	return fmt.Sprintf(`<pattern id="%s" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e8eef6"/>%s</pattern>`, id, marks)
}
