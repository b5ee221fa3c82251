package report

import "github.com/shopspring/decimal"

// Grid is a table laid out on a fixed column grid, the way Word and Excel
// see it: every row has one slot per column; a cell that spans several
// slots sits in its top-left slot and the slots it covers are marked
// Covered. Each format writes a Grid without knowing what it holds.
type Grid struct {
	Title    string    // printed above the table ("项目支出绩效自评表")
	Subtitle string    // printed under the title ("（2024年度）")
	Note     string    // a line between subtitle and table ("单位：万元"), if any
	Widths   []float64 // column widths in millimetres
	Rows     [][]Cell  // len(Rows[i]) == len(Widths)

	// Headings are the header rows that label the columns of the rows
	// below them: a format that breaks the table across pages repeats the
	// heading above the rows it continues, as printed tables repeat their
	// 标题行, so that a continued page can be read on its own.
	Headings []Heading

	// BreakLabels lets a format break header labels into lines where a
	// reader would (LabelLines) instead of where the column ends; a copy of
	// a published document leaves them as they were.
	BreakLabels bool
}

// Heading is a header row, Row, labelling the rows after it up to End
// (exclusive).
type Heading struct{ Row, End int }

// HeadingOf returns the header row that labels row r, or -1: the last
// heading above r whose rows reach r.
func (g *Grid) HeadingOf(r int) int {
	h := -1
	for _, hd := range g.Headings {
		if hd.Row < r && r < hd.End {
			h = hd.Row
		}
	}
	return h
}

// Cell is one slot of a Grid.
type Cell struct {
	Text    string
	ColSpan int  // ≥ 1 for an anchor
	RowSpan int  // ≥ 1 for an anchor
	Covered bool // part of another cell's span
	Header  bool // a label cell: bold, centred
	Align   Align
	Kind    Kind // how a spreadsheet should store the value

	// Number is the value of a numeric cell (Kind != KindText) when Valid:
	// a percentage as its fraction (0.6123 for 61.23%).
	Number decimal.Decimal
	Valid  bool

	// ID names the cell so that formulas can refer to it ("budget.A").
	ID string
	// Formula, when set, is a spreadsheet formula over other cells named
	// {ID}: "{budget.B}/{budget.A}". It is set only where it evaluates to
	// the value shown, so a spreadsheet that recomputes agrees with the text.
	Formula string
}

// Align is a cell's horizontal alignment.
type Align int

// Alignments.
const (
	AlignCenter Align = iota
	AlignLeft
	AlignRight
)

// Kind says what a cell's value is, for number formats.
type Kind int

// Cell kinds.
const (
	KindText    Kind = iota
	KindAmount       // 万元, 2 places
	KindPercent      // a fraction shown as a percentage, 2 places
	KindScore        // points, 2 places
	KindWeight       // 分值, shown as written
)

// Anchor reports whether the slot starts a cell (is not covered).
func (c Cell) Anchor() bool { return !c.Covered }

// NewGrid returns a grid with the given column widths and no rows.
func NewGrid(widths ...float64) *Grid { return &Grid{Widths: widths} }

// AddRow appends an empty row and returns its index.
func (g *Grid) AddRow() int {
	row := make([]Cell, len(g.Widths))
	for i := range row {
		row[i] = Cell{ColSpan: 1, RowSpan: 1}
	}
	g.Rows = append(g.Rows, row)
	return len(g.Rows) - 1
}

// Set places c at row r, column col, spanning c.ColSpan × c.RowSpan slots
// (1 × 1 when zero), and marks the covered slots. Rows it spans into must
// exist.
func (g *Grid) Set(r, col int, c Cell) {
	if c.ColSpan < 1 {
		c.ColSpan = 1
	}
	if c.RowSpan < 1 {
		c.RowSpan = 1
	}
	g.Rows[r][col] = c
	for i := r; i < r+c.RowSpan; i++ {
		for j := col; j < col+c.ColSpan; j++ {
			if i != r || j != col {
				g.Rows[i][j] = Cell{Covered: true, ColSpan: 1, RowSpan: 1}
			}
		}
	}
}

// Width returns the total width in millimetres.
func (g *Grid) Width() float64 {
	w := 0.0
	for _, x := range g.Widths {
		w += x
	}
	return w
}

// SpanWidth returns the width of columns [col, col+n).
func (g *Grid) SpanWidth(col, n int) float64 {
	w := 0.0
	for j := col; j < col+n && j < len(g.Widths); j++ {
		w += g.Widths[j]
	}
	return w
}
