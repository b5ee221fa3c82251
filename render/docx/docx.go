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
	for _, a := range o.Attachments {
		p.pageBreak()
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
		p.image(buf.Bytes(), chart.Width, chart.Height, b.Chart.Title)
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

// grid writes a Grid as a Word table: its title and note as paragraphs,
// then the table with gridSpan for horizontal spans and vMerge (restart /
// continue) for vertical ones.
// gridTop writes a grid that starts a page, used mm below the top margin
// (a label above it): its indicator groups can then be kept whole on
// pages, which needs to know where the page ends.
func (p *pkg) gridTop(g *report.Grid, used float64) {
	p.atTop, p.topUsed = true, used
	p.grid(g)
	p.atTop = false
}

// groupBreaks estimates the rows' heights and returns the rows at which a
// 一级指标 group starts that would not fit on the page, so that it begins
// the next page instead of being cut. A group taller than a page is left
// to break where it must (its heading row still repeats). nil when the
// grid does not start a page, where the estimate has nothing to start from.
func (p *pkg) groupBreaks(g *report.Grid, owner [][][2]int, headings map[int]bool) map[int]bool {
	if !p.atTop {
		return nil
	}
	hrow, l1 := -1, -1
	for i := range headings {
		hrow = i
	}
	if hrow < 0 {
		return nil
	}
	for j, c := range g.Rows[hrow] {
		if !c.Covered && c.Text == report.LabelLevel1 {
			l1 = j
		}
	}
	if l1 < 0 {
		return nil
	}
	topM, bottomM := 37.0, 35.0
	if p.orient != "" {
		topM, bottomM = 20, 20
	}
	page := 297 - topM - bottomM - 12 // the footer's page number and some slack
	scale := float64(p.textWidth()) / (g.Width() * twipPerMM)
	scale = math.Min(scale, 1)
	h := make([]float64, len(g.Rows))
	for i := range h {
		h[i] = 8 // trHeight 454 twips
	}
	for i, row := range g.Rows {
		for j, c := range row {
			if c.Covered || c.Text == "" || c.RowSpan > 6 {
				continue
			}
			w := g.SpanWidth(j, c.ColSpan)*scale - 2
			need := 5.6*float64(xlsxLines(c.Text, w)) + 1.5
			per := need / float64(max(c.RowSpan, 1))
			for k := i; k < i+max(c.RowSpan, 1) && k < len(h); k++ {
				h[k] = math.Max(h[k], per)
			}
		}
	}
	used := p.topUsed + 12 // the caption
	if g.Subtitle != "" {
		used += 7
	}
	if g.Note != "" {
		used += 7
	}
	breaks := map[int]bool{}
	for i := 0; i < len(g.Rows); i++ {
		c := g.Rows[i][l1]
		if i > hrow+1 && !c.Covered && owner[i][l1] == [2]int{i, l1} {
			if used > page {
				// a group taller than a page has broken where the word
				// processor chose: where this page now stands is a guess,
				// and a forced break on a guess leaves a near-empty page
				break
			}
			group := 0.0
			for k := i; k < i+max(c.RowSpan, 1) && k < len(h); k++ {
				group += h[k]
			}
			if used+group > page && group+h[hrow] <= page {
				breaks[i] = true
				used = h[hrow]
			}
		}
		used += h[i]
	}
	return breaks
}

// xlsxLines estimates how many lines of 10.5 pt text a width (mm) takes.
func xlsxLines(text string, width float64) int {
	per := max(int(width/3.7), 1)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		units := 0.0
		for _, r := range para {
			if r < 0x2e80 {
				units += 0.55
			} else {
				units++
			}
		}
		n += max(1, (int(units)+per-1)/per)
	}
	return n
}

func (p *pkg) grid(g *report.Grid) {
	if g.Title != "" {
		p.para(StyleCaption, g.Title, false)
	}
	if g.Subtitle != "" {
		p.paraIn(&p.body, StyleTableText, "center", g.Subtitle, false)
	}
	if g.Note != "" {
		p.para(StyleNote, g.Note, false)
	}
	scale := float64(p.textWidth()) / (g.Width() * twipPerMM)
	if scale > 1 {
		scale = 1
	}
	tw := func(mm float64) int { return int(mm * twipPerMM * scale) }
	b := &p.body
	open := func() {
		fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, StyleTable, tw(g.Width()))
		for _, wmm := range g.Widths {
			fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, tw(wmm))
		}
		b.WriteString(`</w:tblGrid>`)
	}
	open()
	owner := owners(g)
	// keep[i]: row i belongs to a vertically merged cell that goes on below
	// it, so it must stay on the page of the next row (Word breaks a merged
	// 一级指标 cell otherwise, and the half on the next page is unlabelled).
	keep := make([]bool, len(g.Rows))
	for i, row := range g.Rows {
		for _, c := range row {
			// the 绩效指标 label spans the whole indicator block: kept
			// together, a long block could not break at all
			if !c.Covered && c.RowSpan > 1 && c.Text != report.LabelIndicator {
				for k := i; k < i+c.RowSpan-1 && k < len(g.Rows); k++ {
					keep[k] = true
				}
			}
		}
	}
	// the indicator block's heading is the last: the budget block above it
	// is a few rows and never breaks
	headings := map[int]bool{}
	if n := len(g.Headings); n > 0 {
		headings[g.Headings[n-1].Row] = true
	}
	breaks := p.groupBreaks(g, owner, headings)
	heading := -1
	for i, row := range g.Rows {
		if breaks[i] && heading >= 0 {
			// the next 一级 group does not fit on this page: the table
			// ends here, a page starts, and the heading row is written again
			// above the group, so no merged cell is cut by the page
			b.WriteString(`</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:br w:type="page"/></w:r></w:p>`)
			open()
			p.row(b, g, owner, heading, tw, keep, headings)
		}
		if headings[i] {
			heading = i
		}
		if headings[i] && i > 0 {
			// Word repeats only a table's first rows on a new page: the
			// indicator block starts a table of its own, joined to the
			// budget block by a paragraph one point high, whose heading row
			// is repeated wherever the indicators break.
			b.WriteString(`</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`)
			open()
		}
		_ = row
		p.row(b, g, owner, i, tw, keep, headings)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables and after a final one
	p.paraIn(b, StyleTableText, "", "", false)
}

// row writes row i of g.
func (p *pkg) row(b *strings.Builder, g *report.Grid, owner [][][2]int, i int, tw func(float64) int, keep []bool, headings map[int]bool) {
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="454"/>`)
	if headings[i] {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	for j := 0; j < len(g.Rows[i]); j++ {
		o := owner[i][j]
		a := g.Rows[o[0]][o[1]]
		width := tw(g.SpanWidth(j, a.ColSpan))
		switch {
		case o == [2]int{i, j}:
			if a.Header && g.BreakLabels {
				// break labels where a reader would: 部门预算资金 /（万元）
				a.Text = report.LabelLines(a.Text, int((float64(width)/twipPerMM-2)/3.9))
			}
			p.cell(b, a, width, a.RowSpan > 1, false, keep[i] || headings[i])
		case o[0] < i && o[1] == j:
			p.cell(b, a, width, false, true, keep[i] || headings[i])
		}
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

// owners maps every slot to the top-left slot of the cell that holds it.
func owners(g *report.Grid) [][][2]int {
	o := make([][][2]int, len(g.Rows))
	for i := range o {
		o[i] = make([][2]int, len(g.Widths))
		for j := range o[i] {
			o[i][j] = [2]int{i, j}
		}
	}
	for i, row := range g.Rows {
		for j, c := range row {
			if c.Covered {
				continue
			}
			for di := 0; di < c.RowSpan && i+di < len(g.Rows); di++ {
				for dj := 0; dj < c.ColSpan && j+dj < len(row); dj++ {
					o[i+di][j+dj] = [2]int{i, j}
				}
			}
		}
	}
	return o
}

// image places a PNG inline, centred, 150 mm wide.
func (p *pkg) image(png []byte, w, h int, name string) {
	rel, n := p.addImage(png)
	cx := int64(150 * 36000) // EMU per mm
	cy := cx * int64(h) / int64(w)
	fmt.Fprintf(&p.body, `<w:p><w:pPr><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, esc(name), n, n, rel, cx, cy)
}
