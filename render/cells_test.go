package render_test

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"jixiao"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"

	"github.com/shopspring/decimal"
)

// cellDPI is the resolution pages are drawn at to find the table's rules.
const cellDPI = 150

// minRule is the shortest run of dark pixels taken for a table rule, not a
// glyph's stroke: longer than any character at 10.5 pt (22 px at 150 dpi),
// shorter than the lowest row (8 mm in docx, 22 pt × LibreOffice's scale
// in xlsx).
const minRule = 34

// segment is a table rule on a page, in PDF points from the top left: a
// horizontal one at Y from A to B, or a vertical one at X from A to B.
type segment struct{ at, a, b float64 }

type rules2D struct{ h, v []segment }

// pageRules draws the PDF's pages and finds the table's rules on each.
func pageRules(t *testing.T, pdf, prefix string) []rules2D {
	t.Helper()
	bin := tool(t, "pdftoppm")
	if out, err := exec.Command(bin, "-r", fmt.Sprint(cellDPI), "-gray", "-png", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(prefix + "*.png")
	sort.Slice(files, func(i, j int) bool {
		if len(files[i]) != len(files[j]) {
			return len(files[i]) < len(files[j])
		}
		return files[i] < files[j]
	})
	var out []rules2D
	for _, f := range files {
		out = append(out, findRules(t, f))
	}
	return out
}

func findRules(t *testing.T, file string) rules2D {
	t.Helper()
	fh, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	img, err := png.Decode(fh)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	b := img.Bounds()
	dark := func(x, y int) bool {
		g, ok := img.(*image.Gray)
		if ok {
			return g.GrayAt(x, y).Y < 140
		}
		r, gg, bb, _ := img.At(x, y).RGBA()
		return (r+gg+bb)/3 < 140<<8
	}
	pt := 72.0 / cellDPI
	var r rules2D
	// rows of pixels give the horizontal rules, columns the vertical ones
	scan(b.Min.Y, b.Max.Y, b.Min.X, b.Max.X, func(y, x int) bool { return dark(x, y) }, func(at, from, to int) {
		r.h = append(r.h, segment{float64(at) * pt, float64(from) * pt, float64(to) * pt})
	})
	scan(b.Min.X, b.Max.X, b.Min.Y, b.Max.Y, dark, func(at, from, to int) {
		r.v = append(r.v, segment{float64(at) * pt, float64(from) * pt, float64(to) * pt})
	})
	return r
}

// scan reports the runs of at least minRule dark pixels along each line
// at of [a0, a1), over positions [b0, b1).
func scan(a0, a1, b0, b1 int, dark func(at, pos int) bool, emit func(at, from, to int)) {
	for at := a0; at < a1; at++ {
		run := 0
		for pos := b0; pos <= b1; pos++ {
			if pos < b1 && dark(at, pos) {
				run++
				continue
			}
			if run >= minRule {
				emit(at, pos-run, pos)
			}
			run = 0
		}
	}
}

// box is the cell a point lies in: the nearest rule on each side.
type box struct{ left, top, right, bottom float64 }

// cellOf returns the box around (x, y), false when a side has no rule
// (outside the table: the title, the page number).
func (r rules2D) cellOf(x, y float64) (box, bool) {
	var bx box
	bx.left, bx.right = nearest(r.v, x, y)
	bx.top, bx.bottom = nearest(r.h, y, x)
	ok := bx.left >= 0 && bx.top >= 0 && bx.right < 1e9 && bx.bottom < 1e9
	return bx, ok
}

// nearest returns the rules of segs nearest before and after pos among
// those that reach across (−1 and 1e9 when there is none).
func nearest(segs []segment, pos, across float64) (lo, hi float64) {
	const slack = 1.0
	lo, hi = -1, 1e9
	for _, s := range segs {
		if s.a-slack <= across && across <= s.b+slack {
			if s.at < pos && s.at > lo {
				lo = s.at
			}
			if s.at > pos && s.at < hi {
				hi = s.at
			}
		}
	}
	return lo, hi
}

// crosses reports a rule drawn through a word: its text runs over a cell's
// edge.
func (r rules2D) crosses(w bboxWord) (segment, bool) {
	const in = 1.5 // a glyph's box may touch the rule it sits by
	for _, s := range r.v {
		if w.XMin+in < s.at && s.at < w.XMax-in && s.a < w.YMax-in && w.YMin+in < s.b {
			return s, true
		}
	}
	for _, s := range r.h {
		if w.YMin+in < s.at && s.at < w.YMax-in && s.a < w.XMax-in && w.XMin+in < s.b {
			return s, true
		}
	}
	return segment{}, false
}

// checkCells asserts that every word of the table pages lies inside a
// cell's rules, that each cell's words read as the text of one cell of g
// (none cut off, none run into the next cell), that every cell of g with
// text is printed, and that a header label breaks only between its words
// (部门预算资金 / （万元）, not 部门预算资金（万 / 元）).
func checkCells(t *testing.T, g *report.Grid, doc bboxDoc, rs []rules2D) {
	t.Helper()
	if len(rs) != len(doc) {
		t.Fatalf("%d pages drawn, %d read", len(rs), len(doc))
	}
	want := map[string]report.Cell{}
	for _, row := range g.Rows {
		for _, c := range row {
			if c.Covered || c.Text == "" {
				continue
			}
			for _, s := range shownForms(c) {
				want[s] = c
			}
		}
	}
	level1 := level1Labels(g)
	printed := map[string]bool{}
	onPage := make([]map[string]bool, len(doc)) // the cells' texts on each page
	for p, page := range doc {
		onPage[p] = map[string]bool{}
		cells := map[box][]bboxWord{}
		for _, w := range page.Words {
			if s, ok := rs[p].crosses(w); ok {
				t.Errorf("page %d: %q (%.1f,%.1f)-(%.1f,%.1f) runs over a cell edge at %.1f", p+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax, s.at)
			}
			bx, ok := rs[p].cellOf((w.XMin+w.XMax)/2, (w.YMin+w.YMax)/2)
			if !ok {
				continue
			}
			cells[bx] = append(cells[bx], w)
		}
		for bx, ws := range cells {
			lines := readLines(ws)
			text := strings.Join(lines, "")
			c, ok := want[text]
			if !ok {
				t.Errorf("page %d: the cell at (%.0f,%.0f)-(%.0f,%.0f) reads %q, the text of no cell: cut off or run into its neighbour", p+1, bx.left, bx.top, bx.right, bx.bottom, text)
				continue
			}
			printed[text] = true
			onPage[p][text] = true
			if c.Header && len(lines) > 1 {
				checkLabelLines(t, p+1, c.Text, lines)
			}
			if level1[text] && len(lines) > 1 && !(len(lines) == 2 && lines[1] == "指标") {
				t.Errorf("page %d: the 一级 label %q breaks inside a word: %q", p+1, c.Text, lines)
			}
			if c.Valid && c.Kind != report.KindText && len(lines) > 1 {
				t.Errorf("page %d: the number %q is broken over lines %q", p+1, c.Text, lines)
			}
		}
	}
	for s, c := range want {
		if !printed[s] && !printedAny(printed, c) {
			t.Errorf("the cell %q is printed nowhere whole", c.Text)
		}
	}
	checkGroupLabels(t, g, onPage)
}

// level1Labels are the texts of the indicator block's 一级 cells, which
// print on one line or, at most, break before 指标 (满意度 / 指标).
func level1Labels(g *report.Grid) map[string]bool {
	out := map[string]bool{}
	n := len(g.Headings)
	if n == 0 {
		return out
	}
	hd := g.Headings[n-1]
	col := -1
	for j, c := range g.Rows[hd.Row] {
		if !c.Covered && c.Text == report.LabelLevel1 {
			col = j
		}
	}
	if col < 0 {
		return out
	}
	for r := hd.Row + 1; r < hd.End; r++ {
		if c := g.Rows[r][col]; !c.Covered && c.Text != "" {
			out[squeeze(c.Text)] = true
		}
	}
	return out
}

// checkGroupLabels: every page with an indicator row shows the row's 一级
// and 二级 labels, so a merged group cut by a page break is labelled on
// both pages, never left an empty box.
func checkGroupLabels(t *testing.T, g *report.Grid, onPage []map[string]bool) {
	t.Helper()
	n := len(g.Headings)
	if n == 0 {
		return
	}
	hd := g.Headings[n-1]
	col := map[string]int{}
	for j, c := range g.Rows[hd.Row] {
		if !c.Covered {
			col[c.Text] = j
		}
	}
	owner := report.Owners(g)
	names := map[string]int{}
	for r := hd.Row + 1; r < hd.End; r++ {
		names[squeeze(g.Rows[r][col[report.LabelLevel3]].Text)]++
	}
	for r := hd.Row + 1; r < hd.End; r++ {
		name := squeeze(g.Rows[r][col[report.LabelLevel3]].Text)
		if names[name] > 1 {
			continue // which page holds which of them cannot be told
		}
		for p, texts := range onPage {
			if !texts[name] {
				continue
			}
			for _, label := range []string{report.LabelLevel1, report.LabelLevel2} {
				o := owner[r][col[label]]
				if l := squeeze(g.Rows[o[0]][o[1]].Text); l != "" && !texts[l] {
					t.Errorf("page %d: the row %q is printed without its %s %q", p+1, name, label, l)
				}
			}
		}
	}
}

func printedAny(printed map[string]bool, c report.Cell) bool {
	for _, s := range shownForms(c) {
		if printed[s] {
			return true
		}
	}
	return false
}

// shownForms lists the ways a cell's text may print, without spaces: as
// written, and a number in the format's 2-place display.
func shownForms(c report.Cell) []string {
	forms := []string{squeeze(c.Text)}
	if c.Valid {
		switch c.Kind {
		case report.KindAmount, report.KindScore, report.KindWeight:
			forms = append(forms, c.Number.StringFixed(2), c.Number.String())
		case report.KindPercent:
			forms = append(forms, c.Number.Mul(hundred).StringFixed(2)+"%")
		}
	}
	return forms
}

// readLines puts a cell's words in reading order and returns its lines.
func readLines(ws []bboxWord) []string {
	sort.Slice(ws, func(i, j int) bool {
		if d := ws[i].YMin - ws[j].YMin; d < -2 || d > 2 {
			return d < 0
		}
		return ws[i].XMin < ws[j].XMin
	})
	var lines []string
	lastY := -100.0
	for _, w := range ws {
		if w.YMin-lastY > 2 {
			lines = append(lines, "")
			lastY = w.YMin
		}
		lines[len(lines)-1] += squeeze(w.Text)
	}
	return lines
}

// checkLabelLines: a label's line never starts with a closing bracket nor
// leaves a bracketed unit or one character alone on a line.
func checkLabelLines(t *testing.T, page int, label string, lines []string) {
	t.Helper()
	for k, l := range lines {
		r := []rune(l)
		bad := strings.ContainsAny(string(r[0]), "）)、，。") ||
			strings.ContainsAny(string(r[len(r)-1]), "（(") ||
			strings.Count(l, "（") != strings.Count(l, "）") ||
			len(r) == 1 && k == len(lines)-1
		if bad {
			t.Errorf("page %d: the label %q breaks badly: %q", page, label, lines)
			return
		}
	}
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// tableGrid is the grid render.Table lays out for ev.
func tableGrid(t *testing.T, ev *jixiao.Evaluation) *report.Grid {
	t.Helper()
	rs, err := rules.Load(ev.Rules)
	if err != nil {
		t.Fatal(err)
	}
	return report.Table(ev, score.Score(ev, rs), rs)
}

var hundred = decimal.NewFromInt(100)
