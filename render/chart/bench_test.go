package chart

import (
	"io"
	"strconv"
	"testing"
)

// BenchmarkPNG draws a report's 各指标分值与得分 chart of 15 indicators, the
// larger of its two charts, for print.
func BenchmarkPNG(b *testing.B) {
	f, err := ParseFont(loadFontB(b))
	if err != nil {
		b.Fatal(err)
	}
	c := &Chart{Title: "各指标分值与得分", Unit: "分", Series: []Series{{Name: "分值"}, {Name: "得分"}}}
	for i := range 15 {
		c.Categories = append(c.Categories, "指标"+strconv.Itoa(i))
		c.Series[0].Values = append(c.Series[0].Values, 10)
		c.Series[1].Values = append(c.Series[1].Values, 9.5)
	}
	for b.Loop() {
		if err := c.PNG(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
