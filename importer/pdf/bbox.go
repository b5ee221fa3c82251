package pdf

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"strconv"

	"jixiao/importer/internal/limit"
)

// word is one word of pdftotext -bbox-layout output, in points from the
// page's top left corner.
type word struct {
	x0, y0, x1, y1 float64
	text           string
	// space: a space character follows the word on its line (the pure-Go
	// reader knows it; pdftotext's boxes do not say).
	space bool
	// glyphs: the word was joined from glyphs by the pure-Go reader, which
	// ends a word at every space and at every gap wider than a fifth of the
	// size; so two of its words on one line with a gap and no space
	// between them were placed apart by the producer (two cells' texts).
	glyphs bool
}

func (w word) h() float64 { return w.y1 - w.y0 }

// maxWordsPerPage bounds the geometry kept for one page; a page with more
// words than any table has is read from its layout text alone.
const maxWordsPerPage = 20000

// readBBox runs pdftotext -bbox-layout on the same pages as the layout
// text and returns each page's words. Any failure gives nil: the geometry
// only improves tables, and the layout text stands without it.
func readBBox(cmd, path string, lim limit.Limits) [][]word {
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	out := &capped{max: lim.MaxUnzippedBytes}
	c := exec.CommandContext(ctx, cmd, "-bbox-layout", "-enc", "UTF-8", "-l", fmt.Sprint(lim.MaxPages+1), path, "-")
	c.Stdout = out
	if err := c.Run(); err != nil || out.over {
		return nil
	}
	pages, err := parseBBox(bytes.NewReader(out.buf.Bytes()), lim.MaxXMLDepth)
	if err != nil {
		return nil
	}
	return pages
}

// parseBBox reads the words of each page from pdftotext's XHTML.
func parseBBox(r io.Reader, maxDepth int) ([][]word, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var pages [][]word
	depth := 0
	var cur *word
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return pages, nil
		}
		if err != nil {
			return nil, fmt.Errorf("pdf: bbox: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if maxDepth > 0 && depth > maxDepth {
				return nil, fmt.Errorf("pdf: bbox: nesting deeper than %d", maxDepth)
			}
			switch t.Name.Local {
			case "page":
				pages = append(pages, nil)
			case "word":
				w := word{}
				for _, a := range t.Attr {
					v, _ := strconv.ParseFloat(a.Value, 64)
					switch a.Name.Local {
					case "xMin":
						w.x0 = v
					case "yMin":
						w.y0 = v
					case "xMax":
						w.x1 = v
					case "yMax":
						w.y1 = v
					}
				}
				cur = &w
			}
		case xml.EndElement:
			depth--
			if t.Name.Local == "word" && cur != nil {
				if n := len(pages); n > 0 && len(pages[n-1]) < maxWordsPerPage && cur.text != "" && cur.y1 > cur.y0 {
					pages[n-1] = append(pages[n-1], *cur)
				}
				cur = nil
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		}
	}
}
