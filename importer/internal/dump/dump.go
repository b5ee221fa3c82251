// Package dump writes a Document as normalised text for golden files: one
// line per block, row and cell, with kinds, levels, styles, spans and
// positions, so a diff shows what an importer change did.
package dump

import (
	"fmt"
	"strings"

	"jixiao"
)

// Document returns the dump of d.
func Document(d *jixiao.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format=%s encoding=%s\n", d.Format, d.Encoding)
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "warning %q\n", w)
	}
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case jixiao.BlockTable:
			fmt.Fprintf(&b, "table %s\n", pos(bl.Pos))
			table(&b, bl.Table, "  ")
		default:
			fmt.Fprintf(&b, "%s level=%d style=%q %s %q\n", bl.Kind, bl.Level, bl.Style, pos(bl.Pos), bl.Text)
		}
	}
	return b.String()
}

func table(b *strings.Builder, t *jixiao.Table, ind string) {
	if t == nil {
		fmt.Fprintf(b, "%s<nil table>\n", ind)
		return
	}
	for _, r := range t.Rows {
		fmt.Fprintf(b, "%srow %s\n", ind, pos(r.Pos))
		for _, c := range r.Cells {
			span := ""
			if c.ColSpan != 1 || c.RowSpan != 1 {
				span = fmt.Sprintf(" span=%dx%d", c.ColSpan, c.RowSpan)
			}
			fmt.Fprintf(b, "%s  cell%s %s %q\n", ind, span, pos(c.Pos), c.Text)
			for _, n := range c.Tables {
				fmt.Fprintf(b, "%s    nested\n", ind)
				table(b, n, ind+"      ")
			}
		}
	}
}

func pos(p jixiao.Position) string {
	var parts []string
	add := func(k string, v int) {
		if v != 0 {
			parts = append(parts, fmt.Sprintf("%s%d", k, v))
		}
	}
	if p.Sheet != "" {
		parts = append(parts, "sheet="+p.Sheet)
	}
	add("p", p.Page)
	add("t", p.Table)
	add("r", p.Row)
	add("c", p.Cell)
	add("l", p.Line)
	return "@" + strings.Join(parts, ",")
}
