// Package md writes the 自评报告 and the 自评表 as Markdown (GitHub
// flavour). Markdown tables cannot merge cells: a merged cell's text is
// written in its first slot and the slots it covers are left empty, so
// the table reads like the printed one. Charts are left out; the figures
// they draw are in the tables next to them.
package md

import (
	"fmt"
	"io"
	"strings"

	"jixiao/render/report"
)

// WriteReport writes the composed report.
func WriteReport(w io.Writer, o *report.Outline) error {
	var b strings.Builder
	if o.Unit != "" {
		fmt.Fprintf(&b, "# %s\n\n## %s\n\n", o.Unit, o.Title)
	} else {
		fmt.Fprintf(&b, "# %s\n\n", o.Title)
	}
	for _, s := range o.Sections {
		switch s.Level {
		case 1:
			fmt.Fprintf(&b, "### %s\n\n", s.Heading)
		case 2:
			fmt.Fprintf(&b, "#### %s\n\n", s.Heading)
		}
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case report.KindTable:
				grid(&b, bl.Grid)
			case report.KindParagraph:
				fmt.Fprintf(&b, "%s\n\n", escText(bl.Text))
			}
		}
	}
	for _, a := range o.Attachments {
		fmt.Fprintf(&b, "---\n\n%s\n\n", a.Label)
		grid(&b, a.Grid)
	}
	return write(w, b.String())
}

// WriteTable writes the 自评表 alone.
func WriteTable(w io.Writer, g *report.Grid) error {
	var b strings.Builder
	grid(&b, g)
	return write(w, b.String())
}

func write(w io.Writer, s string) error {
	if _, err := io.WriteString(w, s); err != nil {
		return fmt.Errorf("md: %w", err)
	}
	return nil
}

func grid(b *strings.Builder, g *report.Grid) {
	if g.Title != "" {
		fmt.Fprintf(b, "**%s**\n\n", g.Title)
	}
	if g.Subtitle != "" {
		fmt.Fprintf(b, "%s\n\n", g.Subtitle)
	}
	if g.Note != "" {
		fmt.Fprintf(b, "%s\n\n", g.Note)
	}
	for i, row := range g.Rows {
		b.WriteString("|")
		for _, c := range row {
			t := ""
			if !c.Covered {
				t = cellText(c.Text)
			}
			fmt.Fprintf(b, " %s |", t)
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|")
			for range row {
				b.WriteString(" --- |")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
}

var cellEscaper = strings.NewReplacer("|", `\|`, "\n", "<br>")

func cellText(s string) string { return cellEscaper.Replace(s) }

// escText keeps a paragraph from being read as Markdown syntax.
func escText(s string) string {
	s = strings.ReplaceAll(s, "\n", "  \n")
	if len(s) > 0 && strings.ContainsRune("#>-+*|", rune(s[0])) {
		s = `\` + s
	}
	return s
}
