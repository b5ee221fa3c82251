// Package present writes score results and findings for people (aligned
// text in a terminal) and for programs (stable JSON, docs/cli.md).
package present

import (
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Width is the number of terminal columns s takes: two for wide and
// full-width characters (汉字, ％), one otherwise.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\t':
			n += 4
		case r < utf8.RuneSelf:
			n++
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// pad right-pads s with spaces to w columns.
func pad(s string, w int) string {
	if d := w - Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// Table writes rows as columns aligned by display width. Columns listed in
// right are right-aligned (numbers).
type Table struct {
	Header []string
	Rows   [][]string
	Right  map[int]bool
}

// Write writes the table with two spaces between columns.
func (t *Table) Write(w io.Writer) error {
	widths := make([]int, len(t.Header))
	all := append([][]string{t.Header}, t.Rows...)
	for _, r := range all {
		for i, c := range r {
			if i < len(widths) && Width(c) > widths[i] {
				widths[i] = Width(c)
			}
		}
	}
	var b strings.Builder
	for ri, r := range all {
		for i, c := range r {
			if i >= len(widths) {
				break
			}
			if i > 0 {
				b.WriteString("  ")
			}
			switch {
			case t.Right[i]:
				b.WriteString(strings.Repeat(" ", max(0, widths[i]-Width(c))) + c)
			case i == len(r)-1:
				b.WriteString(c)
			default:
				b.WriteString(pad(c, widths[i]))
			}
		}
		b.WriteByte('\n')
		if ri == 0 {
			total := 0
			for _, w := range widths {
				total += w + 2
			}
			b.WriteString(strings.Repeat("─", max(0, total-2)) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
