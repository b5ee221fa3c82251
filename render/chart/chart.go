// Package chart draws the report's bar charts in Go, as SVG for HTML and
// as PNG for Word and PDF, so that screen and paper show the same picture
// and no JavaScript or external tool is needed. Values are float64: they
// are only drawn, never added up or printed as figures of record.
package chart

import (
	"math"
	"strconv"
)

// Chart is a grouped bar chart: one group of bars per category, one bar
// per series.
type Chart struct {
	Title      string
	Unit       string // the value axis unit ("万元", "分")
	Categories []string
	Series     []Series
}

// Series is one set of bars. A NaN value draws no bar.
type Series struct {
	Name   string
	Values []float64
}

// Size of the drawing in pixels (SVG user units); PNGs are drawn at
// Scale times this for print.
const (
	Width  = 640
	Height = 360
	Scale  = 2
)

// palette is print-friendly and tells series apart in greyscale too.
var palette = [][3]uint8{{0x2f, 0x5d, 0x8a}, {0xe0, 0x8a, 0x2c}, {0x6a, 0xa8, 0x4f}, {0x9b, 0x59, 0xb6}}

// layout is the geometry shared by the SVG and PNG writers.
type layout struct {
	left, top, right, bottom float64 // plot area
	max                      float64 // value at the top of the axis
	ticks                    []float64
}

func (c *Chart) layout() layout {
	// room under the axis for two lines of category labels above the legend
	l := layout{left: 64, top: 48, right: Width - 16, bottom: Height - 72}
	m := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && v > m {
				m = v
			}
		}
	}
	step := niceStep(m / 5)
	if step == 0 {
		step = 1
	}
	l.max = math.Ceil(m/step) * step
	if l.max == 0 {
		l.max = step
	}
	for v := 0.0; v <= l.max+step/2; v += step {
		l.ticks = append(l.ticks, v)
	}
	return l
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if x <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func (l layout) y(v float64) float64 {
	return l.bottom - (l.bottom-l.top)*v/l.max
}

// bar is one bar's rectangle and the series it belongs to.
type bar struct {
	x, y, w, h float64
	series     int
	value      float64
}

func (c *Chart) bars(l layout) []bar {
	var out []bar
	n := len(c.Categories)
	if n == 0 || len(c.Series) == 0 {
		return nil
	}
	group := (l.right - l.left) / float64(n)
	bw := group * 0.7 / float64(len(c.Series))
	for i := range c.Categories {
		x0 := l.left + group*float64(i) + group*0.15
		for s, ser := range c.Series {
			if i >= len(ser.Values) || math.IsNaN(ser.Values[i]) {
				continue
			}
			v := math.Max(ser.Values[i], 0)
			y := l.y(v)
			out = append(out, bar{x: x0 + bw*float64(s), y: y, w: bw * 0.92, h: l.bottom - y, series: s, value: ser.Values[i]})
		}
	}
	return out
}

// label formats a value for the top of its bar.
func label(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
