// Package pdf writes the 自评报告 and the 自评表 as PDF with
// github.com/signintech/gopdf, embedding a subset of a Chinese TrueType
// font (so the text extracts back) and doing the layout gopdf does not:
// Chinese line breaking (避头尾, Break), tables with merged cells that
// break across pages between rows, PNG charts, and page numbers.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"

	"jixiao/render/chart"
	"jixiao/render/report"
)

// Options tunes the PDF output.
type Options struct {
	Font      []byte      // a single-face glyf TrueType font with CJK glyphs (required)
	ChartFont *chart.Font // for chart labels; charts are drawn only with it

	// Fallback fonts (same kind as Font) print, in this order, the
	// characters Font lacks; they are embedded only when used. A character
	// none of them has prints as Replacement.
	Fallback [][]byte
}

// Replacement is printed for a character no font has, so that a reader
// sees that something is missing (gopdf would silently drop it).
const Replacement = '□'

// A4 in points and the page margins.
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 72.0
	marginTop    = 72.0
	marginBottom = 72.0
)

// Text sizes in points.
const (
	sizeTitle   = 20.0
	sizeHeading = 15.0
	sizeBody    = 13.0
	sizeTable   = 9.5
	sizeCaption = 12.0
)

type doc struct {
	gp      *gopdf.GoPdf
	y       float64
	page    int
	fonts   *fonts
	widths  map[rune]float64 // advance at size 1
	opt     Options
	marginX float64
}

func newDoc(opt Options, title string) (*doc, error) {
	if len(opt.Font) == 0 {
		return nil, fmt.Errorf("pdf: no CJK font given")
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	gp.SetInfo(gopdf.PdfInfo{Title: title, Creator: "jixiao", Producer: "jixiao"})
	fs, err := newFonts(gp, opt)
	if err != nil {
		return nil, err
	}
	d := &doc{gp: gp, fonts: fs, widths: map[rune]float64{}, opt: opt, marginX: marginX}
	d.newPage()
	return d, nil
}

func (d *doc) newPage() {
	d.gp.AddPage()
	d.page++
	d.y = marginTop
	_ = d.gp.SetFont(d.fonts.main, "", 10.5)
	d.gp.SetTextColor(0x44, 0x44, 0x44)
	num := fmt.Sprintf("— %d —", d.page)
	w, _ := d.gp.MeasureTextWidth(num)
	d.gp.SetXY((pageW-w)/2, pageH-marginBottom/2)
	_ = d.gp.Cell(nil, num)
	d.gp.SetTextColor(0, 0, 0)
}

// adv returns the advance of r at size, in the font that prints it.
func (d *doc) adv(size float64) func(rune) float64 {
	return func(r rune) float64 {
		w, ok := d.widths[r]
		if !ok {
			g := d.fonts.glyph(r)
			if g.r >= 0 {
				_ = d.gp.SetFont(g.family, "", 100)
				m, err := d.gp.MeasureTextWidth(string(g.r))
				if err != nil {
					m = 100
				}
				w = m / 100
			}
			d.widths[r] = w
		}
		return w * size
	}
}

func (d *doc) textWidth() float64 { return pageW - 2*d.marginX }

// ensure starts a new page unless h points fit below the cursor.
func (d *doc) ensure(h float64) {
	if d.y+h > pageH-marginBottom {
		d.newPage()
	}
}

// text writes a paragraph: lines broken by Break, first-line indent in
// characters, alignment "left", "center" or "right".
func (d *doc) text(s string, size, lead, indent float64, align string) error {
	for _, para := range strings.Split(s, "\n") {
		width := d.textWidth()
		adv := d.adv(size)
		first := indent * size
		lines := breakIndented(para, width, first, adv)
		for i, line := range lines {
			d.ensure(lead)
			x := d.marginX
			if i == 0 {
				x += first
			}
			lw := 0.0
			for _, r := range line {
				lw += adv(r)
			}
			switch align {
			case "center":
				x = d.marginX + (width-lw)/2
			case "right":
				x = d.marginX + width - lw
			}
			if err := d.put(x, d.y+(lead-size)/2, line, size); err != nil {
				return err
			}
			d.y += lead
		}
	}
	return nil
}

// breakIndented breaks a paragraph whose first line is shorter by first.
func breakIndented(s string, width, first float64, adv func(rune) float64) []string {
	if first == 0 {
		return Break(s, width, adv)
	}
	pad := adv('　')
	n := int(first/pad + 0.5)
	lines := Break(strings.Repeat("　", n)+s, width, adv)
	if len(lines) > 0 {
		lines[0] = strings.TrimLeft(lines[0], "　")
	}
	return lines
}

// put writes s at (x, y), each run of characters in the font that has
// them.
func (d *doc) put(x, y float64, s string, size float64) error {
	for _, run := range d.fonts.runs(s) {
		if err := d.gp.SetFont(run.family, "", size); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		d.gp.SetXY(x, y)
		if err := d.gp.Cell(nil, run.text); err != nil {
			return fmt.Errorf("pdf: text %q: %w", s, err)
		}
		w, err := d.gp.MeasureTextWidth(run.text)
		if err != nil {
			return fmt.Errorf("pdf: text %q: %w", s, err)
		}
		x += w
	}
	return nil
}

func (d *doc) image(c *chart.Chart) error {
	if d.opt.ChartFont == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := c.PNG(&buf, d.opt.ChartFont); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	img, err := gopdf.ImageHolderByBytes(buf.Bytes())
	if err != nil {
		return fmt.Errorf("pdf: image: %w", err)
	}
	w := d.textWidth() * 0.9
	h := w * float64(c.Height()) / chart.Width
	// a chart of many bars is shrunk to most of a page, never run off it
	if most := (pageH - marginTop - marginBottom) * 0.8; h > most {
		w, h = w*most/h, most
	}
	d.ensure(h + 12)
	if err := d.gp.ImageByHolder(img, d.marginX+(d.textWidth()-w)/2, d.y+6, &gopdf.Rect{W: w, H: h}); err != nil {
		return fmt.Errorf("pdf: image: %w", err)
	}
	d.y += h + 12
	return nil
}

// WriteReport writes the composed report.
func WriteReport(w io.Writer, o *report.Outline, opt Options) error {
	d, err := newDoc(opt, o.Title)
	if err != nil {
		return err
	}
	if o.Unit != "" {
		if err := d.text(o.Unit, sizeTitle, sizeTitle*1.6, 0, "center"); err != nil {
			return err
		}
	}
	if err := d.text(o.Title, sizeTitle, sizeTitle*1.8, 0, "center"); err != nil {
		return err
	}
	d.y += 8
	for _, s := range o.Sections {
		if s.Level > 0 {
			d.ensure(sizeHeading*2 + sizeBody*2) // keep a heading with its text
			size := sizeHeading
			if s.Level == 2 {
				size = sizeBody + 1
			}
			d.y += 4
			if err := d.text(s.Heading, size, size*1.8, 0, "left"); err != nil {
				return err
			}
		}
		for _, b := range s.Blocks {
			if err := d.block(b); err != nil {
				return err
			}
		}
	}
	for _, a := range o.Attachments {
		d.newPage()
		if err := d.text(a.Label, sizeBody, sizeBody*1.8, 0, "left"); err != nil {
			return err
		}
		if err := d.grid(a.Grid); err != nil {
			return err
		}
	}
	return d.write(w)
}

// WriteTable writes the 自评表 alone, with narrower margins.
func WriteTable(w io.Writer, g *report.Grid, opt Options) error {
	d, err := newDoc(opt, g.Title)
	if err != nil {
		return err
	}
	d.marginX = 36
	if err := d.grid(g); err != nil {
		return err
	}
	return d.write(w)
}

func (d *doc) write(w io.Writer) error {
	var buf bytes.Buffer
	if _, err := d.gp.WriteTo(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if _, err := w.Write(fixToUnicode(buf.Bytes())); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

func (d *doc) block(b report.Block) error {
	switch b.Kind {
	case report.KindTable:
		return d.grid(b.Grid)
	case report.KindChart:
		return d.image(b.Chart)
	}
	switch b.Style {
	case "note":
		return d.text(b.Text, sizeTable, sizeTable*1.6, 0, "right")
	case "caption":
		return d.text(b.Text, sizeCaption, sizeCaption*1.8, 0, "center")
	}
	return d.text(b.Text, sizeBody, sizeBody*1.75, 2, "left")
}
