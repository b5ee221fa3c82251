package extract

import (
	"strings"
	"unicode/utf8"

	"jixiao"
)

// Document-sharing sites show a .docx as the text of its preview pages,
// one line a page, numbered "1、" "2、" "3、": a table run together over
// four pages comes as three or four lines, each cut wherever its page
// ended (a cell broken in two: "按规定公" / "开"). Read apart, no line
// holds a header and its rows; read as the one text they were, deglue
// can take the table apart again.

// pageChunk is one numbered page line: its text after the number and
// where that text starts.
type pageChunk struct {
	text string
	pos  jixiao.Position
}

// previewPage is the page number a preview line starts with ("2、…" → 2),
// and the byte length of the number and its mark; 0 if none.
func previewPage(s string) (n, width int) {
	i := 0
	for i < len(s) && i < 3 && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || !strings.HasPrefix(s[i:], "、") {
		return 0, 0
	}
	return n, i + len("、")
}

// pageRun returns the numbered page lines starting at block i, when
// there are at least two, consecutive in number and in line, the first
// long enough to be a table run together; and the index of the block
// after them.
func pageRun(blocks []jixiao.Block, i int) ([]pageChunk, int) {
	var out []pageChunk
	want, line := 0, 0
	for j := i; j < len(blocks); j++ {
		b := &blocks[j]
		if b.Kind == jixiao.BlockTable || b.Pos.Line == 0 || strings.IndexByte(b.Text, '\n') >= 0 {
			break
		}
		n, w := previewPage(b.Text)
		if n == 0 || want > 0 && (n != want || b.Pos.Line != line+1) {
			break
		}
		pos := b.Pos
		pos.Col += w - len("、") + 1 // the number is ASCII, the mark one rune
		out = append(out, pageChunk{b.Text[w:], pos})
		want, line = n+1, b.Pos.Line
	}
	if len(out) < 2 || len(out[0].text) < gluedMinBytes {
		return nil, i
	}
	return out, i + len(out)
}

// joinPages is the text the page lines were, and where each byte of it
// came from.
type joinedPages struct {
	text   string
	starts []int // the byte offset in text where each chunk starts
	chunks []pageChunk
}

func joinPages(cs []pageChunk) joinedPages {
	j := joinedPages{chunks: cs}
	var b strings.Builder
	for _, c := range cs {
		j.starts = append(j.starts, b.Len())
		b.WriteString(c.text)
	}
	j.text = b.String()
	return j
}

// posAt is the source position of byte off of the joined text.
func (j *joinedPages) posAt(off int) jixiao.Position {
	k := 0
	for k+1 < len(j.starts) && j.starts[k+1] <= off {
		k++
	}
	c := j.chunks[k]
	p := c.pos
	p.Col += utf8.RuneCountInString(c.text[:off-j.starts[k]])
	return p
}
