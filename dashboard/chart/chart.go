// Package chart draws the dashboards' bar charts from figures the server
// has computed, with the report's chart code (jixiao/render/chart, on
// github.com/go-analyze/charts): SVG drawn in Go, no JavaScript, no
// network, the same picture in every browser and when printed. Each bar
// carries its value as text at its end, and the bars of a chart are of one
// series, so that a chart reads without colour; the page puts the same
// figures in a table beside it.
package chart

import (
	"strings"

	"github.com/shopspring/decimal"

	rchart "jixiao/render/chart"
)

// Bar is one bar: its label, its length and the text written at its end.
type Bar struct {
	Label string
	Value decimal.Decimal // ≥ 0; the length, against the chart's largest value
	Text  string          // what the bar says ("12（30.00%）")
}

// Bars is a horizontal bar chart, its bars top down in the order given.
type Bars struct {
	Title string // the chart's accessible name (the page heads it)
	Bars  []Bar
}

// SVG is the chart as an inline <svg> element, its text escaped, its
// styling in presentation attributes (the page's CSP forbids inline
// styles) and its text in the page's font. A chart that cannot be drawn
// is left out: the table beside it has the figures.
func (c Bars) SVG() string {
	ch := rchart.Chart{Title: c.Title, NoTitle: true, NoValueAxis: true, Series: []rchart.Series{{}}}
	s := &ch.Series[0]
	for _, b := range c.Bars {
		v, _ := b.Value.Float64() // drawn only
		ch.Categories = append(ch.Categories, b.Label)
		s.Values = append(s.Values, v)
		s.Labels = append(s.Labels, b.Text)
	}
	var out strings.Builder
	if err := ch.SVG(&out); err != nil {
		return ""
	}
	return out.String()
}
