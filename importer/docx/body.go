package docx

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// para is a paragraph being read.
type para struct {
	text    []byte
	styleID string
	outline int // from pPr; -1 when not set
	numID   int // from pPr; -1 when not set, 0 means "numbering removed"
	ilvl    int
}

// cellB is a table cell being read.
type cellB struct {
	text    strings.Builder
	span    int
	vmerge  uint8 // 0 none, 1 restart, 2 continue
	tables  []*jixiao.Table
	index   int // 1-based w:tc index in the row
	gridCol int
}

// maxGrid bounds the grid column a hostile table can reach (Word allows
// 63 columns); it keeps the merge bookkeeping small.
const maxGrid = 4096

const (
	vmNone uint8 = iota
	vmRestart
	vmContinue
)

// cellRef locates a cell that starts a vertical merge.
type cellRef struct{ row, cell int }

// tableB is a table being read.
type tableB struct {
	t       *jixiao.Table
	index   int
	rows    int // w:tr seen
	tcs     int // w:tc seen in the current row
	gridCol int
	row     *jixiao.Row
	cell    *cellB
	vm      []cellRef // by grid column: the open vertical merge, row -1 when none
}

// body reads the main document part. Its buffers are reused across
// paragraphs so that the token loop allocates little beyond what
// encoding/xml itself does.
type body struct {
	st     styles
	num    *numbering
	lim    limit.Limits
	w      string // prefix of the WordprocessingML namespace
	blocks []jixiao.Block
	paras  []*para // open paragraphs (text boxes nest them)
	free   []*para
	tables []*tableB
	ntab   int
	inText int         // inside w:t
	inRun  int         // inside w:r
	fast   [][2][]byte // elements skipped unread, by fastSkip: open, close tag
}

func newBody(st styles, num *numbering, lim limit.Limits) *body {
	return &body{st: st, num: num, lim: lim, w: "w"}
}

func (b *body) read(data []byte) error {
	x := newScanner(data, b.lim.MaxXMLDepth)
	root := true
	for {
		t, err := x.next()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch t.kind {
		case tText:
			if b.inText > 0 && len(b.paras) > 0 {
				p := b.paras[len(b.paras)-1]
				p.text = append(p.text, t.text...)
			}
		case tStart:
			if root {
				root = false
				b.w = wPrefix(t.attr)
				b.fast = fastSkips(b.w)
			}
			if string(t.prefix) != b.w {
				// mc:Fallback repeats what mc:Choice holds (text boxes as VML).
				if string(t.local) == "Fallback" {
					if err := x.skip(); err != nil {
						return err
					}
				}
				continue
			}
			if err := b.start(x, t); err != nil {
				return err
			}
		case tEnd:
			if string(t.prefix) == b.w {
				b.end(t.local)
			}
		}
	}
}

// fastSkips lists the property elements that hold no text and nothing
// the reader uses, with their tags under the document's prefix. Run
// properties alone are about a third of a typical document.xml.
func fastSkips(w string) [][2][]byte {
	if w != "" {
		w += ":"
	}
	m := make([][2][]byte, len(fastNames))
	for i, name := range fastNames {
		m[i] = [2][]byte{[]byte("<" + w + name), []byte("</" + w + name + ">")}
	}
	return m
}

var fastNames = [...]string{"rPr", "tcBorders", "tblPr", "tblGrid", "sectPr", "pBdr", "tabs", "shd", "tblBorders"}

// fastSkip returns the index in fastNames of an element skipped unread,
// or -1. A switch, not a map: it is asked for every start tag, and
// hashing the name cost more than the compiled comparisons.
func fastSkip(local []byte) int {
	switch string(local) {
	case "rPr":
		return 0
	case "tcBorders":
		return 1
	case "tblPr":
		return 2
	case "tblGrid":
		return 3
	case "sectPr":
		return 4
	case "pBdr":
		return 5
	case "tabs":
		return 6
	case "shd":
		return 7
	case "tblBorders":
		return 8
	}
	return -1
}

// skipped elements: deleted and moved-away text, and the previous
// properties kept by tracked changes.
func skipped(local []byte) bool {
	switch string(local) {
	case "del", "moveFrom", "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "tblGridChange", "numberingChange":
		return true
	}
	return false
}

func (b *body) start(x *scanner, t tok) error {
	if i := fastSkip(t.local); i >= 0 {
		tags := b.fast[i]
		return x.skipFast(tags[0], tags[1])
	}
	if skipped(t.local) {
		return x.skip()
	}
	switch string(t.local) {
	case "p":
		b.openPara()
	case "r":
		b.inRun++
	case "t":
		b.inText++
	case "tab":
		if b.inRun > 0 {
			b.appendText("\t")
		}
	case "br", "cr":
		if b.inRun > 0 {
			b.appendText("\n")
		}
	case "noBreakHyphen":
		b.appendText("-")
	case "pStyle":
		if p := b.para(); p != nil {
			p.styleID = attr(t.attr, "val")
		}
	case "outlineLvl":
		if p := b.para(); p != nil {
			if n, ok := atoi(attr(t.attr, "val")); ok {
				p.outline = n
			}
		}
	case "numId":
		if p := b.para(); p != nil {
			if n, ok := atoi(attr(t.attr, "val")); ok {
				p.numID = n
			}
		}
	case "ilvl":
		if p := b.para(); p != nil {
			if n, ok := atoi(attr(t.attr, "val")); ok {
				p.ilvl = n
			}
		}
	case "tbl":
		b.ntab++
		b.tables = append(b.tables, &tableB{t: &jixiao.Table{}, index: b.ntab})
	case "tr":
		if tb := b.table(); tb != nil {
			tb.rows++
			tb.tcs = 0
			tb.gridCol = 0
			tb.row = &jixiao.Row{Pos: jixiao.Position{Table: tb.index, Row: tb.rows}}
		}
	case "gridBefore":
		if tb := b.table(); tb != nil && tb.cell == nil {
			if n, ok := atoi(attr(t.attr, "val")); ok && n > 0 && n < 1000 {
				tb.gridCol = min(tb.gridCol+n, maxGrid)
			}
		}
	case "tc":
		if tb := b.table(); tb != nil && tb.row != nil {
			tb.tcs++
			tb.cell = &cellB{span: 1, index: tb.tcs, gridCol: tb.gridCol}
		}
	case "gridSpan":
		if c := b.cell(); c != nil {
			if n, ok := atoi(attr(t.attr, "val")); ok && n > 1 && n < 1000 {
				c.span = n
			}
		}
	case "vMerge":
		if c := b.cell(); c != nil {
			if attr(t.attr, "val") == "restart" {
				c.vmerge = vmRestart
			} else {
				c.vmerge = vmContinue
			}
		}
	}
	return nil
}

func (b *body) end(local []byte) {
	switch string(local) {
	case "p":
		b.closePara()
	case "r":
		b.inRun--
	case "t":
		b.inText--
	case "tc":
		b.closeCell()
	case "tr":
		if tb := b.table(); tb != nil && tb.row != nil {
			if tb.cell != nil {
				b.closeCell()
			}
			tb.t.Rows = append(tb.t.Rows, *tb.row)
			tb.row = nil
		}
	case "tbl":
		b.closeTable()
	}
}

func (b *body) para() *para {
	if len(b.paras) == 0 {
		return nil
	}
	return b.paras[len(b.paras)-1]
}

func (b *body) table() *tableB {
	if len(b.tables) == 0 {
		return nil
	}
	return b.tables[len(b.tables)-1]
}

// cell returns the open cell of the innermost table, if any.
func (b *body) cell() *cellB {
	if tb := b.table(); tb != nil {
		return tb.cell
	}
	return nil
}

func (b *body) appendText(s string) {
	if p := b.para(); p != nil {
		p.text = append(p.text, s...)
	}
}

func (b *body) openPara() {
	var p *para
	if n := len(b.free); n > 0 {
		p, b.free = b.free[n-1], b.free[:n-1]
		p.text = p.text[:0]
	} else {
		p = &para{text: make([]byte, 0, 256)}
	}
	p.styleID, p.outline, p.numID, p.ilvl = "", -1, -1, 0
	b.paras = append(b.paras, p)
}

func (b *body) closePara() {
	p := b.para()
	if p == nil {
		return
	}
	b.paras = b.paras[:len(b.paras)-1]
	defer func() { b.free = append(b.free, p) }()

	numID, ilvl := p.numID, p.ilvl
	if numID < 0 && p.styleID != "" {
		numID, ilvl = b.st.num(p.styleID)
	}
	prefix := ""
	if numID > 0 {
		prefix = b.num.next(numID, ilvl)
	}
	text := strings.TrimSpace(string(p.text))
	if text == "" {
		return
	}
	if prefix != "" {
		text = joinNumber(prefix, text)
	}
	if c := b.cell(); c != nil && len(b.tables) > 0 {
		if c.text.Len() > 0 {
			c.text.WriteByte('\n')
		}
		c.text.WriteString(text)
		return
	}
	bl := jixiao.Block{Kind: jixiao.BlockParagraph, Text: text}
	if p.styleID != "" {
		bl.Style = b.st.name(p.styleID)
	}
	outline := p.outline
	if outline < 0 && p.styleID != "" {
		outline = b.st.outline(p.styleID)
	}
	if outline >= 0 && outline < 9 {
		bl.Kind, bl.Level = jixiao.BlockHeading, outline+1
	}
	b.blocks = append(b.blocks, bl)
}

// joinNumber puts a list number before its text. Word follows the number
// with a tab by default; a tab's width is layout, so a number that ends in
// punctuation ("一、", "（一）", "1.") is joined directly, as people type
// it, and any other ("1.1", "A") gets one space.
func joinNumber(num, text string) string {
	r, _ := utf8.DecodeLastRuneInString(num)
	if unicode.IsPunct(r) || unicode.Is(unicode.Han, r) {
		return num + text
	}
	return num + " " + text
}

func (b *body) closeCell() {
	tb := b.table()
	if tb == nil || tb.cell == nil || tb.row == nil {
		return
	}
	c := tb.cell
	tb.cell = nil
	tb.gridCol = min(tb.gridCol+c.span, maxGrid)
	if c.vmerge == vmContinue {
		if g := c.gridCol; g < len(tb.vm) && tb.vm[g].row >= 0 && tb.vm[g].row < len(tb.t.Rows) {
			ref := tb.vm[g]
			// Word shows only the first cell of a vertical merge; text
			// left in the cells it covers is not displayed, so it is dropped.
			tb.t.Rows[ref.row].Cells[ref.cell].RowSpan++
			return
		}
	}
	cell := jixiao.Cell{Text: c.text.String(), ColSpan: c.span, RowSpan: 1, Tables: c.tables,
		Pos: jixiao.Position{Table: tb.index, Row: tb.rows, Cell: c.index}}
	tb.row.Cells = append(tb.row.Cells, cell)
	for len(tb.vm) < c.gridCol+c.span {
		tb.vm = append(tb.vm, cellRef{row: -1})
	}
	for g := c.gridCol; g < c.gridCol+c.span; g++ {
		tb.vm[g] = cellRef{row: -1}
	}
	if c.vmerge == vmRestart {
		// The row is appended to the table when it closes, at index rows-1.
		tb.vm[c.gridCol] = cellRef{row: tb.rows - 1, cell: len(tb.row.Cells) - 1}
	}
}

func (b *body) closeTable() {
	tb := b.table()
	if tb == nil {
		return
	}
	if tb.row != nil {
		b.end([]byte("tr"))
	}
	b.tables = b.tables[:len(b.tables)-1]
	if parent := b.table(); parent != nil && parent.cell != nil {
		parent.cell.tables = append(parent.cell.tables, tb.t)
		return
	}
	b.blocks = append(b.blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: tb.t, Pos: jixiao.Position{Table: tb.index}})
}
