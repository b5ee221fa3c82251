package report

import (
	"fmt"
	"strings"
)

// Dump writes a grid as text for golden tests and debugging: one line per
// cell anchor, "r,c [rows×cols] H text {formula}", covered slots left out.
func (g *Grid) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q subtitle %q note %q widths %v\n", g.Title, g.Subtitle, g.Note, g.Widths)
	for i, row := range g.Rows {
		for j, c := range row {
			if c.Covered {
				continue
			}
			fmt.Fprintf(&b, "%d,%d", i, j)
			if c.RowSpan > 1 || c.ColSpan > 1 {
				fmt.Fprintf(&b, " [%d×%d]", c.RowSpan, c.ColSpan)
			}
			if c.Header {
				b.WriteString(" H")
			}
			fmt.Fprintf(&b, " %q", c.Text)
			if c.Kind != KindText {
				fmt.Fprintf(&b, " kind=%d", c.Kind)
			}
			if c.ID != "" {
				fmt.Fprintf(&b, " id=%s", c.ID)
			}
			if c.Formula != "" {
				fmt.Fprintf(&b, " ={%s}", c.Formula)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Dump writes an outline as text: headings, paragraphs, tables and charts.
func (o *Outline) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s | %s\n", o.Unit, o.Title)
	for _, s := range o.Sections {
		if s.Level > 0 {
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", s.Level+1), s.Heading)
		}
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case KindParagraph:
				fmt.Fprintf(&b, "  p%s: %s\n", bl.Style, bl.Text)
			case KindTable:
				fmt.Fprintf(&b, "  table:\n%s", indent(bl.Grid.Dump()))
			case KindChart:
				fmt.Fprintf(&b, "  chart %q unit %q categories %q\n", bl.Chart.Title, bl.Chart.Unit, bl.Chart.Categories)
				for _, s := range bl.Chart.Series {
					fmt.Fprintf(&b, "    %s %v\n", s.Name, s.Values)
				}
			}
		}
	}
	for _, a := range o.Attachments {
		fmt.Fprintf(&b, "attachment %s:\n%s", a.Label, indent(a.Grid.Dump()))
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "")
}
