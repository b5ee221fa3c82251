package report_test

import (
	"slices"
	"testing"

	"jixiao/internal/sample"
	"jixiao/notation"
	"jixiao/render/report"
)

// TestTableUnit: the template has no 度量单位 column, so an indicator read
// with one prints each bare figure with its unit, and one that writes its
// own unit prints as written.
func TestTableUnit(t *testing.T) {
	tests := []struct {
		target, actual, unit string
		want                 []string
	}{
		{"≤5", "3", "%", []string{"≤5%", "3%"}},
		{"≥500", "520人", "人", []string{"≥500人", "520人"}},
		{"≥95%", "96%", "", []string{"≥95%", "96%"}},
	}
	for _, tt := range tests {
		t.Run(tt.target+"|"+tt.unit, func(t *testing.T) {
			ev := sample.Yanfeng()
			in := &ev.Indicators[0]
			in.Unit, in.Target, in.Actual = tt.unit, notation.ParseValueIn(tt.target, tt.unit), notation.ParseValueIn(tt.actual, tt.unit)
			res, rs := build(t, ev)
			g := report.Table(ev, res, rs)
			for _, row := range g.Rows {
				if slices.ContainsFunc(row, func(c report.Cell) bool { return c.ID == "ind.0.W" }) {
					var texts []string
					for _, c := range row {
						texts = append(texts, c.Text)
					}
					for _, w := range tt.want {
						if !slices.Contains(texts, w) {
							t.Errorf("row %q has no cell %q", texts, w)
						}
					}
					return
				}
			}
			t.Fatal("no row for the first indicator")
		})
	}
}
