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

// readPlain reads text with the pure-Go reader, which knows no layout:
// every page becomes paragraphs split at blank lines. The reader is not
// written for hostile input: its panics are recovered, and since it cannot
// be cancelled it runs in a goroutine that is abandoned at the timeout.
func readPlain(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	type result struct {
		d   *jixiao.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := plainText(r, size, lim)
		done <- result{d, err}
	}()
	select {
	case res := <-done:
		return res.d, res.err
	case <-time.After(lim.Timeout):
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Time, Value: int64(lim.Timeout.Seconds()), Max: int64(lim.Timeout.Seconds())})
	}
}

func plainText(r io.ReaderAt, size int64, lim limit.Limits) (doc *jixiao.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("pdf: 文件结构异常，无法读取：%s", oneLine(fmt.Sprint(p)))
		}
	}()
	pr, err := pdf.NewReader(r, size)
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("pdf: 无法读取：%s", oneLine(err.Error()))
	}
	n := pr.NumPage()
	if n > lim.MaxPages {
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Pages, Value: int64(n), Max: int64(lim.MaxPages)})
	}
	doc = &jixiao.Document{Format: "pdf"}
	total := 0
	for i := 1; i <= n; i++ {
		p := pr.Page(i)
		if p.V.IsNull() {
			continue
		}
		text, err := p.GetPlainText(nil)
		if err != nil {
			return nil, fmt.Errorf("pdf: 第 %d 页: %s", i, oneLine(err.Error()))
		}
		total += len(text)
		if int64(total) > lim.MaxUnzippedBytes {
			return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.UnzippedBytes, Value: int64(total), Max: lim.MaxUnzippedBytes})
		}
		for _, para := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				doc.Blocks = append(doc.Blocks, jixiao.Block{Kind: jixiao.BlockParagraph, Text: para, Pos: jixiao.Position{Page: i}})
			}
		}
	}
	if len(doc.Blocks) == 0 {
		return nil, ErrNoText
	}
	return doc, nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
