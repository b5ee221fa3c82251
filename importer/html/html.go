// Package html reads HTML pages (often tables exported from other systems
// or pages saved from a browser) into a jixiao.Document: headings,
// paragraphs and tables with their spans, in GB18030 or UTF-8.
package html

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// Read reads a page from r with the default limits. name is only recorded
// as the Document's Path.
func Read(r io.Reader, name string) (*jixiao.Document, error) {
	lim := limit.Default()
	b, err := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	if int64(len(b)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("html: %w", &limit.LimitError{Limit: limit.FileBytes, Value: int64(len(b)), Max: lim.MaxFileBytes})
	}
	d, err := ReadBytes(b, lim)
	if d != nil {
		d.Path = name
	}
	return d, err
}

// ReadBytes reads a page held in b within lim.
func ReadBytes(b []byte, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	text, enc, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("html: 编码 %s 解码失败: %w", enc, err)
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// x/net/html stops at 512 open elements, beyond any limit we set.
		return nil, fmt.Errorf("html: 页面结构无法解析（嵌套过深或损坏）: %w", err)
	}
	w := &walker{lim: lim}
	if err := w.walk(root, 0); err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	w.flush()
	return &jixiao.Document{Format: "html", Encoding: enc, Blocks: w.blocks}, nil
}

// walker turns the parsed tree into blocks. Inline text accumulates in buf
// until a block-level element ends the paragraph.
type walker struct {
	lim    limit.Limits
	blocks []jixiao.Block
	buf    strings.Builder
	ntab   int
	pre    int      // inside <pre>
	cell   *cellCtx // innermost open table cell; paragraphs go there
}

// cellCtx collects a cell's paragraphs and nested tables.
type cellCtx struct {
	text   strings.Builder
	tables []*jixiao.Table
}

func skip(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Template, atom.Head, atom.Iframe, atom.Svg, atom.Math, atom.Object, atom.Button, atom.Select, atom.Textarea:
		return true
	}
	return false
}

// block elements end the paragraph before and after them.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Main, atom.Aside, atom.Blockquote, atom.Pre, atom.Hr, atom.Form, atom.Fieldset, atom.Figure,
		atom.Figcaption, atom.Address, atom.Center, atom.Body, atom.Html, atom.Caption:
		return true
	}
	return false
}

func heading(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (w *walker) walk(n *html.Node, depth int) error {
	if depth > w.lim.MaxXMLDepth {
		return &limit.LimitError{Limit: limit.XMLDepth, Value: int64(depth), Max: int64(w.lim.MaxXMLDepth)}
	}
	switch n.Type {
	case html.TextNode:
		if w.pre > 0 {
			w.buf.WriteString(n.Data)
		} else {
			// A newline in the source is white space; only <br> breaks a line.
			w.buf.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		}
		return nil
	case html.ElementNode:
		if skip(n.DataAtom) {
			return nil
		}
		switch {
		case n.DataAtom == atom.Br:
			w.buf.WriteByte('\n')
			return nil
		case n.DataAtom == atom.Table:
			w.flush()
			t, idx, err := w.table(n, depth)
			if err != nil {
				return err
			}
			if w.cell != nil {
				w.cell.tables = append(w.cell.tables, t)
			} else {
				w.blocks = append(w.blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t, Pos: jixiao.Position{Table: idx}})
			}
			return nil
		case heading(n.DataAtom) > 0:
			w.flush()
			if err := w.children(n, depth); err != nil {
				return err
			}
			w.emit(jixiao.BlockHeading, heading(n.DataAtom))
			return nil
		case block(n.DataAtom):
			w.flush()
			if n.DataAtom == atom.Pre {
				w.pre++
				defer func() { w.pre-- }()
			}
			err := w.children(n, depth)
			w.flush()
			return err
		}
	}
	return w.children(n, depth)
}

func (w *walker) children(n *html.Node, depth int) error {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.walk(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) flush() { w.emit(jixiao.BlockParagraph, 0) }

// emit ends the current paragraph: into the open cell, or as a block.
func (w *walker) emit(kind jixiao.BlockKind, level int) {
	text := collapse(w.buf.String())
	w.buf.Reset()
	if text == "" {
		return
	}
	if w.cell != nil {
		if w.cell.text.Len() > 0 {
			w.cell.text.WriteByte('\n')
		}
		w.cell.text.WriteString(text)
		return
	}
	w.blocks = append(w.blocks, jixiao.Block{Kind: kind, Text: text, Level: level})
}

// collapse applies HTML white-space collapsing within each line (lines
// come from <br>) and drops empty lines.
func collapse(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if f := strings.Join(strings.FieldsFunc(l, isSpace), " "); f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, "\n")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\f', '\u00a0', '\u3000':
		return true
	}
	return false
}

func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, 1000) // what browsers clamp colspan to
		}
	}
	return 1
}

// table reads a <table>: rows from thead, tbody, tfoot or directly.
func (w *walker) table(n *html.Node, depth int) (*jixiao.Table, int, error) {
	w.ntab++
	idx := w.ntab
	t := &jixiao.Table{}
	outer := w.cell
	defer func() { w.cell = outer }()
	var rows func(n *html.Node, depth int) error
	rows = func(n *html.Node, depth int) error {
		if depth > w.lim.MaxXMLDepth {
			return &limit.LimitError{Limit: limit.XMLDepth, Value: int64(depth), Max: int64(w.lim.MaxXMLDepth)}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if err := rows(c, depth+1); err != nil {
					return err
				}
			case atom.Tr:
				row := jixiao.Row{Pos: jixiao.Position{Table: idx, Row: len(t.Rows) + 1}}
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
						continue
					}
					w.cell = &cellCtx{}
					if err := w.children(td, depth+2); err != nil {
						return err
					}
					w.flush()
					row.Cells = append(row.Cells, jixiao.Cell{
						Text: w.cell.text.String(), ColSpan: span(td, "colspan"), RowSpan: span(td, "rowspan"),
						Tables: w.cell.tables, Pos: jixiao.Position{Table: idx, Row: len(t.Rows) + 1, Cell: len(row.Cells) + 1},
					})
				}
				t.Rows = append(t.Rows, row)
			case atom.Caption:
				// A caption is read as a paragraph before the table.
				w.cell = outer
				if err := w.children(c, depth+1); err != nil {
					return err
				}
				w.flush()
			}
		}
		return nil
	}
	if err := rows(n, depth); err != nil {
		return nil, 0, err
	}
	return t, idx, nil
}
