package report_test

import (
	"fmt"
	"slices"
	"testing"

	"jixiao/render/report"
)

// blockGrid is a table like the 自评表's: rows of a budget block (each a
// band of its own), then a heading row and indicator rows, column 0 the
// 绩效指标 label over heading and rows, column 1 the 一级 and column 2 the
// 二级 groups: groups[k] lists the 二级 group sizes of 一级 group k; then
// the 总分 row.
func blockGrid(top int, groups [][]int) *report.Grid {
	g := report.NewGrid(20, 16, 17, 21)
	for i := 0; i < top; i++ {
		r := g.AddRow()
		g.Set(r, 0, report.Cell{Text: fmt.Sprint("预算", i), ColSpan: 4})
	}
	n := 0
	for _, l2s := range groups {
		for _, k := range l2s {
			n += k
		}
	}
	h := g.AddRow()
	for i := 0; i < n; i++ {
		g.AddRow()
	}
	g.Set(h, 0, report.Cell{Text: report.LabelIndicator, RowSpan: n + 1})
	g.Set(h, 1, report.Cell{Text: report.LabelLevel1})
	g.Set(h, 2, report.Cell{Text: report.LabelLevel2})
	g.Set(h, 3, report.Cell{Text: report.LabelLevel3})
	g.Headings = []report.Heading{{Row: h, End: h + 1 + n}}
	r := h + 1
	for a, l2s := range groups {
		size := 0
		for _, k := range l2s {
			size += k
		}
		g.Set(r, 1, report.Cell{Text: fmt.Sprint("一级", a), RowSpan: size})
		for b, k := range l2s {
			g.Set(r, 2, report.Cell{Text: fmt.Sprint("二级", a, b), RowSpan: k})
			for i := 0; i < k; i++ {
				g.Set(r+i, 3, report.Cell{Text: fmt.Sprint("三级", r+i)})
			}
			r += k
		}
	}
	t := g.AddRow()
	g.Set(t, 0, report.Cell{Text: report.LabelTotal, ColSpan: 4})
	return g
}

// uniform lays every row out 10 high, each cell needing one row.
func uniform(g *report.Grid, first, full float64) report.Layout {
	l := report.Layout{Heights: make([]float64, len(g.Rows)), Need: map[[2]int]float64{}, First: first, Full: full}
	for i := range l.Heights {
		l.Heights[i] = 10
	}
	for i, row := range g.Rows {
		for j, c := range row {
			if !c.Covered {
				l.Need[[2]int{i, j}] = 10
			}
		}
	}
	return l
}

func TestPaginate(t *testing.T) {
	cases := []struct {
		name        string
		top         int
		groups      [][]int
		first, full float64
		want        []int
	}{
		// 3 budget rows + heading + 5 rows + 总分 = 100
		{"fits", 3, [][]int{{3}, {2}}, 100, 100, nil},
		// heading + 9 rows + 总分 = 110: the page could end before 总分,
		// but 总分 goes with the last group
		{"total never alone", 0, [][]int{{4}, {5}}, 100, 100, []int{5}},
		// the block (80) fits a fresh page but not the 40 left: it breaks
		// after 一级 group 0 (heading 10 + 30), which fills them
		{"group boundary on the first page", 6, [][]int{{3}, {4}}, 100, 100, []int{10}},
		// one 一级 group of 12 rows, taller than a page: it breaks at the
		// 二级 boundary (row 8, after 二级 0's 6 rows), not at the last row
		// that fits (10)
		{"tall group at its 二级 boundary", 1, [][]int{{6, 6}}, 100, 100, []int{8}},
		// a single 二级 group taller than a page: cut where the page ends
		{"tall 二级 cut where the page ends", 0, [][]int{{14}}, 100, 100, []int{10}},
		// the 20 left on page one end inside 一级 group 0: the block, which
		// fits a page, moves to the next whole
		{"block moves whole", 8, [][]int{{2}, {2}}, 100, 100, []int{8}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := blockGrid(c.top, c.groups)
			got := report.Paginate(g, uniform(g, c.first, c.full))
			if !slices.Equal(got, c.want) {
				t.Errorf("breaks %v, want %v", got, c.want)
			}
			// every page fits, its repeated heading included
			l := uniform(g, c.first, c.full)
			for k, rows := range g.Chunks(got) {
				h := 0.0
				for _, r := range rows {
					h += l.Heights[r]
				}
				room := c.full
				if k == 0 {
					room = c.first
				}
				if h > room {
					t.Errorf("page %d: rows %v are %.0f high, the page %.0f", k+1, rows, h, room)
				}
			}
		})
	}
}

// TestChunksRepeatHeading: a continued page starts with the heading row.
func TestChunksRepeatHeading(t *testing.T) {
	g := blockGrid(1, [][]int{{3}, {3}})
	got := g.Chunks([]int{5})
	want := [][]int{{0, 1, 2, 3, 4}, {1, 5, 6, 7, 8}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("chunks %v, want %v", got, want)
	}
}
