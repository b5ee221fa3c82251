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
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao"
	"jixiao/internal/cjk"
	"jixiao/notation"
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
	data, err := readAll(r, opt.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("text: %s: %w", name, err)
	}
	if int64(len(data)) > opt.MaxBytes {
		return nil, fmt.Errorf("%w: %s: more than %d bytes", ErrTooLarge, name, opt.MaxBytes)
	}
	s, enc, sh, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if sh.lines > opt.MaxLines {
		return nil, fmt.Errorf("%w: %s: %d lines, at most %d accepted", ErrTooLarge, name, sh.lines, opt.MaxLines)
	}
	if bad := sh.controls; bad > 16 || bad > 0 && bad*100 > utf8.RuneCountInString(s) {
		return nil, fmt.Errorf("%s: %w: %d control characters", name, ErrBinary, bad)
	}
	doc := &jixiao.Document{Path: name, Format: "text", Encoding: enc}
	p := parser{doc: doc, src: s}
	// Every cell line holds a TAB and every row but a clean one ends at a
	// blank line, so these bound the cells and rows well enough to
	// allocate them once instead of growing a slice per row.
	if sh.tabs > 0 {
		p.cells = make([]jixiao.Cell, 0, sh.tabs+1)
		p.rows = make([]jixiao.Row, 0, min(sh.blank, sh.tabs)+1)
	}
	if sh.text > 0 {
		doc.Blocks = make([]jixiao.Block, 0, sh.text+1)
	}
	for n, off := 1, 0; ; n++ {
		end := len(s)
		if i := strings.IndexByte(s[off:], '\n'); i >= 0 {
			end = off + i
		}
		p.line(n, off, strings.TrimSuffix(s[off:end], "\r"))
		if end == len(s) {
			break
		}
		off = end + 1
	}
	p.flushTable()
	if len(doc.Blocks) == 0 {
		doc.Blocks = nil // as when nothing was allocated: blank text has no blocks
	}
	return doc, nil
}

// readAll reads at most max+1 bytes of r. A reader that tells its length
// and writes itself out (bytes.Reader, strings.Reader, bytes.Buffer) is
// copied once, straight into the string; any other is read into a buffer
// that is then copied.
func readAll(r io.Reader, max int64) (string, error) {
	if l, ok := r.(interface{ Len() int }); ok {
		if wt, ok := r.(io.WriterTo); ok && int64(l.Len()) <= max {
			var b strings.Builder
			b.Grow(l.Len())
			_, err := wt.WriteTo(&b)
			return b.String(), err
		}
	}
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	return buf.String(), err
}

// parser builds blocks line by line; every line is looked at a bounded
// number of times, so the whole read is linear in the input.
//
// Cells and rows are appended to two slices shared by the whole document;
// each row and table takes its part of them with its capacity cut to its
// length, so that appending to one never writes into the next.
type parser struct {
	doc      *jixiao.Document
	src      string // the decoded text, which every line is part of
	table    *jixiao.Table
	tablePos jixiao.Position
	cells    []jixiao.Cell // every cell read so far
	rows     []jixiao.Row  // every row read so far
	rowOpen  bool          // a flattened row is being filled with cells[rowFrom:]
	rowFrom  int
	rowPos   jixiao.Position
	tableRow int  // the open table's rows are rows[tableRow:]
	lastCell bool // the previous line was a flattened cell or its continuation
	// The last cell's text is src[textFrom:textEnd] while textEnd >= 0.
	textFrom, textEnd int
}

// line reads the line that starts at byte off of the source, its line
// end (LF or CRLF) cut off.
func (p *parser) line(n, off int, line string) {
	tabs := strings.Count(line, "\t")
	switch {
	case tabs == 1 && line[0] == '\t':
		p.cell(n, off+1, line[1:])
	case tabs > 0:
		p.endRow()
		p.lastCell = false
		p.cleanRow(n, line, tabs)
	default:
		p.lineText(n, off, line)
	}
}

// lineText reads a line without TABs: blank when all spaces, else a
// cell's next line or a paragraph.
func (p *parser) lineText(n, off int, line string) {
	spaces, skip := leadingSpace(line)
	switch {
	case skip == len(line):
		p.endRow()
		p.lastCell = false
	case p.lastCell && p.rowOpen && len(p.cells) > p.rowFrom:
		p.continueCell(off+skip, cjk.TrimSpace(line[skip:]))
	default:
		p.flushTable()
		p.text(n, 1+spaces, cjk.TrimSpace(line[skip:]))
	}
}

func (p *parser) openTable(n int) {
	if p.table == nil {
		p.table = &jixiao.Table{}
		p.tablePos = jixiao.Position{Line: n, Col: 1}
		p.tableRow = len(p.rows)
	}
}

// cell adds a flattened cell (a line that was a TAB then the cell text,
// which starts at byte off of the source).
func (p *parser) cell(n, off int, text string) {
	p.openTable(n)
	if !p.rowOpen {
		p.rowOpen, p.rowFrom, p.rowPos = true, len(p.cells), jixiao.Position{Line: n, Col: 1}
	}
	spaces, skip := leadingSpace(text)
	c := push(&p.cells)
	c.Text, c.ColSpan, c.RowSpan = cjk.TrimSpace(text[skip:]), 1, 1
	c.Pos.Line, c.Pos.Col = n, 2+spaces
	p.textFrom = off + skip
	p.textEnd = p.textFrom + len(c.Text)
	p.lastCell = true
}

// continueCell adds t, the trimmed text of a multi-line cell's next line
// found at byte off of the source, to the last cell. Lines are joined with
// "\n"; when the cell text ends its line and t starts the next, as it
// nearly always does, the joined text is the source itself from the
// cell's start to t's end and is not copied.
func (p *parser) continueCell(off int, t string) {
	c := &p.cells[len(p.cells)-1]
	switch {
	case c.Text == "":
		c.Text, p.textFrom = t, off
	case p.textEnd >= 0 && p.textEnd == off-1 && p.src[p.textEnd] == '\n':
		c.Text = p.src[p.textFrom : off+len(t)]
	default:
		c.Text += "\n" + t
		p.textEnd = -1
		return
	}
	p.textEnd = off + len(t)
}

// cleanRow adds a row written on one line with TAB-separated cells.
func (p *parser) cleanRow(n int, line string, tabs int) {
	p.openTable(n)
	from := len(p.cells)
	p.cells = slices.Grow(p.cells, tabs+1)
	col := 1
	for part := range strings.SplitSeq(line, "\t") {
		spaces, skip := leadingSpace(part)
		c := push(&p.cells)
		c.Text, c.ColSpan, c.RowSpan = cjk.TrimSpace(part[skip:]), 1, 1
		c.Pos.Line, c.Pos.Col = n, col+spaces
		col += runeCount(part) + 1
	}
	p.addRow(jixiao.Position{Line: n, Col: 1}, from)
}

// addRow adds a row of the cells from cells[from:].
func (p *parser) addRow(pos jixiao.Position, from int) {
	r := push(&p.rows)
	r.Cells, r.Pos = p.cells[from:len(p.cells):len(p.cells)], pos
}

func (p *parser) endRow() {
	if p.rowOpen && p.table != nil {
		p.addRow(p.rowPos, p.rowFrom)
	}
	p.rowOpen = false
}

func (p *parser) flushTable() {
	p.endRow()
	p.lastCell = false
	if p.table != nil && len(p.rows) > p.tableRow {
		p.table.Rows = p.rows[p.tableRow:len(p.rows):len(p.rows)]
		b := push(&p.doc.Blocks)
		b.Kind, b.Table, b.Pos = jixiao.BlockTable, p.table, p.tablePos
	}
	p.table = nil
}

// text adds a paragraph or heading of trimmed text t found at column col.
func (p *parser) text(n, col int, t string) {
	b := push(&p.doc.Blocks)
	b.Kind, b.Text = jixiao.BlockParagraph, t
	b.Pos.Line, b.Pos.Col = n, col
	if level, ok := headingLevel(t); ok {
		b.Kind, b.Level = jixiao.BlockHeading, level
	}
}

// push extends *s by one element and returns it, zero, to be set field by
// field: appending a whole Cell or Block copies it in with a write barrier
// for each of its pointers, most of them nil, while the garbage collector
// runs. The element is zero because nothing here writes past a slice's
// length, and make and append leave the capacity beyond it zeroed.
func push[T any](s *[]T) *T {
	if len(*s) < cap(*s) {
		*s = (*s)[:len(*s)+1]
	} else {
		var zero T
		*s = append(*s, zero)
	}
	return &(*s)[len(*s)-1]
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
	// A rune takes one to four bytes, so the length in bytes often
	// decides; most paragraphs are too long for either kind of heading.
	runes := len(t)
	if runes > maxTitleHeading {
		if runes > 4*maxNumberedHeading {
			return 0, false
		}
		runes = runeCount(t)
	}
	if runes > maxNumberedHeading {
		return 0, false
	}
	if h, rest, ok := notation.ParseHeading(t); ok {
		if rest == "" || !titleLike(rest) || strings.Contains(rest, "，") || strings.Contains(rest, ",") {
			return 0, false
		}
		return h.Level, true
	}
	if runes > maxTitleHeading || !titleLike(t) {
		return 0, false
	}
	return 0, true
}

// titleLike reports text that reads as a title rather than a sentence: no
// sentence punctuation inside or at its end, and some writing in it.
func titleLike(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '，', ',', '：', ':', '、':
		return false
	}
	if strings.Contains(t, "。") || strings.Contains(t, "；") || strings.IndexByte(t, ';') >= 0 {
		return false
	}
	for _, r := range t {
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
