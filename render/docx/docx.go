package docx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"jixiao/render/chart"
	"jixiao/render/report"
)

// Options tunes the Word output.
type Options struct {
	// ChartFont draws chart labels; without it charts are left out (a
	// PNG needs a CJK font, the rest of the document does not).
	ChartFont *chart.Font
}

// WriteTable writes the 自评表 alone: title, subtitle and the table on an
// A4 portrait page with narrow margins, as the template prints.
func WriteTable(w io.Writer, g *report.Grid) error {
	p := &pkg{orient: "portrait", title: g.Title}
	p.gridTop(g, 0)
	return p.write(w)
}

// WriteReport writes the 自评报告: unit and title, numbered sections with
// Heading 1/2 styles, body paragraphs, tables and charts, then the
// attachments, each on a new page.
func WriteReport(w io.Writer, o *report.Outline, opt Options) error {
	p := &pkg{title: o.Title, noFirst: false}
	if o.Unit != "" {
		p.para(StyleTitle, o.Unit, false)
	}
	p.para(StyleTitle, o.Title, false)
	for _, s := range o.Sections {
		switch s.Level {
		case 1:
			p.para(StyleHeading1, s.Heading, false)
		case 2:
			p.para(StyleHeading2, s.Heading, false)
		}
		for _, b := range s.Blocks {
			if err := p.block(b, opt); err != nil {
				return err
			}
		}
	}
	for k, a := range o.Attachments {
		if k == 0 {
			// the attached 自评表 prints on the table's own pages: its
			// narrower margins give it the width it has on its own
			p.sectionBreak("portrait")
		} else {
			p.pageBreak()
		}
		p.para(StyleSubtitle, a.Label, false)
		p.gridTop(a.Grid, 10)
	}
	return p.write(w)
}

func (p *pkg) block(b report.Block, opt Options) error {
	switch b.Kind {
	case report.KindParagraph:
		style := StyleBody
		if b.Style == "note" {
			style = StyleNote
		} else if b.Style == "caption" {
			style = StyleCaption
		}
		p.para(style, b.Text, false)
	case report.KindTable:
		p.grid(b.Grid)
	case report.KindChart:
		if opt.ChartFont == nil {
			return nil
		}
		var buf bytes.Buffer
		if err := b.Chart.PNG(&buf, opt.ChartFont); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		p.image(buf.Bytes(), chart.Width, b.Chart.Height(), b.Chart.Title)
	}
	return nil
}

func (p *pkg) pageBreak() {
	p.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// para writes a paragraph; lines of text become line breaks.
func (p *pkg) para(style, text string, bold bool) {
	p.paraIn(&p.body, style, "", text, bold)
}

func (p *pkg) paraIn(b *strings.Builder, style, jc, text string, bold bool) {
	b.WriteString(`<w:p><w:pPr>`)
	if style != StyleBody {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
	}
	if jc != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, jc)
	}
	b.WriteString(`</w:pPr>`)
	for i, line := range strings.Split(text, "\n") {
		b.WriteString(`<w:r>`)
		if bold {
			b.WriteString(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
		}
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		fmt.Fprintf(b, `<w:t xml:space="preserve">%s</w:t></w:r>`, esc(line))
	}
	b.WriteString(`</w:p>`)
}

// gridTop writes a grid that starts a page, used mm below the top margin
// (a label above it): its indicator groups can then be kept whole on
// pages, which needs to know where the page ends.
func (p *pkg) gridTop(g *report.Grid, used float64) {
	p.atTop, p.topUsed = true, used
	p.grid(g)
	p.atTop = false
}

// layout estimates, in millimetres, the rows of a grid that starts a page
// (report.Layout) so that report.Paginate can break it where a merged cell
// is not cut or is written again on the next page. nil when the grid does
// not start a page, where the estimate has nothing to start from.
//
// The estimate errs tall: 5.6 mm a line where LibreOffice sets 4.9 (the
// style's 14 pt) and Word, snapping to the document grid, 5.5; a page
// that comes out shorter than estimated ends early, one that came out
// taller would be broken by the word processor inside a merged cell.
func (p *pkg) layout(g *report.Grid) *report.Layout {
	if !p.atTop {
		return nil
	}
	// slack: a few millimetres, and on the 自评表's own pages the page
	// number, whose footer (17.5 mm up) reaches above the 20 mm margin
	topM, bottomM, slack := 37.0, 35.0, 4.0
	if p.orient != "" {
		topM, bottomM, slack = 20, 20, 8
	}
	full := 297 - topM - bottomM - slack
	scale := math.Min(float64(p.textWidth())/(g.Width()*twipPerMM), 1)
	l := &report.Layout{Heights: make([]float64, len(g.Rows)), Need: map[[2]int]float64{}, Full: full}
	for i := range l.Heights {
		l.Heights[i] = 8 // trHeight 454 twips
	}
	// single-row cells first, then merged ones grow their last row
	for pass := 0; pass < 2; pass++ {
		for i, row := range g.Rows {
			for j, c := range row {
				if c.Covered || (pass == 0) != (c.RowSpan == 1) {
					continue
				}
				w := g.SpanWidth(j, c.ColSpan)*scale - 2
				need := 5.6*float64(report.LineCount(shownText(g, c, w), w, 3.7)) + 1.5
				l.Need[[2]int{i, j}] = need
				have := 0.0
				for k := i; k < i+c.RowSpan; k++ {
					have += l.Heights[k]
				}
				if need > have {
					l.Heights[i+c.RowSpan-1] += need - have
				}
			}
		}
	}
	l.First = full - p.topUsed - 12 // the caption
	if g.Subtitle != "" {
		l.First -= 7
	}
	if g.Note != "" {
		l.First -= 7
	}
	return l
}

// shownText is a cell's text as the table prints it, header labels
// broken where a reader would.
func shownText(g *report.Grid, c report.Cell, width float64) string {
	if c.Header && g.BreakLabels {
		return report.LabelLines(c.Text, int((width)/3.9))
	}
	return c.Text
}

// joinTables ends a table and starts the next with a paragraph one point
// high between them (Word needs a paragraph there), breaking the page
// after it when page.
func joinTables(b *strings.Builder, page bool) {
	b.WriteString(`</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>`)
	if page {
		b.WriteString(`<w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:br w:type="page"/></w:r>`)
	}
	b.WriteString(`</w:p>`)
}

func (p *pkg) grid(g *report.Grid) {
	if g.Title != "" {
		p.para(StyleCaption, g.Title, false)
	}
	if g.Subtitle != "" {
		p.paraIn(&p.body, StyleTableText, "center", g.Subtitle, false)
	}
	scale := float64(p.textWidth()) / (g.Width() * twipPerMM)
	if scale > 1 {
		scale = 1
	}
	if g.Note != "" {
		// right-aligned to the table's edge, not the text's: the table is
		// centred and may be narrower than the text width
		inset := (p.textWidth() - int(g.Width()*twipPerMM*scale)) / 2
		fmt.Fprintf(&p.body, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:ind w:right="%d"/></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`,
			StyleNote, max(inset, 0), esc(g.Note))
	}
	t := &table{g: g, owner: report.Owners(g), headings: map[int]bool{},
		tw: func(mm float64) int { return int(mm * twipPerMM * scale) }}
	// the indicator block's heading is the last: the budget block above it
	// is a few rows and never breaks
	if n := len(g.Headings); n > 0 {
		t.headings[g.Headings[n-1].Row] = true
	}
	var breaks []int
	if l := p.layout(g); l != nil {
		breaks = report.Paginate(g, *l)
	}
	b := &p.body
	for k, rows := range g.Chunks(breaks) {
		if k > 0 {
			// the page ends here: a merged cell cut by it is written again,
			// with its text, on the next page, under the heading row
			joinTables(b, true)
		}
		t.open(b)
		for at, i := range rows {
			if t.headings[i] && at > 0 {
				// Word repeats only a table's first rows on a new page: the
				// indicator block starts a table of its own, whose heading
				// row is repeated wherever the word processor breaks it
				joinTables(b, false)
				t.open(b)
			}
			p.row(b, t, rows, at)
		}
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables and after a final one
	p.paraIn(b, StyleTableText, "", "", false)
}

// table is a grid being written as Word tables.
type table struct {
	g        *report.Grid
	owner    [][][2]int
	headings map[int]bool
	tw       func(mm float64) int
}

func (t *table) open(b *strings.Builder) {
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, StyleTable, t.tw(t.g.Width()))
	for _, wmm := range t.g.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, t.tw(wmm))
	}
	b.WriteString(`</w:tblGrid>`)
}

// row writes row rows[at] of a page's rows: a merged cell starts (vMerge
// restart, with its text) on the first of these rows it covers and
// continues on the others, so that a cell cut by a page break is a cell
// of its own on each page. Rows of a merge that goes on below are kept
// with the next (Word breaks a merged cell otherwise, and the half on the
// next page is unlabelled).
func (p *pkg) row(b *strings.Builder, t *table, rows []int, at int) {
	g, i := t.g, rows[at]
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="454"/>`)
	if t.headings[i] {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	keep := t.headings[i]
	for j := range g.Rows[i] {
		o := t.owner[i][j]
		// the 绩效指标 label spans the whole indicator block: kept
		// together, a long block could not break at all
		if o[1] == j && at+1 < len(rows) && t.owner[rows[at+1]][j] == o && g.Rows[o[0]][j].Text != report.LabelIndicator {
			keep = true
		}
	}
	for j := range g.Rows[i] {
		o := t.owner[i][j]
		if o[1] != j {
			continue
		}
		a := g.Rows[o[0]][o[1]]
		width := t.tw(g.SpanWidth(j, a.ColSpan))
		first := at == 0 || t.owner[rows[at-1]][j] != o
		more := at+1 < len(rows) && t.owner[rows[at+1]][j] == o
		if first {
			a.Text = shownText(g, a, float64(width)/twipPerMM-2)
		}
		p.cell(b, a, width, first && more, !first, keep)
	}
	b.WriteString(`</w:tr>`)
}

func (p *pkg) cell(b *strings.Builder, c report.Cell, width int, restart, cont, keepNext bool) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if c.ColSpan > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, c.ColSpan)
	}
	if restart {
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	} else if cont {
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	text := c.Text
	if cont {
		text = ""
	}
	jc := "center"
	switch c.Align {
	case report.AlignLeft:
		jc = "left"
	case report.AlignRight:
		jc = "right"
	}
	// one paragraph per line: a line break inside a justified paragraph
	// would stretch the line before it
	for _, line := range strings.Split(text, "\n") {
		if keepNext {
			p.paraKeep(b, jc, line, c.Header)
			continue
		}
		p.paraIn(b, StyleTableText, jc, line, c.Header)
	}
	b.WriteString(`</w:tc>`)
}

// paraKeep is a table paragraph kept with the next: in a table row, it
// keeps the row on the page of the row below.
func (p *pkg) paraKeep(b *strings.Builder, jc, text string, bold bool) {
	var inner strings.Builder
	p.paraIn(&inner, StyleTableText, jc, text, bold)
	s := inner.String()
	// keepNext follows pStyle: Word refuses pPr children out of order
	style := `<w:pStyle w:val="` + StyleTableText + `"/>`
	b.WriteString(strings.Replace(s, style, style+`<w:keepNext/>`, 1))
}

// image places a PNG inline, centred, 150 mm wide.
func (p *pkg) image(png []byte, w, h int, name string) {
	rel, n := p.addImage(png)
	cx := int64(150 * 36000) // EMU per mm
	cy := cx * int64(h) / int64(w)
	// a chart of many bars is shrunk to most of an A4 page, never run off it
	if most := int64(200 * 36000); cy > most {
		cx, cy = cx*most/cy, most
	}
	fmt.Fprintf(&p.body, `<w:p><w:pPr><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, esc(name), n, n, rel, cx, cy)
}
