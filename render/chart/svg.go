package chart

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// SVG writes the chart as a standalone SVG element (no XML prolog), ready
// to inline in HTML. Text uses the reader's CJK fonts.
func (c *Chart) SVG(w io.Writer) error {
	l := c.layout()
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" font-family="'FangSong','STFangsong','LXGW WenKai','Noto Sans CJK SC',sans-serif">`,
		Width, Height, Width, Height, html.EscapeString(c.Title))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`, Width, Height)
	fmt.Fprintf(&b, `<text x="%d" y="26" text-anchor="middle" font-size="17" font-weight="bold">%s</text>`, Width/2, html.EscapeString(c.Title))
	if c.Unit != "" {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" fill="#555">单位：%s</text>`, l.left-56, l.top-10, html.EscapeString(c.Unit))
	}
	for _, v := range l.ticks {
		y := l.y(v)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`, l.left, y, l.right, y)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" font-size="12" fill="#555">%s</text>`, l.left-6, y+4, label(v))
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`, l.left, l.bottom, l.right, l.bottom)
	for _, br := range c.bars(l) {
		p := palette[br.series%len(palette)]
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#%02x%02x%02x"/>`, br.x, br.y, br.w, br.h, p[0], p[1], p[2])
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11">%s</text>`, br.x+br.w/2, br.y-4, label(br.value))
	}
	group := (l.right - l.left) / float64(max(len(c.Categories), 1))
	for i, cat := range c.Categories {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="12">%s</text>`, l.left+group*(float64(i)+0.5), l.bottom+18, html.EscapeString(clip(cat, 8)))
	}
	x := l.left
	for s, ser := range c.Series {
		p := palette[s%len(palette)]
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="12" height="12" fill="#%02x%02x%02x"/>`, x, Height-24, p[0], p[1], p[2])
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12">%s</text>`, x+16, Height-14, html.EscapeString(ser.Name))
		x += 16 + 14*float64(len([]rune(ser.Name))) + 24
	}
	b.WriteString(`</svg>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// clip shortens a long category name so labels do not collide.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
