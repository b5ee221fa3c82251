// Package text imports plain-text documents: a Word or WPS document saved
// as text, in UTF-8 (with or without a byte-order mark) or GB18030/GBK.
//
// Tables survive such an export in one of two shapes, and both are read:
//
//   - flattened: each cell on its own line starting with a TAB, a blank
//     line after each row, and a line without a TAB right after a cell
//     continuing that cell (multi-line cells). Empty cells are lines holding
//     a TAB alone and are kept, since their count can matter for alignment.
//   - clean: one row per line, cells separated by TABs.
//
// Every other non-empty line is a paragraph, or a heading when it is short
// and carries section numbering (一、 （一） 1、 1. （1）) or plainly reads as a
// title. Each block, row and cell keeps its 1-based source line and column.
package text

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao"
)

// Default limits: generous for any real report, small enough that a
// hostile upload cannot exhaust memory.
const (
	DefaultMaxBytes = 64 << 20
	DefaultMaxLines = 4 << 20
)

// ErrTooLarge is returned when the input exceeds a limit.
var ErrTooLarge = errors.New("text: input too large")

// Options bound what Read accepts. Zero fields take the defaults.
type Options struct {
	MaxBytes int64 // largest input accepted, in bytes
	MaxLines int   // most lines accepted
}

// Read imports a plain-text document with the default limits. name is
// recorded as the Document's Path and used in error messages.
func Read(r io.Reader, name string) (*jixiao.Document, error) {
	return ReadOptions(r, name, Options{})
}

// ReadOptions imports a plain-text document within the given limits.
func ReadOptions(r io.Reader, name string, opt Options) (*jixiao.Document, error) {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxLines <= 0 {
		opt.MaxLines = DefaultMaxLines
	}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("text: %s: %w", name, err)
	}
	if int64(len(data)) > opt.MaxBytes {
		return nil, fmt.Errorf("%w: %s: more than %d bytes", ErrTooLarge, name, opt.MaxBytes)
	}
	s, enc, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if n := strings.Count(s, "\n") + 1; n > opt.MaxLines {
		return nil, fmt.Errorf("%w: %s: %d lines, at most %d accepted", ErrTooLarge, name, n, opt.MaxLines)
	}
	if bad := countControls(s); bad > 16 || bad*100 > utf8.RuneCountInString(s) {
		return nil, fmt.Errorf("%s: %w: %d control characters", name, ErrBinary, bad)
	}
	doc := &jixiao.Document{Path: name, Format: "text", Encoding: enc}
	p := parser{doc: doc}
	for i, line := range strings.Split(s, "\n") {
		p.line(i+1, strings.TrimSuffix(line, "\r"))
	}
	p.flushTable()
	return doc, nil
}

func countControls(s string) int {
	n := 0
	for _, r := range s {
		if isBinaryControl(r) {
			n++
		}
	}
	return n
}

// parser builds blocks line by line; every line is looked at a bounded
// number of times, so the whole read is linear in the input.
type parser struct {
	doc      *jixiao.Document
	table    *jixiao.Table
	tablePos jixiao.Position
	row      *jixiao.Row // the flattened row being filled
	lastCell bool        // the previous line was a flattened cell or its continuation
}

func (p *parser) line(n int, line string) {
	tabs := strings.Count(line, "\t")
	switch {
	case tabs == 1 && line[0] == '\t':
		p.cell(n, line[1:])
	case tabs > 0:
		p.endRow()
		p.lastCell = false
		p.cleanRow(n, line, tabs)
	case strings.TrimSpace(line) == "":
		p.endRow()
		p.lastCell = false
	case p.lastCell && p.row != nil && len(p.row.Cells) > 0:
		c := &p.row.Cells[len(p.row.Cells)-1]
		if c.Text == "" {
			c.Text = strings.TrimSpace(line)
		} else {
			c.Text += "\n" + strings.TrimSpace(line)
		}
	default:
		p.flushTable()
		p.text(n, line)
	}
}

func (p *parser) openTable(n int) {
	if p.table == nil {
		p.table = &jixiao.Table{}
		p.tablePos = jixiao.Position{Line: n, Col: 1}
	}
}

// cell adds a flattened cell (a line that was a TAB then the cell text).
func (p *parser) cell(n int, text string) {
	p.openTable(n)
	if p.row == nil {
		p.row = &jixiao.Row{Pos: jixiao.Position{Line: n, Col: 1}}
	}
	p.row.Cells = append(p.row.Cells, jixiao.Cell{
		Text: strings.TrimSpace(text), ColSpan: 1, RowSpan: 1,
		Pos: jixiao.Position{Line: n, Col: 2 + leadingSpaceRunes(text)},
	})
	p.lastCell = true
}

// cleanRow adds a row written on one line with TAB-separated cells.
func (p *parser) cleanRow(n int, line string, tabs int) {
	p.openTable(n)
	row := jixiao.Row{Pos: jixiao.Position{Line: n, Col: 1}, Cells: make([]jixiao.Cell, 0, tabs+1)}
	col := 1
	for part := range strings.SplitSeq(line, "\t") {
		row.Cells = append(row.Cells, jixiao.Cell{
			Text: strings.TrimSpace(part), ColSpan: 1, RowSpan: 1,
			Pos: jixiao.Position{Line: n, Col: col + leadingSpaceRunes(part)},
		})
		col += utf8.RuneCountInString(part) + 1
	}
	p.table.Rows = append(p.table.Rows, row)
}

func (p *parser) endRow() {
	if p.row != nil && p.table != nil {
		p.table.Rows = append(p.table.Rows, *p.row)
	}
	p.row = nil
}

func (p *parser) flushTable() {
	p.endRow()
	p.lastCell = false
	if p.table != nil && len(p.table.Rows) > 0 {
		p.doc.Blocks = append(p.doc.Blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: p.table, Pos: p.tablePos})
	}
	p.table = nil
}

// text adds a paragraph or heading line.
func (p *parser) text(n int, line string) {
	t := strings.TrimSpace(line)
	b := jixiao.Block{Kind: jixiao.BlockParagraph, Text: t, Pos: jixiao.Position{Line: n, Col: 1 + leadingSpaceRunes(line)}}
	if level, ok := headingLevel(t); ok {
		b.Kind, b.Level = jixiao.BlockHeading, level
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
}

// Heading length limits, in runes: numbered headings may carry a longer
// title than unnumbered ones, which must look like nothing but a title.
const (
	maxNumberedHeading = 40
	maxTitleHeading    = 25
)

// headingLevel decides whether a trimmed line is a heading and its level
// (0 when unnumbered).
func headingLevel(t string) (int, bool) {
	if h, rest, ok := jixiao.ParseHeading(t); ok {
		if rest == "" || !shortAtMost(t, maxNumberedHeading) || !titleLike(rest) || strings.ContainsAny(rest, "，,") {
			return 0, false
		}
		return h.Level, true
	}
	if !shortAtMost(t, maxTitleHeading) || !titleLike(t) {
		return 0, false
	}
	return 0, true
}

// titleLike reports text that reads as a title rather than a sentence: no
// sentence punctuation inside or at its end, and some writing in it.
func titleLike(t string) bool {
	if strings.ContainsAny(t, "。；;") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("，,：:、", last) {
		return false
	}
	for _, r := range t {
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shortAtMost counts at most max+1 runes, so that a 10 MB line costs no
// more than a short one.
func shortAtMost(s string, max int) bool {
	n := 0
	for range s {
		n++
		if n > max {
			return false
		}
	}
	return true
}

func leadingSpaceRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			break
		}
		n++
	}
	return n
}
