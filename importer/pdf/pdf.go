// Package pdf reads PDF files into a jixiao.Document, in pure Go: the
// words of each page with their positions (glyphs.go, over
// github.com/ledongthuc/pdf's parser), a layout text built from them, and
// from these the paragraphs and the tables, rebuilt from the words' boxes
// so that wrapped and merged cells come back whole (cells.go). Poppler's
// pdftotext, when it is on PATH, is only a second reader for the files the
// pure-Go one cannot read (a damaged cross-reference table, fonts without
// a Unicode map); it gives the same layout and boxes, read the same way.
// A PDF with no text layer (a scan) is an error, never an empty document,
// and so is a PDF neither reader can read: the error says which package
// would add the second reader.
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

// Pdftotext is the command tried when the pure-Go reader fails. Set it to
// "" to use only the pure-Go reader.
var Pdftotext = "pdftotext"

// InstallHint names what adds the second reader, for error messages.
const InstallHint = "可安装 poppler-utils（提供 pdftotext，如 apt-get install poppler-utils）后再试"

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

// ReadFile reads the PDF at path within lim.
func ReadFile(path string, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	d, err := readGo(f, st.Size(), lim)
	if !retry(err) {
		return d, err
	}
	return second(err, func(cmd string) (*jixiao.Document, error) { return readLayout(cmd, path, lim) })
}

// ReadAt reads a PDF of the given size from r within lim. For pdftotext,
// when it is needed, it is first copied to a temporary file.
func ReadAt(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	d, err := readGo(r, size, lim)
	if !retry(err) {
		return d, err
	}
	return second(err, func(cmd string) (*jixiao.Document, error) {
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
	})
}

// retry reports a failure of the pure-Go reader that pdftotext may not
// share: not a limit (the second reader would exceed it too), not a
// password, not a scan (a PDF that draws no text).
func retry(err error) bool {
	var le *limit.LimitError
	return err != nil && !errors.As(err, &le) && !errors.Is(err, ErrEncrypted) && err != errScanned
}

// second runs pdftotext after the pure-Go reader failed with first. With
// no pdftotext, first is returned with the package to install; when both
// fail, pdftotext's error is returned unless it only repeats that there is
// no text.
func second(first error, read func(cmd string) (*jixiao.Document, error)) (*jixiao.Document, error) {
	cmd := lookPdftotext()
	if cmd == "" {
		return nil, &hinted{first}
	}
	d, err := read(cmd)
	if err != nil && errors.Is(first, ErrNoText) && !errors.Is(err, ErrNoText) {
		return nil, first
	}
	return d, err
}

// hinted is an error of the pure-Go reader with the package that adds
// the second reader.
type hinted struct{ err error }

func (h *hinted) Error() string { return h.err.Error() + "；" + InstallHint }
func (h *hinted) Unwrap() error { return h.err }

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
