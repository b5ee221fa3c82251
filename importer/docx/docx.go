// Package docx reads Word documents (.docx, WordprocessingML) into a
// jixiao.Document with a streaming token loop over word/document.xml: no
// docx library, no DOM. It keeps what the extractor needs: paragraphs with
// their style, outline level and visible list number, and tables with
// their spans, nested tables and positions.
//
// Every read is bounded by limit.Limits: the zip's declared and actual
// decompressed sizes, the compression ratio and the XML nesting depth.
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// ErrNotDocx is returned for a zip archive without a Word main part.
var ErrNotDocx = errors.New("docx: 不是 Word 文档（缺少 word/document.xml）")

// Read reads a whole .docx from r with the default limits. name is only
// recorded as the Document's Path.
func Read(r io.Reader, name string) (*jixiao.Document, error) {
	lim := limit.Default()
	b, err := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	if int64(len(b)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("docx: %w", &limit.LimitError{Limit: limit.FileBytes, Value: int64(len(b)), Max: lim.MaxFileBytes})
	}
	d, err := ReadAt(bytes.NewReader(b), int64(len(b)), lim)
	if d != nil {
		d.Path = name
	}
	return d, err
}

// ReadAt reads a .docx of the given size from r within lim (zero fields
// take their defaults). Errors are prefixed "docx: " and wrap their cause;
// a limit hit wraps a *limit.LimitError.
func ReadAt(r io.ReaderAt, size int64, lim limit.Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	z, err := limit.OpenZip(r, size, lim)
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	main := mainPart(z, lim)
	if !z.Has(main) {
		return nil, ErrNotDocx
	}
	st, err := readStyles(z, "word/styles.xml", lim)
	if err != nil {
		return nil, fmt.Errorf("docx: word/styles.xml: %w", err)
	}
	num, err := readNumbering(z, "word/numbering.xml", lim)
	if err != nil {
		return nil, fmt.Errorf("docx: word/numbering.xml: %w", err)
	}
	buf, err := readPart(z, main)
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", main, partError(err))
	}
	defer release(buf)
	b := newBody(st, num, lim)
	if err := b.read(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("docx: %s: %w", main, err)
	}
	return &jixiao.Document{Format: "docx", Blocks: b.blocks}, nil
}

// partError marks a part that does not decompress to what its header
// declares, or at all, as a damaged file.
func partError(err error) error {
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.As(err, new(flate.CorruptInputError)) {
		return fmt.Errorf("%w: %v", limit.ErrBadZip, err)
	}
	return err
}

// mainPart finds the main document part from the package relationships,
// since some producers name it other than word/document.xml.
func mainPart(z *limit.Zip, lim limit.Limits) string {
	const def = "word/document.xml"
	buf, err := readPart(z, "_rels/.rels")
	if err != nil {
		return def
	}
	defer release(buf)
	x := newScanner(buf.Bytes(), lim.MaxXMLDepth)
	for {
		t, err := x.next()
		if err != nil {
			return def
		}
		if t.kind != tStart || string(t.local) != "Relationship" {
			continue
		}
		if strings.HasSuffix(attr(t.attr, "Type"), "/officeDocument") {
			target := strings.TrimPrefix(attr(t.attr, "Target"), "/")
			if target != "" && z.Has(target) {
				return target
			}
			return def
		}
	}
}
