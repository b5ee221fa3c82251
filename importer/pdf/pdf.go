// Package pdf reads PDF files into a jixiao.Document. With poppler's
// pdftotext on PATH it reads the layout text (pdftotext -layout) and
// rebuilds paragraphs and tables from column positions; tables are rebuilt
// from the words' boxes (pdftotext -bbox-layout) when it gives them, so
// that wrapped and merged cells come back whole (cells.go); without it, it
// falls back to the pure-Go github.com/ledongthuc/pdf for plain text,
// paragraphs only. A PDF with no text layer (a scan) is an error, never an
// empty document.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// ErrNoText is returned for a PDF whose pages hold no text: a scan, which
// needs OCR before it can be checked.
var ErrNoText = errors.New("pdf: PDF 没有文字层（可能是扫描件），无法读取")

// ErrEncrypted is returned for a password-protected PDF.
var ErrEncrypted = errors.New("pdf: 加密的 PDF，无法读取（请取消密码后另存）")

// Pdftotext is the command used for layout text. Set it to "" to use only
// the pure-Go reader.
var Pdftotext = "pdftotext"

// Read reads a whole PDF from r with the default limits. name is only
// recorded as the Document's Path.
func Read(r io.Reader, name string) (*jixiao.Document, error) {
	lim := limit.Default()
	b, err := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if int64(len(b)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.FileBytes, Value: int64(len(b)), Max: lim.MaxFileBytes})
	}
	d, err := ReadAt(bytes.NewReader(b), int64(len(b)), lim)
	if d != nil {
		d.Path = name
	}
	return d, err
}

// ReadFile reads the PDF at path within lim; pdftotext reads the file
// itself, so nothing is copied.
func ReadFile(path string, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	if cmd := lookPdftotext(); cmd != "" {
		return readLayout(cmd, path, lim)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return readPlain(f, st.Size(), lim)
}

// ReadAt reads a PDF of the given size from r within lim. For pdftotext it
// is first copied to a temporary file.
func ReadAt(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	cmd := lookPdftotext()
	if cmd == "" {
		return readPlain(r, size, lim)
	}
	f, err := os.CreateTemp("", "jixiao-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = io.Copy(f, io.NewSectionReader(r, 0, size))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return readLayout(cmd, f.Name(), lim)
}

func lookPdftotext() string {
	if Pdftotext == "" {
		return ""
	}
	p, err := exec.LookPath(Pdftotext)
	if err != nil {
		return ""
	}
	return p
}

// readLayout runs pdftotext on one page more than the limit, so that a
// document over the limit is caught without converting all of it.
func readLayout(cmd, path string, lim limit.Limits) (*jixiao.Document, error) {
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	out := &capped{max: lim.MaxUnzippedBytes}
	var stderr bytes.Buffer
	c := exec.CommandContext(ctx, cmd, "-layout", "-enc", "UTF-8", "-l", fmt.Sprint(lim.MaxPages+1), path, "-")
	c.Stdout, c.Stderr = out, &stderr
	err := c.Run()
	if out.over {
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.UnzippedBytes, Value: out.max, Max: lim.MaxUnzippedBytes})
	}
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Time, Value: int64(lim.Timeout.Seconds()), Max: int64(lim.Timeout.Seconds())})
	}
	if err != nil {
		msg := firstLine(stderr.String())
		if bytes.Contains(bytes.ToLower(stderr.Bytes()), []byte("password")) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("pdf: pdftotext 无法读取此文件: %s: %w", msg, err)
	}
	pages := splitPages(out.buf.String())
	if len(pages) > lim.MaxPages {
		return nil, fmt.Errorf("pdf: %w", &limit.LimitError{Limit: limit.Pages, Value: int64(len(pages)), Max: int64(lim.MaxPages)})
	}
	d := &jixiao.Document{Format: "pdf", Blocks: layoutBlocks(pages, readBBox(cmd, path, lim))}
	if len(d.Blocks) == 0 {
		return nil, ErrNoText
	}
	return d, nil
}

// capped is a bounded buffer for a converter's output.
type capped struct {
	buf  bytes.Buffer
	max  int64
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if int64(c.buf.Len()+len(p)) > c.max {
		c.over = true
		return 0, errors.New("output too large")
	}
	return c.buf.Write(p)
}

func firstLine(s string) string {
	s = string(bytes.TrimSpace([]byte(s)))
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		s = "无错误信息"
	}
	return s
}
