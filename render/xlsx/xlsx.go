// Package xlsx writes the 自评表 as an Excel workbook: the official layout
// with merged cells, borders on every cell of a merge, column widths, A4
// portrait page setup, 2-place number formats, and live formulas (执行率 =
// B/A, 得分, 总分) that carry their value as a cached result, so Excel and
// WPS show the table before they recalculate and recompute it when a cell
// is edited.
package xlsx

import (
	"fmt"
	"io"
	"regexp"

	"github.com/xuri/excelize/v2"

	"jixiao/render/report"
)

// Sheet is the name of the worksheet.
const Sheet = "自评表"

// Fonts named in the workbook. Users' machines have them; elsewhere the
// spreadsheet program substitutes.
const (
	TitleFont = "方正小标宋简体"
	BodyFont  = "宋体"
)

// marginTopBottom is the page's top and bottom margin, in inches.
const marginTopBottom = 0.6

// Write writes g as a one-sheet workbook.
func Write(w io.Writer, g *report.Grid) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	x := &writer{f: f, g: g, styles: map[styleKey]int{}}
	if err := x.write(); err != nil {
		return err
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

type styleKey struct {
	header, title bool
	align         report.Align
	kind          report.Kind
	size          float64
}

type writer struct {
	f      *excelize.File
	g      *report.Grid
	styles map[styleKey]int
	top    int               // first sheet row of the grid
	refs   map[string]string // cell ID → A1 reference
}

func (x *writer) style(k styleKey) (int, error) {
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: BodyFont, Size: 10.5, Bold: k.header},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}
	if !k.title {
		s.Border = []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
			{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	} else {
		s.Font = &excelize.Font{Family: TitleFont, Size: k.size}
	}
	switch k.align {
	case report.AlignLeft:
		s.Alignment.Horizontal = "left"
	case report.AlignRight:
		s.Alignment.Horizontal = "right"
	}
	switch k.kind {
	case report.KindAmount, report.KindScore:
		s.NumFmt = 2 // 0.00
	case report.KindPercent:
		s.NumFmt = 10 // 0.00%
	}
	id, err := x.f.NewStyle(s)
	if err != nil {
		return 0, fmt.Errorf("xlsx: style: %w", err)
	}
	x.styles[k] = id
	return id, nil
}

func (x *writer) write() error {
	f, g := x.f, x.g
	n := len(g.Widths)
	last, _ := excelize.ColumnNumberToName(n)
	for j, wmm := range g.Widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(Sheet, col, col, wmm/1.9); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	row := 1
	for _, t := range []struct {
		text string
		size float64
		h    float64
	}{{g.Title, 18, 34}, {g.Subtitle, 12, 22}, {g.Note, 10.5, 18}} {
		if t.text == "" {
			continue
		}
		id, err := x.style(styleKey{title: true, size: t.size})
		if err != nil {
			return err
		}
		a := fmt.Sprintf("A%d", row)
		b := fmt.Sprintf("%s%d", last, row)
		_ = f.SetCellStr(Sheet, a, t.text)
		if err := f.MergeCell(Sheet, a, b); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		_ = f.SetCellStyle(Sheet, a, b, id)
		_ = f.SetRowHeight(Sheet, row, t.h)
		row++
	}
	x.top = row
	x.refs = map[string]string{}
	for i, cells := range g.Rows {
		for j, c := range cells {
			if c.ID != "" {
				x.refs[c.ID], _ = excelize.CoordinatesToCellName(j+1, x.top+i)
			}
		}
	}
	heights := rowHeights(g)
	for i := range g.Rows {
		_ = f.SetRowHeight(Sheet, x.top+i, heights[i])
	}
	breaks := report.Paginate(g, x.layout(heights))
	for _, b := range breaks {
		if err := f.InsertPageBreak(Sheet, fmt.Sprintf("A%d", x.top+b)); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	title := x.printTitle()
	for i, cells := range g.Rows {
		for j, c := range cells {
			if c.Covered {
				continue
			}
			for k, part := range parts(i, c.RowSpan, breaks, title) {
				// a merged cell cut by a page break is merged on each page
				// and labelled on each; its value (and formula) only on
				// its own first row
				p := c
				p.RowSpan = part[1] - part[0]
				if k > 0 {
					p.Formula, p.Valid, p.Kind = "", false, report.KindText
				}
				if part[1] == title+1 && i+c.RowSpan > title+1 {
					// the print title's own part: repeated on every page,
					// it would print the label again above the page's part
					p.Text = ""
				}
				if err := x.cell(x.top+part[0], j, p); err != nil {
					return err
				}
			}
		}
	}
	return x.page(last)
}

// parts cuts the rows [from, from+span) of a cell at the page breaks; a
// cell that spans the print title row (title ≥ 0) and rows below it is cut
// below the title too when a break falls in it.
func parts(from, span int, breaks []int, title int) [][2]int {
	end := from + span
	var cuts []int
	for _, b := range breaks {
		if from < b && b < end {
			cuts = append(cuts, b)
		}
	}
	if len(cuts) > 0 && title >= from && title+1 < cuts[0] {
		cuts = append([]int{title + 1}, cuts...)
	}
	var out [][2]int
	for _, c := range append(cuts, end) {
		out = append(out, [2]int{from, c})
		from = c
	}
	return out
}

// printTitle is the grid row printed again at the top of every page (the
// indicator heading), or -1.
func (x *writer) printTitle() int {
	if n := len(x.g.Headings); n > 0 && x.g.Headings[n-1].Row > 0 {
		return x.g.Headings[n-1].Row
	}
	return -1
}

func (x *writer) cell(r, j int, c report.Cell) error {
	f := x.f
	a, _ := excelize.CoordinatesToCellName(j+1, r)
	b, _ := excelize.CoordinatesToCellName(j+c.ColSpan, r+c.RowSpan-1)
	var err error
	if c.Header && x.g.BreakLabels {
		// break labels where a reader would, not where the column ends
		c.Text = report.LabelLines(c.Text, labelChars(x.g.SpanWidth(j, c.ColSpan)))
	}
	if c.Kind != report.KindText && c.Valid {
		v, _ := c.Number.Float64()
		err = f.SetCellFloat(Sheet, a, v, -1, 64)
	} else if c.Text != "" {
		err = f.SetCellStr(Sheet, a, c.Text)
	}
	if err != nil {
		return fmt.Errorf("xlsx: %s: %w", a, err)
	}
	if c.Formula != "" {
		formula, ferr := x.resolve(c.Formula)
		if ferr != nil {
			return fmt.Errorf("xlsx: %s: %w", a, ferr)
		}
		// the value set above stays as the cached result
		if err := f.SetCellFormula(Sheet, a, formula); err != nil {
			return fmt.Errorf("xlsx: %s: %w", a, err)
		}
	}
	if a != b {
		if err := f.MergeCell(Sheet, a, b); err != nil {
			return fmt.Errorf("xlsx: %s:%s: %w", a, b, err)
		}
	}
	id, err := x.style(styleKey{header: c.Header, align: c.Align, kind: c.Kind})
	if err != nil {
		return err
	}
	// every cell of a merge gets the border, or the merged cell prints open
	return f.SetCellStyle(Sheet, a, b, id)
}

var idRef = regexp.MustCompile(`\{([^}]+)\}`)

func (x *writer) resolve(formula string) (string, error) {
	var missing string
	out := idRef.ReplaceAllStringFunc(formula, func(m string) string {
		id := m[1 : len(m)-1]
		ref, ok := x.refs[id]
		if !ok {
			missing = id
		}
		return ref
	})
	if missing != "" {
		return "", fmt.Errorf("formula %q names unknown cell %q", formula, missing)
	}
	return out, nil
}

func (x *writer) page(last string) error {
	// fit to one page wide and as many tall as the rows need: a long
	// indicator block goes on to a second page at a readable size
	size, orient, fit, tall := 9, "portrait", 1, 0 // 9 = A4
	if err := x.f.SetPageLayout(Sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fit, FitToHeight: &tall}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	m, top := 0.5, marginTopBottom
	if err := x.f.SetPageMargins(Sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &top, Bottom: &top}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	yes := true
	_ = x.f.SetSheetProps(Sheet, &excelize.SheetPropsOptions{FitToPage: &yes})
	_ = x.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes})
	if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: Sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", Sheet, last, x.top+len(x.g.Rows)-1)}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if title := x.printTitle(); title >= 0 {
		// the indicator heading row is printed again on every page it runs on to
		r := x.top + title
		if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: Sheet,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", Sheet, r, r)}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	return nil
}

// pageHeight is the height of an A4 page between the margins of page, in
// points.
const pageHeight = 841.89 - 2*marginTopBottom*72

// layout describes the rows for report.Paginate, in points at 100%: the
// sheet is fitted to the page's width, which shrinks it (LibreOffice's
// columns come out wider than Excel's) or leaves it as it is, never
// enlarges it, so that a page holds at least the rows planned for it.
func (x *writer) layout(heights []float64) report.Layout {
	need := map[[2]int]float64{}
	for i, cells := range x.g.Rows {
		for j, c := range cells {
			if !c.Covered {
				need[[2]int{i, j}] = cellNeed(x.g, j, c)
			}
		}
	}
	// the title rows above the grid, and a few points of slack
	first := pageHeight - 10
	for r := 1; r < x.top; r++ {
		h, _ := x.f.GetRowHeight(Sheet, r)
		first -= h
	}
	return report.Layout{Heights: heights, Need: need, First: first, Full: pageHeight - 10}
}

// cellNeed is the height in points a cell's text takes: a 10.5 pt line is
// 14 pt in Excel and WPS, with 8 pt of padding.
func cellNeed(g *report.Grid, j int, c report.Cell) float64 {
	text := c.Text
	if c.Header && g.BreakLabels {
		text = report.LabelLines(text, labelChars(g.SpanWidth(j, c.ColSpan)))
	}
	return 14*float64(report.LineCount(text, g.SpanWidth(j, c.ColSpan)-2, 3.6)) + 8
}

// rowHeights estimates each row's height in points from the text that must
// wrap in it: a CJK character of 10.5 pt is 3.7 mm wide, taken as 3.6 for the margin spreadsheet programs keep.
func rowHeights(g *report.Grid) []float64 {
	h := make([]float64, len(g.Rows))
	for i := range h {
		h[i] = 22
	}
	for i, cells := range g.Rows {
		for j, c := range cells {
			if c.Covered || c.Text == "" {
				continue
			}
			// LibreOffice's columns come out a little wider than Excel's,
			// which this estimate (made for Excel) leaves as spare room
			per := cellNeed(g, j, c) / float64(c.RowSpan)
			for k := i; k < i+c.RowSpan; k++ {
				if per > h[k] {
					h[k] = per
				}
			}
		}
	}
	return h
}

// labelChars is how many bold 10.5 pt CJK characters fit on a line of a
// column width (mm), with the cell's padding.
// Spreadsheet programs pad cells more than word processors: 4.2 mm a
// character leaves room for it.
func labelChars(width float64) int { return int((width - 2) / 4.2) }
