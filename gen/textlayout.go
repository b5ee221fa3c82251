package gen

import (
	"bufio"
	"io"
	"strings"

	"jixiao"
	"jixiao/render/report"
	"jixiao/score"
)

// WriteText writes ev's 自评表 as the text a word processor exports from
// the Word table, the way the sample (yanfeng-sfj-2024.txt) reads: every
// cell on its own line starting with a TAB (the further lines of a cell
// without one), a blank line between table rows, merged cells once, and
// an empty cell where a vertical merge continues. The title is the first
// row, as in the published tables.
func WriteText(w io.Writer, ev *jixiao.Evaluation, rs *jixiao.RuleSet) error {
	g := report.Table(ev, score.Score(ev, rs), rs)
	bw := bufio.NewWriter(w)
	bw.WriteString("\n附件1\n")
	cell := func(text string) {
		bw.WriteByte('\t')
		bw.WriteString(strings.TrimRight(text, "\n"))
		bw.WriteByte('\n')
	}
	cell(g.Title)
	if g.Subtitle != "" {
		bw.WriteByte('\n')
		cell(g.Subtitle)
	}
	if g.Note != "" {
		bw.WriteByte('\n')
		cell(g.Note)
	}
	own := owners(g)
	for i, r := range g.Rows {
		bw.WriteByte('\n')
		for j, c := range r {
			switch o := own[i][j]; {
			case !c.Covered:
				cell(c.Text)
			case o[0] < i && o[1] == j:
				cell("") // a vertical merge continues: Word exports an empty cell
			}
		}
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// owners maps every slot of g to the top-left slot of the cell holding it.
func owners(g *report.Grid) [][][2]int {
	o := make([][][2]int, len(g.Rows))
	for i := range o {
		o[i] = make([][2]int, len(g.Widths))
	}
	for i, r := range g.Rows {
		for j, c := range r {
			if c.Covered {
				continue
			}
			for di := 0; di < max(c.RowSpan, 1) && i+di < len(o); di++ {
				for dj := 0; dj < max(c.ColSpan, 1) && j+dj < len(o[i]); dj++ {
					o[i+di][j+dj] = [2]int{i, j}
				}
			}
		}
	}
	return o
}
