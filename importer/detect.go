package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"jixiao/importer/internal/limit"
)

// Formats, as recorded in jixiao.Document.Format.
const (
	FormatDocx = "docx"
	FormatXlsx = "xlsx"
	FormatPDF  = "pdf"
	FormatHTML = "html"
	FormatText = "text"
)

// Errors for files that are not read at all. Every one is returned wrapped
// in a *FileError naming the file.
var (
	ErrEmpty     = errors.New("空文件")
	ErrUnknown   = errors.New("无法识别的文件格式（不是 docx、xlsx、pdf、html 或文本），可能已损坏")
	ErrEncrypted = errors.New("加密的 Office 文件（受密码保护的 docx/xlsx），无法读取：请取消密码后另存为 .docx/.xlsx")
	ErrLegacyDoc = errors.New("旧版 Word 97-2003 文档（.doc）不支持：请另存为 .docx")
	ErrLegacyXls = errors.New("旧版 Excel 97-2003 工作簿（.xls）不支持：请另存为 .xlsx")
	ErrLegacyOLE = errors.New("旧版 Office 复合文档不支持：请另存为 .docx 或 .xlsx")
	ErrOtherZip  = errors.New("zip 压缩包不是 Word 或 Excel 文档（.docx/.xlsx）")
)

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// utf16 encodes an ASCII stream name as it appears in a compound file's
// directory.
func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// detect names the format of the content, or returns why it cannot be
// read.
func detect(r io.ReaderAt, size int64, name string) (string, error) {
	head := make([]byte, min(size, 8<<10))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return detectZip(r, size)
	case bytes.HasPrefix(head, oleMagic):
		return "", detectOLE(r, size, name)
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return FormatPDF, nil
	case looksHTML(head):
		return FormatHTML, nil
	case binary(head):
		return "", ErrUnknown
	}
	return FormatText, nil
}

func detectZip(r io.ReaderAt, size int64) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", fmt.Errorf("%w: %v", limit.ErrBadZip, err)
	}
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "word/document.xml":
			return FormatDocx, nil
		case "xl/workbook.xml":
			return FormatXlsx, nil
		}
	}
	// Some producers name the main part otherwise; the content types say
	// what the package is.
	for _, f := range zr.File {
		if f.Name != "[Content_Types].xml" || f.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			break
		}
		ct, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		rc.Close()
		switch {
		case bytes.Contains(ct, []byte("wordprocessingml.document.main")):
			return FormatDocx, nil
		case bytes.Contains(ct, []byte("spreadsheetml.sheet.main")):
			return FormatXlsx, nil
		}
	}
	return "", ErrOtherZip
}

// detectOLE tells an encrypted OOXML package (a compound file holding an
// EncryptionInfo stream) from a legacy binary document. Stream names sit in
// the directory sectors; looking for them in the bytes is enough to choose
// a message.
func detectOLE(r io.ReaderAt, size int64, name string) error {
	b, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return err
	}
	switch {
	case bytes.Contains(b, utf16("EncryptionInfo")) || bytes.Contains(b, utf16("EncryptedPackage")):
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".xlsx" || ext == ".xlsm" {
			return errors.New("加密的工作簿，无法读取：请在 Excel 中取消密码后另存为 .xlsx")
		}
		return ErrEncrypted
	case bytes.Contains(b, utf16("WordDocument")):
		return ErrLegacyDoc
	case bytes.Contains(b, utf16("Workbook")) || bytes.Contains(b, utf16("Book")):
		return ErrLegacyXls
	}
	return ErrLegacyOLE
}

// looksHTML sniffs markup at the start of the file, after a BOM and white
// space, in any ASCII-compatible encoding.
func looksHTML(head []byte) bool {
	h := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	h = bytes.TrimLeft(h, " \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	h = bytes.ToLower(h[:min(len(h), 1024)])
	for _, tag := range []string{"<!doctype html", "<html", "<table", "<head", "<body", "<meta", "<div", "<p>", "<h1", "<title"} {
		if bytes.Contains(h, []byte(tag)) {
			return true
		}
	}
	return false
}

// binary reports content no text file holds: a NUL, or control characters
// in more than one byte in a hundred.
func binary(head []byte) bool {
	if bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) {
		return false // UTF-16 text: the text reader says what it makes of it
	}
	n := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			n++
		}
	}
	return n*100 > len(head)
}

// extFormat is the format a file name's extension promises, "" when the
// extension promises nothing we read.
func extFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx", ".docm", ".dotx", ".doc", ".wps":
		return FormatDocx
	case ".xlsx", ".xlsm", ".xltx", ".xls", ".et":
		return FormatXlsx
	case ".pdf":
		return FormatPDF
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	return ""
}
