package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao"
)

// splitPages splits pdftotext output on form feeds; it ends each page with
// one, so the text after the last is dropped.
func splitPages(s string) []string {
	pages := strings.Split(s, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// line is one line of layout text, cut into cells at runs of two or more
// spaces.
type line struct {
	indent int // leading spaces
	cells  []string
}

func parseLine(s string) line {
	s = strings.TrimRight(s, " \t\r")
	trimmed := strings.TrimLeft(s, " ")
	l := line{indent: utf8.RuneCountInString(s) - utf8.RuneCountInString(trimmed)}
	for trimmed != "" {
		i := strings.Index(trimmed, "  ")
		if i < 0 {
			l.cells = append(l.cells, trimmed)
			break
		}
		l.cells = append(l.cells, trimmed[:i])
		trimmed = strings.TrimLeft(trimmed[i:], " ")
	}
	return l
}

// layoutBlocks rebuilds blocks from the pages: a run of two or more lines
// that each have two or more cells is a table (one blank line may separate
// its rows, as pdftotext puts between tall rows); other lines are joined
// into paragraphs, which end at a blank line or an indented first line.
func layoutBlocks(pages []string) []jixiao.Block {
	var blocks []jixiao.Block
	ntab := 0
	for pi, page := range pages {
		pg := pi + 1
		lines := strings.Split(page, "\n")
		parsed := make([]line, len(lines))
		for i, s := range lines {
			parsed[i] = parseLine(s)
		}
		var para []line
		flush := func() {
			if text := joinParagraph(para); text != "" {
				blocks = append(blocks, jixiao.Block{Kind: jixiao.BlockParagraph, Text: text, Pos: jixiao.Position{Page: pg}})
			}
			para = para[:0]
		}
		for i := 0; i < len(parsed); i++ {
			l := parsed[i]
			if len(l.cells) == 0 {
				flush()
				continue
			}
			if rows := tableRun(parsed, i); len(rows) >= 2 {
				flush()
				ntab++
				t := &jixiao.Table{}
				for ri, ix := range rows {
					row := jixiao.Row{Pos: jixiao.Position{Page: pg, Table: ntab, Row: ri + 1}}
					for ci, c := range parsed[ix].cells {
						row.Cells = append(row.Cells, jixiao.Cell{Text: c, ColSpan: 1, RowSpan: 1,
							Pos: jixiao.Position{Page: pg, Table: ntab, Row: ri + 1, Cell: ci + 1}})
					}
					t.Rows = append(t.Rows, row)
				}
				blocks = append(blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t, Pos: jixiao.Position{Page: pg, Table: ntab}})
				i = rows[len(rows)-1]
				continue
			}
			if len(para) > 0 && l.indent > para[len(para)-1].indent+1 {
				flush()
			}
			para = append(para, l)
		}
		flush()
	}
	return blocks
}

// tableRun returns the indexes of the table rows starting at i, if line i
// has two or more cells.
func tableRun(ls []line, i int) []int {
	var rows []int
	for i < len(ls) {
		switch {
		case len(ls[i].cells) >= 2:
			rows = append(rows, i)
			i++
		case len(ls[i].cells) == 0 && i+1 < len(ls) && len(ls[i+1].cells) >= 2 && len(rows) > 0:
			i++
		default:
			return rows
		}
	}
	return rows
}

// joinParagraph joins a paragraph's lines: directly where a line break
// falls inside Chinese text, with a space between Latin words.
func joinParagraph(ls []line) string {
	var b strings.Builder
	for _, l := range ls {
		s := strings.Join(l.cells, " ")
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(s)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf && !unicode.IsSpace(prev) && prev != '-' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}
