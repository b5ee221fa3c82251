// Package chart draws the bar charts of the report and of the dashboard
// with github.com/go-analyze/charts, in Go: SVG for the screen, PNG for
// Word and PDF, from one set of options, so that screen and paper show
// the same picture and no JavaScript or external tool is needed. Values
// are float64: they are only drawn, never added up or printed as figures
// of record.
//
// The bars run across, one row per bar, each with its value (or the text
// given for it) written at its end: labels cannot run into one another
// however long the category names or however close the values, and a
// chart reads without colour. Series are told apart by the legend, by
// their fixed order within each group and by the lightness of their fill
// (dark, light, middle), which survives greyscale printing.
package chart

import (
	"math"
	"strconv"

	"github.com/go-analyze/charts"
	"github.com/golang/freetype/truetype"
)

// Chart is a grouped bar chart: one group of bars per category, one bar
// per series, drawn in the order given from the top down.
type Chart struct {
	Title      string
	Unit       string // the value axis unit ("万元", "分")
	Categories []string
	Series     []Series
	// NoValueAxis leaves out the value axis when every bar says its
	// value and the axis would only repeat it in other units (a share
	// drawn as 0–1 beside "12（30.00%）").
	// The bars then run to the largest value.
	NoValueAxis bool
	// NoTitle leaves the title out of the picture (it stays the SVG's
	// accessible name) where the page heads the chart already.
	NoTitle bool
}

// Series is one set of bars. A NaN value draws no bar.
type Series struct {
	Name   string
	Values []float64
	// Labels, when given, are written at the bars' ends in place of the
	// values ("12（30.00%）"); an empty one falls back to the value.
	Labels []string
}

// Width of the drawing in pixels (SVG user units); PNGs are drawn at
// Scale times the size for print. The height grows with the bars (Height).
const (
	Width = 640
	Scale = 2
)

// Row geometry, unscaled.
const (
	titleH   = 44
	legendH  = 26
	barH     = 16 // one bar, more than the value label's height
	groupGap = 14
	axisH    = 34
	// category labels wider than this share of the width are cut with "…"
	labelShare = 0.36
)

// palette: dark, light, middle, so that series differ in greyscale too.
var palette = []charts.Color{
	{R: 0x1f, G: 0x3a, B: 0x5f, A: 0xff},
	{R: 0xa9, G: 0xc4, B: 0xe0, A: 0xff},
	{R: 0xd0, G: 0x7a, B: 0x1e, A: 0xff},
	{R: 0x55, G: 0x55, B: 0x55, A: 0xff},
}

// Height is the drawing's height in unscaled units: room for every bar.
func (c *Chart) Height() int {
	h := len(c.Categories)*(max(len(c.Series), 1)*barH+groupGap) + 12
	if !c.NoTitle {
		h += titleH
	}
	if len(c.Series) > 1 {
		h += legendH
	}
	if !c.NoValueAxis {
		h += axisH
	}
	return max(h, 60)
}

// drawing is a chart drawn by the library, with the category labels as
// drawn (cut to fit) and their widths as measured.
type drawing struct {
	p      *charts.Painter
	labels map[string]int
}

// render draws c at scale s into a painter of the given output format,
// with text set in f (measured in it, for SVG; drawn in it, for PNG).
func (c *Chart) render(format string, f *truetype.Font, s int) (drawing, error) {
	fs := func(size float64) charts.FontStyle {
		return charts.FontStyle{Font: f, FontSize: size * float64(s), FontColor: charts.ColorBlack}
	}
	n := len(c.Categories)
	// the library draws the first category at the bottom: reverse, so
	// that the chart reads top down in the order of the table beside it
	rev := func(i int) int { return n - 1 - i }
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: format, Width: Width * s, Height: c.Height() * s, Font: f})
	measure := func(t string, size float64) int { return p.MeasureText(t, 0, fs(size)).Width() }
	cats := make([]string, n)
	d := drawing{p: p, labels: map[string]int{}}
	for i, cat := range c.Categories {
		cats[rev(i)] = clip(cat, int(labelShare*float64(Width*s)), func(t string) int { return measure(t, 12) })
		d.labels[cats[rev(i)]] = measure(cats[rev(i)], 12)
	}
	var list charts.BarSeriesList
	var all []string // every bar's text, to make room for the longest
	for _, ser := range c.Series {
		vals := make([]float64, n)
		texts := make([]string, n)
		for i := range n {
			v := math.NaN()
			if i < len(ser.Values) {
				v = ser.Values[i]
			}
			vals[rev(i)] = v
			if !math.IsNaN(v) {
				texts[rev(i)] = label(v)
				if i < len(ser.Labels) && ser.Labels[i] != "" {
					texts[rev(i)] = ser.Labels[i]
				}
			}
		}
		all = append(all, texts...)
		bs := charts.BarSeries{Name: ser.Name, Values: vals}
		bs.Label.Show = charts.Ptr(true)
		bs.Label.FontStyle = fs(11)
		bs.Label.LabelFormatter = labelsOf(vals, texts)
		list = append(list, bs)
	}
	opt := charts.NewBarChartOptionWithSeries(list)
	opt.Horizontal = true
	opt.Theme = charts.GetDefaultTheme().WithSeriesColors(palette).WithTextColor(charts.ColorBlack)
	if !c.NoTitle {
		opt.Title = charts.TitleOption{Text: c.Title, FontStyle: fs(15)}
	}
	opt.CategoryAxis.Labels = cats
	opt.CategoryAxis.LabelFontStyle = fs(12)
	// budget bars start at zero, never at the smallest value
	opt.ValueAxis[0].Min = charts.Ptr(0.0)
	opt.ValueAxis[0].LabelFontStyle = fs(11)
	opt.ValueFormatter = label // 600, not 600.00
	most := 0.0
	for _, ser := range list {
		for _, v := range ser.Values {
			if !math.IsNaN(v) {
				most = max(most, v)
			}
		}
	}
	// four or five round ticks (0, 200 … 800; 0, 5 … 20): with the
	// library's own, many crowded into one another ("700800") or fell on
	// 5.25 and 15.75
	if step := niceStep(most / 4); step > 0 {
		top := math.Ceil(most/step) * step
		opt.ValueAxis[0].Max = charts.Ptr(top)
		opt.ValueAxis[0].LabelCount = int(math.Round(top/step)) + 1
	}
	if c.Unit != "" {
		opt.ValueAxis[0].Title = "单位：" + c.Unit
		opt.ValueAxis[0].TitleFontStyle = fs(11)
	}
	if c.NoValueAxis {
		opt.ValueAxis[0].Show = charts.Ptr(false)
		// no ticks to round to: the longest bar spans the plot
		if most > 0 {
			opt.ValueAxis[0].Max = charts.Ptr(most)
		}
	}
	opt.Legend.Show = charts.Ptr(len(c.Series) > 1)
	opt.Legend.FontStyle = fs(12)
	opt.Legend.Offset = charts.OffsetStr{Left: charts.PositionRight, Top: "0"}
	opt.SeriesLabelPosition = charts.PositionRight
	// room on the right for the longest bar's label, and a fifth more
	// for a reader's font wider than the one measured
	right := 0
	for _, t := range all {
		right = max(right, measure(t, 11)*6/5)
	}
	opt.Padding = charts.Box{Top: 12 * s, Left: 12 * s, Bottom: 10 * s, Right: right + 16*s, IsSet: true}
	if len(list) == 0 || n == 0 {
		return d, nil
	}
	if err := p.BarChart(opt); err != nil {
		return d, err
	}
	return d, nil
}

// labelsOf gives each bar its text. The library (v0.6.4) passes the
// formatter the series' index where it documents the bar's, but calls it
// once per drawn bar in order: the calls are counted, and a value that
// does not match the bar counted falls back to the value itself, so a
// label is never wrong even if that order changes.
func labelsOf(vals []float64, texts []string) charts.SeriesLabelFormatter {
	next := 0
	return func(_ int, _ string, v float64) (string, *charts.LabelStyle) {
		for next < len(vals) && math.IsNaN(vals[next]) {
			next++
		}
		if next < len(vals) && vals[next] == v {
			next++
			return texts[next-1], nil
		}
		return label(v), nil
	}
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten; 0 for x ≤ 0.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsInf(x, 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if x <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// label formats a value for the end of its bar.
func label(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// clip shortens a category name wider than w; the table beside the chart
// has it whole.
func clip(s string, w int, width func(string) int) string {
	if width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
