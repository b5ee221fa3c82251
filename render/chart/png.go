package chart

import (
	"fmt"
	"io"
	"sync"

	"github.com/go-analyze/charts"
	"github.com/golang/freetype/truetype"
)

// Font is a parsed TrueType font for chart labels.
type Font struct{ f *truetype.Font }

var parsed sync.Map // *byte of the data → *Font

// ParseFont parses TrueType data; the result for the same slice is cached
// because a CJK font takes long to parse.
func ParseFont(data []byte) (*Font, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("chart: empty font data")
	}
	if f, ok := parsed.Load(&data[0]); ok {
		return f.(*Font), nil
	}
	f, err := truetype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("chart: parse font: %w", err)
	}
	ft := &Font{f: f}
	parsed.Store(&data[0], ft)
	return ft, nil
}

// PNG writes the chart as a PNG at Scale times Width × Height(), with
// labels in f.
func (c *Chart) PNG(w io.Writer, f *Font) error {
	if f == nil {
		return fmt.Errorf("chart: a PNG needs a font")
	}
	d, err := c.render(charts.ChartOutputPNG, f.f, Scale)
	if err != nil {
		return fmt.Errorf("chart: %s: %w", c.Title, err)
	}
	b, err := d.p.Bytes()
	if err != nil {
		return fmt.Errorf("chart: %s: %w", c.Title, err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}
