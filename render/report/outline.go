// Package report turns an evaluation and its score into format-neutral
// documents: the official 自评表 as a Grid (Table), and the 自评报告 as an
// Outline of numbered sections holding paragraphs, tables and charts
// (Compose). The format packages (render/docx, render/pdf, render/html,
// render/md, render/xlsx) only write these; every figure and every number
// of a heading is decided here, once.
package report

import "jixiao/render/chart"

// Outline is a composed report.
type Outline struct {
	Title    string // "2024年度部门整体支出绩效自评报告"
	Unit     string // printed above the title
	Sections []Section
	// Attachments are tables appended after the text (附件: the 自评表).
	Attachments []Attachment
}

// Section is a numbered heading and what follows it. Level 1 is
// "一、…", level 2 is "（一）…". Numbers are already in Heading.
type Section struct {
	Level   int
	Heading string
	Blocks  []Block
}

// Block is one paragraph, table or chart.
type Block struct {
	Kind  BlockKind
	Text  string       // paragraph text
	Style string       // paragraph style: "" (body), "note", "caption"
	Grid  *Grid        // KindTable
	Chart *chart.Chart // KindChart
}

// BlockKind says what a Block holds.
type BlockKind int

// Block kinds.
const (
	KindParagraph BlockKind = iota
	KindTable
	KindChart
)

// Attachment is a table appended to the report under a label ("附件1").
type Attachment struct {
	Label string
	Grid  *Grid
}

// Para returns a body paragraph block.
func Para(s string) Block { return Block{Kind: KindParagraph, Text: s} }
