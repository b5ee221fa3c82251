package chart

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/go-analyze/charts"
	"github.com/golang/freetype/truetype"

	"jixiao/render/internal/cjkfont"
)

// measureFont is the font the SVG's layout is measured in: the built-in
// CJK face, whose ideographs are one em wide as in every CJK font the
// reader's browser may use. Without it the library would measure Chinese
// in its Latin font and under-size every label.
var measureFont = sync.OnceValue(func() *Font {
	_, data, err := cjkfont.Load("")
	if err != nil {
		return nil
	}
	f, _ := ParseFont(data)
	return f
})

// SVG writes the chart as a standalone SVG element (no XML prolog), ready
// to inline in HTML. Its text takes the font of the page around it, and
// its styling is in presentation attributes, not style attributes, so
// that a page whose Content-Security-Policy forbids inline styles shows
// it as drawn.
func (c *Chart) SVG(w io.Writer) error {
	var tf *truetype.Font // nil: the library's own
	if f := measureFont(); f != nil {
		tf = f.f
	}
	d, err := c.render(charts.ChartOutputSVG, tf, 1)
	if err != nil {
		return fmt.Errorf("chart: %s: %w", c.Title, err)
	}
	b, err := d.p.Bytes()
	if err != nil {
		return fmt.Errorf("chart: %s: %w", c.Title, err)
	}
	b = endAnchored(presentational(b), d.labels)
	title := html.EscapeString(c.Title)
	head := fmt.Sprintf(`<svg class="chart" width="%d" height="%d" role="img" aria-label="%s"`, Width, c.Height(), title)
	b = bytes.Replace(b, []byte("<svg"), []byte(head), 1)
	if i := bytes.IndexByte(b, '>'); i >= 0 {
		b = append(b[:i+1:i+1], append([]byte("<title>"+title+"</title>"), b[i+1:]...)...)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}

var textStart = regexp.MustCompile(`<text x="(-?[0-9.]+)"([^>]*)>([^<]*)</text>`)

// endAnchored anchors the category labels at their right end, where they
// meet the axis: the library places each by its width in the measuring
// font, and a reader's font with wider Latin letters would otherwise run
// into the bars ("Q-GOAL-ACTUAL-VAGUE").
func endAnchored(svg []byte, widths map[string]int) []byte {
	return textStart.ReplaceAllFunc(svg, func(m []byte) []byte {
		g := textStart.FindSubmatch(m)
		w, ok := widths[html.UnescapeString(string(g[3]))]
		if !ok {
			return m
		}
		x, err := strconv.ParseFloat(string(g[1]), 64)
		if err != nil {
			return m
		}
		return fmt.Appendf(nil, `<text x="%s" text-anchor="end"%s>%s</text>`, strconv.FormatFloat(x+float64(w), 'f', -1, 64), g[2], g[3])
	})
}

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentational turns each style="k:v;…" the library writes into k="v"
// attributes, and drops font-family so that text inherits the page's
// font (the library names its measuring font, which the reader may lack).
func presentational(svg []byte) []byte {
	return styleAttr.ReplaceAllFunc(svg, func(m []byte) []byte {
		decls := styleAttr.FindSubmatch(m)[1]
		var out []string
		for d := range strings.SplitSeq(string(decls), ";") {
			k, v, ok := strings.Cut(d, ":")
			k = strings.TrimSpace(k)
			if !ok || k == "" || k == "font-family" {
				continue
			}
			out = append(out, k+`="`+strings.TrimSpace(v)+`"`)
		}
		return []byte(strings.Join(out, " "))
	})
}
