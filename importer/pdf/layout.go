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
//
// With the words' boxes (geo, one entry per page; nil when pdftotext could
// not give them), tables are rebuilt from geometry instead (cells.go), and
// the layout lines that fall inside a rebuilt table are not read again.
//
// A block that ends a page hands its columns to the first table of the
// next page (carry), which may go on with the block without repeating its
// header; text between the two, other than a short line such as a page
// number, ends the table.
//
// Where a producer puts merged text is settled for the whole document on
// the evidence of all its label columns (placement): a first reading
// gathers it, and when a column was read otherwise, a second reads every
// table by it.
//
// rules, when given (one entry per page), are the pages' horizontal
// borders: they tell a cell's wrapped lines from the next row's
// (buildRuled).
func layoutBlocks(pages []string, geo [][]word, rules ...[][]hline) []jixiao.Block {
	var rs [][]hline
	if len(rules) > 0 {
		rs = rules[0]
	}
	p := &placement{}
	blocks := readPages(pages, geo, rs, p)
	if p.seen() && p.decide() {
		blocks = readPages(pages, geo, rs, p)
	}
	return joinPages(blocks)
}

// joinPages joins a paragraph cut by a page break: the last paragraph of
// a page (before any page number or other short furniture) that ends
// without closing punctuation goes on with the first block of the next
// page when that is a paragraph not opening with a heading number, and
// the first is no heading.
func joinPages(blocks []jixiao.Block) []jixiao.Block {
	out := blocks[:0]
	for _, b := range blocks {
		if k := lastBody(out); k >= 0 && b.Kind == jixiao.BlockParagraph && b.Pos.Page == out[k].Pos.Page+1 &&
			firstOnPage(out, k, b) && open(out[k].Text) && !startsNumbered(b.Text) && !heading(out[k].Text) {
			out[k].Text += b.Text
			continue
		}
		out = append(out, b)
	}
	return out
}

// lastBody returns the index of the last block unless it, or the blocks
// after the last paragraph on its page, are all furniture: then that
// paragraph's; -1 when the last body block is not a paragraph.
func lastBody(bs []jixiao.Block) int {
	for k := len(bs) - 1; k >= 0; k-- {
		b := bs[k]
		if b.Kind != jixiao.BlockParagraph {
			return -1
		}
		if utf8.RuneCountInString(b.Text) > maxFurniture || k == 0 || bs[k-1].Pos.Page != b.Pos.Page {
			return k
		}
	}
	return -1
}

// firstOnPage reports that nothing of b's page came before it, after k.
func firstOnPage(bs []jixiao.Block, k int, b jixiao.Block) bool {
	for _, x := range bs[k+1:] {
		if x.Pos.Page == b.Pos.Page {
			return false
		}
	}
	return true
}

// heading reports a short paragraph opening with a heading number.
func heading(s string) bool {
	return startsNumbered(s) && utf8.RuneCountInString(s) <= 30
}

// open reports a paragraph that ends mid-sentence.
func open(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r != utf8.RuneError && !strings.ContainsRune("。！？；：!?;:”’」』）)》…", r)
}

// readPages is one reading of the pages, its tables' merged cells placed
// by place.
func readPages(pages []string, geo [][]word, rules [][]hline, place *placement) []jixiao.Block {
	var blocks []jixiao.Block
	ntab := 0
	var carry *columns
	for pi, page := range pages {
		pg := pi + 1
		lines := strings.Split(page, "\n")
		parsed := make([]line, len(lines))
		for i, s := range lines {
			parsed[i] = parseLine(s)
		}
		from := carry // the columns the page before ended with
		carry = nil
		var regions []*region
		var inRegion []int
		if pi < len(geo) && len(geo[pi]) > 0 {
			vls := visualLines(geo[pi])
			var lone func(*region) bool
			if from != nil {
				lone = func(reg *region) bool { return reg.continuesAlone(from) }
			}
			var rs []hline
			if pi < len(rules) {
				rs = rules[pi]
			}
			cells := buildRuled(vls, rs)
			regions = findRuled(cells, lone, rs)
			for _, reg := range regions {
				reg.place = place
			}
			inRegion = placeLines(lines, vls, regions)
			if from != nil && len(regions) > 0 {
				if c := cutRest(cells, regions[0], from); c != nil && appendCut(blocks, from, c) {
					skipLines(parsed, inRegion, c)
				}
			}
		}
		emitted := make([]bool, len(regions))
		var para []line
		flush := func() {
			if text := joinParagraph(para); text != "" {
				blocks = append(blocks, jixiao.Block{Kind: jixiao.BlockParagraph, Text: text, Pos: jixiao.Position{Page: pg}})
				if utf8.RuneCountInString(text) > maxFurniture {
					from, carry = nil, nil
				}
			}
			para = para[:0]
		}
		for i := 0; i < len(parsed); i++ {
			l := parsed[i]
			if inRegion != nil && inRegion[i] == cutLine {
				continue
			}
			if inRegion != nil && inRegion[i] >= 0 {
				flush()
				if k := inRegion[i]; !emitted[k] {
					emitted[k] = true
					ntab++
					var t *jixiao.Table
					t, carry = regions[k].table(pg, ntab, from)
					from = nil
					blocks = append(blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t, Pos: jixiao.Position{Page: pg, Table: ntab}})
				}
				continue
			}
			if len(l.cells) == 0 {
				if !midSentence(para) {
					flush()
				}
				continue
			}
			if rows := tableRun(parsed[:regionStart(inRegion, i, len(parsed))], i); len(rows) >= 2 {
				flush()
				from, carry = nil, nil
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

// midSentence reports a paragraph whose last line ends in a comma: a gap
// after it is the line spacing of a note set apart, not a paragraph's end
// (no paragraph, and no heading before the next, ends in a comma).
func midSentence(para []line) bool {
	if len(para) == 0 {
		return false
	}
	l := para[len(para)-1]
	if len(l.cells) == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l.cells[len(l.cells)-1])
	return r == ',' || r == '，' || r == '、'
}

// maxFurniture is the length of the longest line that may stand between
// a table and its continuation on the next page: a page number, 续表.
const maxFurniture = 16

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

// regionStart returns the first line at or after i that lies in a rebuilt
// table, or n: a table read from layout text stops there.
func regionStart(inRegion []int, i, n int) int {
	for k := i; k < len(inRegion); k++ {
		if inRegion[k] >= 0 {
			return k
		}
	}
	return n
}

// placeLines finds, for each layout line, the rebuilt table it lies in (-1
// for none). A line is placed by matching its text with a visual line of
// words; a line that cannot be matched lies in a table when the matched
// lines before and after it do.
func placeLines(lines []string, vls []vline, regions []*region) []int {
	out := make([]int, len(lines))
	known := make([]bool, len(lines))
	p := 0
	for i, s := range lines {
		out[i] = -1
		t := squeeze(s)
		if t == "" {
			continue
		}
		for q := p; q < len(vls) && q < p+64; q++ {
			v := squeeze(vls[q].text())
			if v == t || v != "" && strings.HasPrefix(t, v) {
				y := (vls[q].y0 + vls[q].y1) / 2
				for k, r := range regions {
					if y >= r.y0-1 && y <= r.y1+1 {
						out[i] = k
					}
				}
				known[i], p = true, q+1
				break
			}
		}
	}
	prev := -1
	for i := range lines {
		if known[i] {
			prev = i
			continue
		}
		next := -1
		for k := i + 1; k < len(lines); k++ {
			if known[k] {
				next = k
				break
			}
		}
		if prev >= 0 && next >= 0 && out[prev] >= 0 && out[prev] == out[next] {
			out[i] = out[prev]
		}
	}
	return out
}
