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
	var got []bool
	for at := 1; at < 6; at++ {
		got = append(got, tb.canBreak(0, at, false))
	}
	if want := []bool{false, false, true, false, false}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("breaks allowed before rows 1-5: got %v, want %v", got, want)
	}
	if to := tb.breakAt(0, 6, tb.height(0, 5), false); to != 3 {
		t.Errorf("room for five rows: break before row %d, want 3", to)
	}
	if to := tb.breakAt(0, 6, tb.height(0, 2), false); to != 0 {
		t.Errorf("room for two rows: break before row %d, want none (0)", to)
	}
}
