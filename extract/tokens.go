package extract

import (
	"strings"
	"unicode/utf8"

	"jixiao"
	"jixiao/internal/cjk"
)

// token is one cell of a table as the source wrote it, whatever separated
// it from its neighbours: a TAB, a '|', a run of spaces, a line end, or a
// table cell of a docx, xlsx or html file.
type token struct {
	text string
	pos  jixiao.Position
	// line is the index of the source line (or table row) the token came
	// from, and lineCells how many tokens that line gave: a line that
	// holds several cells is a row the source kept, a hint the rebuilder
	// takes; a line of one cell says nothing about rows.
	line      int
	lineCells int
	row       *jixiao.Row // the table row a kept cell is from
	// colSpan and rowSpan are a table cell's merges, kept for rows taken
	// as the source laid them out.
	colSpan, rowSpan int
	kept             bool   // a cell of a table block, whose row is the source's
	norm             string // normLabel(text), made once by finish
	brk              bool   // not a cell: a row break (a long run of blank lines)
}

// rowBreakBlanks is the run of empty cells, as blank lines count them,
// that is read as the end of a row instead: no template row has so many
// empty cells in a row, and copies that put each cell in a paragraph of
// its own separate rows by ten blank lines.
const rowBreakBlanks = 5

// maxLabelBytes bounds the text of a cell that may be a label: the
// template's longest, with a remark, is some 40 bytes; a sentence is not
// looked up.
const maxLabelBytes = 96

// label is the token's text as a label key (normLabel), "" for text too
// long to be a label.
func (t *token) label() string { return t.norm }

// tokenize turns a document into the stream of cells the rebuilder reads
// by meaning. Table blocks give their cells row by row (spans are
// ignored: a LibreOffice re-save changes them); headings and paragraphs
// are split into cells by splitCells.
func tokenize(doc *jixiao.Document) []token {
	out := tokenizeRaw(doc)
	for i := range out {
		switch t := &out[i]; {
		case t.text == unreadMark:
			t.norm = unreadMark // a figure's place, not an empty cell (its brackets are no remark)
		case len(t.text) <= maxLabelBytes:
			t.norm = normLabel(t.text)
		}
	}
	return out
}

func tokenizeRaw(doc *jixiao.Document) []token {
	out := make([]token, 0, cellHint(doc))
	line := 0
	sep := blankSeparated(doc)
	prevEnd := 0 // the source line the last text block ended on
	for bi := 0; bi < len(doc.Blocks); bi++ {
		b := &doc.Blocks[bi]
		if b.Kind != jixiao.BlockTable && b.Pos.Line > 0 {
			// Blank lines are empty cells where cells come one per line;
			// where a blank line separates every cell, the ones beyond it.
			if blanks := b.Pos.Line - prevEnd - 1; prevEnd > 0 && blanks > 0 {
				// one blank line separates every cell: an empty cell is a
				// blank line or two more (a line of spaces is blank too)
				empties := blanks
				if sep == 1 {
					empties = blanks / 2
				}
				if empties >= rowBreakBlanks {
					// a long run of blank lines between cells ends a row
					line++
					out = append(out, token{brk: true, line: line, lineCells: 1})
					empties = 0
				}
				for range empties {
					line++
					out = append(out, token{pos: jixiao.Position{Line: prevEnd + 1}, line: line, lineCells: 1})
				}
			}
			prevEnd = b.Pos.Line + strings.Count(b.Text, "\n")
		} else {
			prevEnd = 0
		}
		if cs, next := pageRun(doc.Blocks, bi); cs != nil {
			// a table's preview pages, one line each: read as one text
			j := joinPages(cs)
			if rows, ok := deglue(j.text); ok {
				line = appendGlued(&out, rows, j.posAt, line+1)
				bi = next - 1
				prevEnd = doc.Blocks[bi].Pos.Line
				continue
			}
		}
		switch {
		case b.Kind == jixiao.BlockTable && b.Table != nil:
			for ri := range b.Table.Rows {
				r := &b.Table.Rows[ri]
				line++
				from := len(out)
				for _, c := range r.Cells {
					out = appendCellTokens(out, c, line)
				}
				setLineCells(out[from:], r)
			}
		default:
			i := -1
			for l := range strings.SplitSeq(b.Text, "\n") {
				i++
				line++
				pos := b.Pos
				if pos.Line > 0 {
					pos.Line += i
				}
				// a bar in the line's first column frames the row; after
				// spaces (" | a |") it ends an empty first cell
				framed := pos.Col <= 1 || i > 0
				cells := splitCellsIn(l, framed)
				if len(cells) == 1 && len(cells[0].text) >= gluedMinBytes {
					// one long cell: a table whose cells were run together?
					if rows, ok := deglue(cells[0].text); ok {
						c := cells[0]
						line = appendGlued(&out, rows, func(off int) jixiao.Position {
							p := pos
							if p.Line > 0 {
								p.Col = c.col + utf8.RuneCountInString(c.text[:off])
							}
							return p
						}, line)
						continue
					}
				}
				from := len(out)
				for _, c := range cells {
					p := pos
					if p.Line > 0 {
						p.Col = c.col
					}
					out = append(out, token{text: c.text, pos: p, line: line})
				}
				setLineCells(out[from:], nil)
			}
		}
	}
	return out
}

// appendGlued appends the rows deglue cut out of a run-together text
// (whose byte offsets posAt places in the source, and whose first row
// takes the line index line), one source row each, and returns the last
// line index used.
func appendGlued(out *[]token, rows [][]gcut, posAt func(off int) jixiao.Position, line int) int {
	for ri, r := range rows {
		if ri > 0 {
			line++
		}
		from := len(*out)
		for _, c := range r {
			*out = append(*out, token{text: c.text, pos: posAt(c.off), line: line})
		}
		setLineCells((*out)[from:], nil)
	}
	return line
}

// blankSeparated reports a text whose lines are mostly separated by one
// blank line (1), rather than following each other (0).
func blankSeparated(doc *jixiao.Document) int {
	gap0, gap1, prev := 0, 0, 0
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable || b.Pos.Line == 0 || strings.Contains(b.Text, "\n") {
			prev = 0
			continue
		}
		if prev > 0 {
			switch b.Pos.Line - prev {
			case 1:
				gap0++
			case 2:
				gap1++
			}
		}
		prev = b.Pos.Line
	}
	if gap1 > gap0 {
		return 1
	}
	return 0
}

// cellHint guesses the tokens of a document: its table cells and text
// lines, a few more for cells split out of lines.
func cellHint(doc *jixiao.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				n += len(r.Cells)
			}
		} else {
			n += 2
		}
	}
	return n
}

// appendCellTokens appends a table cell. A cell that itself holds a
// flattened row ("总额 | 238.93 | 251.89", from an html page pasted into a
// single cell) is split like a line.
func appendCellTokens(out []token, c jixiao.Cell, line int) []token {
	if strings.IndexByte(c.Text, '|') < 0 && strings.IndexByte(c.Text, '\t') < 0 {
		return append(out, token{text: strings.TrimSpace(c.Text), pos: c.Pos, line: line, colSpan: c.ColSpan, rowSpan: c.RowSpan, kept: true})
	}
	for _, p := range splitCells(c.Text) {
		out = append(out, token{text: p.text, pos: c.Pos, line: line, kept: true})
	}
	return out
}

func setLineCells(ts []token, row *jixiao.Row) {
	for i := range ts {
		ts[i].lineCells = len(ts)
		ts[i].row = row
	}
}

// piece is one cell of a line and the 1-based rune column it starts at.
type piece struct {
	text string
	col  int
}

// splitCells splits one line of text into cells. '|' ends a cell (the
// "238.93 |" of a copied web table; a line "|" alone is one empty cell)
// unless the line is framed by bars on both sides (a Markdown-like row);
// TABs and runs of two or more spaces separate cells; a line of figures
// and labels separated by single spaces ("总额 238.93 251.89 100.00%") is
// split at them. A line with none of these is one cell.
func splitCells(line string) []piece { return splitCellsIn(line, false) }

// splitCellsIn is splitCells for a document whose rows are framed by bars
// ("| a | b |") when framed is set: a line starting with a bar starts with
// its frame there, not with an empty cell.
func splitCellsIn(line string, framed bool) []piece {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	if strings.IndexByte(line, '|') >= 0 {
		return splitBars(line, framed)
	}
	ps := splitSpaces(line, 0, true)
	if len(ps) == 1 && strings.Count(line, " ") >= 5 {
		if single := joinRemarks(splitSpaces(line, 0, false)); tabular(single) {
			return single
		}
	}
	return ps
}

// joinRemarks joins a parenthesised remark ("(万元)", "(2022年度)") split
// off by a single space back to the cell it belongs to. An item's number
// ("(2)" before 项目支出) is no remark: it opens the next item.
func joinRemarks(ps []piece) []piece {
	out := ps[:0:0]
	for _, p := range ps {
		if len(out) > 0 && (strings.HasPrefix(p.text, "(") || strings.HasPrefix(p.text, "（")) && p.text != unreadMark && out[len(out)-1].text != unreadMark && !bracketedNumber(p.text) {
			out[len(out)-1].text += " " + p.text
			continue
		}
		out = append(out, p)
	}
	return out
}

// bracketedNumber reports a bracketed item number alone: "(2)", "（3）".
func bracketedNumber(s string) bool {
	t := strings.TrimSpace(s)
	for _, br := range [...][2]string{{"(", ")"}, {"（", "）"}} {
		if inner, ok := strings.CutPrefix(t, br[0]); ok {
			if inner, ok = strings.CutSuffix(inner, br[1]); ok && inner != "" && strings.Trim(inner, "0123456789") == "" {
				return true
			}
		}
	}
	return false
}

// splitBars splits a line at '|', each piece further split at TABs and
// runs of spaces.
func splitBars(line string, framedDoc bool) []piece {
	parts := strings.Split(line, "|")
	t := strings.TrimSpace(line)
	framed := framedDoc && len(parts) > 2 && strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && strings.Trim(t, "| \t") != ""
	if framed {
		// "| a | b |": the bars frame the cells, the outer pieces are not cells
		i := strings.IndexByte(line, '|')
		line = line[i+1:]
		parts = strings.Split(line[:strings.LastIndexByte(line, '|')], "|")
	} else if strings.HasSuffix(strings.TrimRight(line, " \t"), "|") {
		parts = parts[:len(parts)-1] // the bar ends the last cell
	}
	var out []piece
	col := 1
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			out = append(out, piece{"", col})
		} else {
			out = append(out, splitSpaces(p, col-1, true)...)
		}
		col += utf8.RuneCountInString(p) + 1
	}
	return out
}

// splitSpaces splits s at TABs and at runs of spaces: runs of two or more
// when wide is set, any space otherwise. Columns (in runes) are counted
// from base. A line with nothing to split at is one cell, found without
// walking it.
func splitSpaces(s string, base int, wide bool) []piece {
	if wide && strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "\u3000") && !strings.Contains(s, "  ") {
		t := strings.TrimSpace(s)
		if t == "" {
			return nil
		}
		lead := len(s) - len(strings.TrimLeft(s, " \u00a0"))
		return []piece{{t, base + utf8.RuneCountInString(s[:lead]) + 1}}
	}
	var out []piece
	start, startCol := -1, 0 // the open cell's first byte and column
	col := base
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !cjk.IsSpace(r) {
			if start < 0 {
				start, startCol = i, col+1
			}
			i, col = i+n, col+1
			continue
		}
		// a run of spaces from i to j
		j, runes := i, 0
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !cjk.IsSpace(r2) || r2 == '\t' && j > i {
				break
			}
			j, runes = j+n2, runes+1
			if r2 == '\t' {
				break
			}
		}
		if (r == '\t' || !wide || runes >= 2 || r == '\u3000') && start >= 0 {
			out = append(out, piece{strings.TrimSpace(s[start:i]), startCol})
			start = -1
		}
		i, col = j, col+runes
	}
	if start >= 0 {
		out = append(out, piece{strings.TrimSpace(s[start:]), startCol})
	}
	return out
}

// tabular reports a line of single-space-separated words that reads as
// table cells run together rather than a sentence: it holds several of
// the template's own labels, each a word of its own, and figures.
func tabular(ps []piece) bool {
	if len(ps) < 6 {
		return false
	}
	figures, labels := 0, 0
	for _, p := range ps {
		switch n := normLabel(p.text); {
		case isValueText(p.text):
			figures++
		case knownLabels[n] != "", rowLabel(n):
			labels++
		}
	}
	return labels >= 3 && figures >= 2
}
