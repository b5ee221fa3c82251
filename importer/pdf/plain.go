package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// readGo reads the PDF in pure Go: each page's words with their boxes
// (glyphs.go), the layout text built from them (layouttext.go), and the
// same rebuild of paragraphs and tables as for pdftotext's output. The
// parser is not written for hostile input: its panics are recovered, and
// since it cannot be cancelled it runs in a goroutine that is abandoned at
// the timeout.
func readGo(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	type result struct {
		d   *jixiao.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := goText(r, size, lim)
		done <- result{d, err}
	}()
	select {
	case res := <-done:
		return res.d, res.err
	case <-time.After(lim.Timeout):
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Time, Value: int64(lim.Timeout.Seconds()), Max: int64(lim.Timeout.Seconds())})
	}
}

// goPages returns each page's words and horizontal lines, top-left
// origin, in points.
func goPages(r io.ReaderAt, size int64, lim limit.Limits) (geo [][]word, rules [][]hline, typed bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			geo, rules, typed, err = nil, nil, false, fmt.Errorf("pdf: 文件结构异常，无法读取：%s", oneLine(fmt.Sprint(p)))
		}
	}()
	pr, err := pdf.NewReader(r, size)
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, nil, false, ErrEncrypted
		}
		return nil, nil, false, fmt.Errorf("pdf: 无法读取：%s", oneLine(err.Error()))
	}
	n := pr.NumPage()
	if n > lim.MaxPages {
		return nil, nil, false, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Pages, Value: int64(n), Max: int64(lim.MaxPages)})
	}
	total := 0
	for i := 1; i <= n; i++ {
		p := pr.Page(i)
		if p.V.IsNull() {
			geo, rules = append(geo, nil), append(rules, nil)
			continue
		}
		x0, top := pageOrigin(p.V)
		gs, rs, vs, t := pageGlyphs(p, maxGlyphsPerPage)
		typed = typed || t

		var hs []hline
		for _, r := range rs {
			hs = append(hs, hline{x0: r.x0 - x0, x1: r.x1 - x0, y: top - r.y})
		}
		for k, v := range vs {
			vs[k].x -= x0
			hs = append(hs, hline{x0: v.x - x0, vertical: true, y: top - v.y1, y1: top - v.y0})
		}
		rules = append(rules, hs)
		for k := range gs {
			gs[k].x -= x0
			total += len(gs[k].text)
		}
		if int64(total) > lim.MaxUnzippedBytes {
			return nil, nil, false, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.UnzippedBytes, Value: int64(total), Max: lim.MaxUnzippedBytes})
		}
		ws := pageWords(gs, vs, top)
		if len(ws) > maxWordsPerPage {
			ws = ws[:maxWordsPerPage]
		}
		geo = append(geo, ws)
	}
	return geo, rules, typed, nil
}

// maxGlyphsPerPage bounds the characters kept for one page (a page of
// 6-point text holds about 10,000).
const maxGlyphsPerPage = 50000

// pageOrigin returns the left and top edges of the page's visible box
// (CropBox, else MediaBox; A4 when neither is readable).
func pageOrigin(v pdf.Value) (left, top float64) {
	for _, key := range []string{"CropBox", "MediaBox"} {
		b := v
		for depth := 0; !b.IsNull() && depth < 64; depth++ {
			if box := b.Key(key); box.Len() == 4 {
				x0, y0, x1, y1 := box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
				return min(x0, x1), max(y0, y1)
			}
			b = b.Key("Parent")
		}
	}
	return 0, 841.89
}

func goText(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	geo, rules, typed, err := goPages(r, size, lim)
	if err != nil {
		return nil, err
	}
	pages := make([]string, len(geo))
	for i, ws := range geo {
		pages[i] = layoutText(ws, rules[i])
	}
	d := &jixiao.Document{Format: "pdf", Blocks: layoutBlocks(pages, geo, rules)}
	if len(d.Blocks) == 0 && !typed {
		return nil, errScanned
	}
	if len(d.Blocks) == 0 {
		return nil, ErrNoText
	}
	return d, nil
}

// errScanned is ErrNoText for a PDF that draws no text at all: a scan,
// which no other reader can read either.
var errScanned = fmt.Errorf("%w", ErrNoText)

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
