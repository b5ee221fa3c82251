// Package xlsx reads Excel workbooks (.xlsx) into a jixiao.Document with
// excelize: every sheet in order becomes a heading (the sheet name) and a
// table of the values as Excel displays them, with merged ranges as spans.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/importer/internal/limit"
)

// Errors for files that are not readable workbooks.
var (
	ErrEncrypted = errors.New("xlsx: 加密的工作簿，无法读取（请在 Excel 中取消密码后另存为 .xlsx）")
	ErrNotXlsx   = errors.New("xlsx: 不是 Excel 工作簿（缺少 xl/workbook.xml）")
	ErrLegacy    = errors.New("xlsx: 旧版 Excel 97-2003 工作簿（.xls）不支持：请另存为 .xlsx")
)

// oleMagic starts a compound file: what Office writes for an encrypted
// OOXML package and for legacy .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read reads a whole .xlsx from r with the default limits. name is only
// recorded as the Document's Path.
func Read(r io.Reader, name string) (*jixiao.Document, error) {
	lim := limit.Default()
	b, err := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if int64(len(b)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("xlsx: %w", &limit.LimitError{Limit: limit.FileBytes, Value: int64(len(b)), Max: lim.MaxFileBytes})
	}
	d, err := ReadAt(bytes.NewReader(b), int64(len(b)), lim)
	if d != nil {
		d.Path = name
	}
	return d, err
}

// ReadAt reads an .xlsx of the given size from r within lim (zero fields
// take their defaults). The zip's declared sizes are checked before
// excelize sees the file; archive/zip, which excelize uses, refuses to
// decompress more than an entry declares.
func ReadAt(r io.ReaderAt, size int64, lim limit.Limits) (doc *jixiao.Document, err error) {
	lim = lim.Fill()
	head := make([]byte, len(oleMagic))
	if _, err := r.ReadAt(head, 0); err == nil && bytes.Equal(head, oleMagic) {
		return nil, oleError(r, size)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w: %v", limit.ErrBadZip, err)
	}
	if err := limit.CheckZipHeaders(zr, lim); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if !hasPart(zr, "xl/workbook.xml") {
		return nil, ErrNotXlsx
	}
	defer func() {
		// excelize is not written for hostile input; a panic in it is a
		// bad file, not a crash of ours.
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("xlsx: 文件结构异常：%v", p)
		}
	}()
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    lim.MaxUnzippedBytes,
		UnzipXMLSizeLimit: min(lim.MaxUnzippedBytes, 16<<20),
	})
	if errors.Is(err, excelize.ErrWorkbookFileFormat) {
		return nil, ErrEncrypted
	} else if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	defer f.Close()
	doc = &jixiao.Document{Format: "xlsx"}
	cells := 0
	for _, sheet := range f.GetSheetList() {
		t, err := readSheet(f, sheet, &cells, lim)
		if err != nil {
			return nil, fmt.Errorf("xlsx: 工作表 %q: %w", sheet, err)
		}
		doc.Blocks = append(doc.Blocks, jixiao.Block{Kind: jixiao.BlockHeading, Text: sheet, Level: 1, Pos: jixiao.Position{Sheet: sheet}})
		if len(t.Rows) > 0 {
			doc.Blocks = append(doc.Blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t, Pos: jixiao.Position{Sheet: sheet}})
		}
	}
	return doc, nil
}

// oleError tells an encrypted workbook, a compound file holding an
// EncryptionInfo stream, from a legacy .xls.
func oleError(r io.ReaderAt, size int64) error {
	b, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if bytes.Contains(b, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")) {
		return ErrEncrypted
	}
	return ErrLegacy
}

func hasPart(zr *zip.Reader, name string) bool {
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}
