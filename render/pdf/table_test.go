package pdf

import (
	"fmt"
	"os"
	"testing"

	"jixiao/render/internal/cjkfont"
	"jixiao/render/report"
)

// TestBreakKeepsMergedText: a page break may cut a merged cell only where
// both parts have room for its text, which each part prints again.
func TestBreakKeepsMergedText(t *testing.T) {
	_, data, err := cjkfont.Load("")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	d, err := newDoc(Options{Font: data}, "t")
	if err != nil {
		t.Fatal(err)
	}
	g := report.NewGrid(20, 60)
	for range 6 {
		g.AddRow()
	}
	// three lines over six rows of one line: no part of fewer than three
	// rows holds it
	g.Set(0, 0, report.Cell{Text: "服务\n对象\n满意", RowSpan: 6})
	for i := range 6 {
		g.Set(i, 1, report.Cell{Text: fmt.Sprint(i)})
	}
	tb := d.measure(g)
	for _, c := range []struct {
		name        string
		first, full float64
		want        string
	}{
		// no part of fewer than three rows holds the label: the break
		// before row 3 is the only one
		{"five rows a page", tb.height(0, 5), tb.height(0, 5), "[3]"},
		{"four rows, then a page", tb.height(0, 4), pageH - marginTop - marginBottom, "[3]"},
		{"all fits", tb.height(0, 6), tb.height(0, 6), "[]"},
	} {
		if got := fmt.Sprint(report.Paginate(g, tb.layout(c.first, c.full))); got != c.want {
			t.Errorf("%s: breaks %s, want %s", c.name, got, c.want)
		}
	}
}
