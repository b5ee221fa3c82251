package jixiao

import (
	"slices"
	"strings"
)

// Document is what every importer produces from a source file: its blocks
// in reading order, each with where it came from. The extractor reads an
// Evaluation out of it and the narrative audit reads its text.
type Document struct {
	Path     string  // the source file, as given
	Format   string  // "text", "docx", "xlsx", "pdf", "html"
	Encoding string  // for text and html: "utf-8", "utf-8-bom", "gb18030"
	Blocks   []Block //
	Warnings []string
}

// BlockKind says what a block is.
type BlockKind string

// Block kinds.
const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockTable     BlockKind = "table"
)

// Block is a heading, a paragraph or a table.
type Block struct {
	Kind  BlockKind
	Text  string // heading or paragraph text as displayed (empty for tables)
	Level int    // heading level when known (1 for 一、, 2 for （一）); 0 otherwise
	Style string // the source's style name, when it has one ("Heading 1", "标题 2")
	Table *Table // for BlockTable
	Pos   Position
}

// Table is a table as laid out in the source: rows of cells. Merged cells
// appear once, with their span; the cells they cover are absent.
type Table struct {
	Rows []Row
}

// Row is one table row.
type Row struct {
	Cells []Cell
	Pos   Position
}

// Cell is one table cell.
type Cell struct {
	Text    string   // displayed text; paragraphs joined with "\n"
	ColSpan int      // columns covered (1 when not merged)
	RowSpan int      // rows covered (1 when not merged)
	Tables  []*Table // tables nested inside the cell
	Pos     Position
}

// Texts returns the cells' texts.
func (r Row) Texts() []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

// PlainText returns the document's text: headings and paragraphs one per
// line, table rows as tab-separated cells. Used for searching and display.
func (d *Document) PlainText() string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case BlockTable:
			for _, r := range bl.Table.Rows {
				b.WriteString(strings.Join(r.Texts(), "\t"))
				b.WriteByte('\n')
			}
		default:
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// ReportTextOf returns the headings and paragraphs of d, each with its
// block and position: the report's text as imported, for an editor to
// start from. Empty blocks are left out.
func ReportTextOf(d *Document) []ReportText {
	if d == nil {
		return nil
	}
	var out []ReportText
	for i, b := range d.Blocks {
		if b.Kind == BlockTable || strings.TrimSpace(b.Text) == "" {
			continue
		}
		out = append(out, ReportText{Block: i, Kind: b.Kind, Text: b.Text, Pos: b.Pos})
	}
	return out
}

// WithReportText returns a copy of d with the report's edited text in
// place of the imported: an edit found in d replaces its block's text
// (keeping the block's kind, style and position), an empty one empties
// the block (the unit removed the paragraph); an edit found nowhere is a
// paragraph the unit added, placed after the block the edit before it
// landed on; added ones that come before any edit found go before the
// block the first found edit lands on (the start of the report), or at
// the end when no edit is found. An edit is found by its
// block and position, or by its position alone when the importer numbers
// blocks differently now. Blocks no edit names stay as imported; d itself
// is not changed (d may be nil).
func (d *Document) WithReportText(text []ReportText) *Document {
	out := &Document{}
	if d == nil {
		d = &Document{}
	}
	*out = *d
	merged := mergeReportText(d, text)
	out.Blocks = make([]Block, len(merged))
	for i, m := range merged {
		out.Blocks[i] = m.Block
	}
	return out
}

// ReportTextWith returns the report's whole text, d's headings and
// paragraphs with text's edits applied as WithReportText applies them,
// each naming the block of d it stands for (-1 for one the unit added):
// what an editor shows. Removed and empty imported paragraphs are left
// out; an added one is kept even while empty, for the unit to fill in.
func ReportTextWith(d *Document, text []ReportText) []ReportText {
	if d == nil {
		d = &Document{}
	}
	var out []ReportText
	for _, m := range mergeReportText(d, text) {
		if m.Kind == BlockTable || (m.origin >= 0 && strings.TrimSpace(m.Text) == "") {
			continue
		}
		out = append(out, ReportText{Block: m.origin, Kind: m.Kind, Text: m.Text, Pos: m.Pos})
	}
	return out
}

// mergedBlock is a block of the edited document and the index of the
// imported block it stands for, -1 for an added one.
type mergedBlock struct {
	Block
	origin int
}

func mergeReportText(d *Document, text []ReportText) []mergedBlock {
	out := make([]mergedBlock, len(d.Blocks))
	for i, b := range d.Blocks {
		out[i] = mergedBlock{b, i}
	}
	last := -1             // where the previous edit landed in out
	var lead []mergedBlock // added before any edit landed
	for _, t := range text {
		i := t.Block
		if i < 0 || i >= len(d.Blocks) || d.Blocks[i].Pos != t.Pos {
			i = slices.IndexFunc(d.Blocks, func(b Block) bool { return !t.Pos.IsZero() && b.Pos == t.Pos })
		}
		if i >= 0 && d.Blocks[i].Kind != BlockTable {
			j := slices.IndexFunc(out, func(m mergedBlock) bool { return m.origin == i })
			if last < 0 && lead != nil {
				out, j, lead = slices.Insert(out, j, lead...), j+len(lead), nil
			}
			out[j].Text, last = t.Text, j
			continue
		}
		kind := t.Kind
		if kind != BlockHeading {
			kind = BlockParagraph
		}
		added := mergedBlock{Block{Kind: kind, Text: t.Text, Pos: t.Pos}, -1}
		if last < 0 {
			lead = append(lead, added)
		} else {
			last++
			out = slices.Insert(out, last, added)
		}
	}
	return append(out, lead...)
}
