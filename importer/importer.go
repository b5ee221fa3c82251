// Package importer opens a file of any supported format — Word (.docx),
// Excel (.xlsx), PDF, HTML or plain text — and returns its jixiao.Document.
// The format is found from the content, not the name: a file whose
// extension says otherwise is read as what it is, with a warning on the
// Document. Every read is bounded by Limits, and every error names the
// file and fits on one line.
package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"jixiao"
	"jixiao/importer/docx"
	"jixiao/importer/html"
	"jixiao/importer/internal/limit"
	"jixiao/importer/pdf"
	"jixiao/importer/text"
	"jixiao/importer/xlsx"
)

// FileError is an import error with the file it is about. Its message is a
// single line, whatever the cause's message.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string {
	msg := strings.Join(strings.Fields(e.Err.Error()), " ")
	if e.Path != "" && !strings.Contains(msg, e.Path) {
		msg = e.Path + ": " + msg
	}
	return msg
}

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// Open imports the file at path. A file over lim.MaxFileBytes is refused
// from its size alone, before any of it is read.
func Open(path string, lim Limits) (*jixiao.Document, error) {
	lim = lim.Fill()
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: fmt.Errorf("无法打开文件: %w", err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if st.IsDir() {
		return nil, &FileError{Path: path, Err: fmt.Errorf("是目录，不是文件")}
	}
	return read(f, st.Size(), path, path, lim)
}

// Read imports a file of the given size from r; name is recorded as the
// Document's Path, used in errors and compared with the content's format.
func Read(r io.ReaderAt, size int64, name string, lim Limits) (*jixiao.Document, error) {
	return read(r, size, name, "", lim.Fill())
}

// ReadBytes imports a file held in memory.
func ReadBytes(b []byte, name string, lim Limits) (*jixiao.Document, error) {
	return Read(bytes.NewReader(b), int64(len(b)), name, lim)
}

// read does the work of Open and Read; path is the file on disk when
// there is one, for converters that read files themselves.
func read(r io.ReaderAt, size int64, name, path string, lim Limits) (*jixiao.Document, error) {
	fail := func(err error) (*jixiao.Document, error) {
		return nil, &FileError{Path: name, Err: err}
	}
	if size > lim.MaxFileBytes {
		return fail(&limit.LimitError{Limit: limit.FileBytes, Value: size, Max: lim.MaxFileBytes})
	}
	if size == 0 {
		return fail(ErrEmpty)
	}
	format, err := detect(r, size, name)
	if err != nil {
		return fail(err)
	}
	var d *jixiao.Document
	switch format {
	case FormatDocx:
		d, err = docx.ReadAt(r, size, lim)
	case FormatXlsx:
		d, err = xlsx.ReadAt(r, size, lim)
	case FormatPDF:
		if path != "" {
			d, err = pdf.ReadFile(path, lim)
		} else {
			d, err = pdf.ReadAt(r, size, lim)
		}
	case FormatHTML:
		var b []byte
		if b, err = io.ReadAll(io.NewSectionReader(r, 0, size)); err == nil {
			d, err = html.ReadBytes(b, lim)
		}
	default:
		d, err = text.ReadOptions(io.NewSectionReader(r, 0, size), name, text.Options{MaxBytes: lim.MaxFileBytes})
	}
	if err != nil {
		return fail(err)
	}
	d.Path = name
	if want := extFormat(name); want != "" && want != format {
		d.Warnings = append(d.Warnings, fmt.Sprintf("扩展名与内容不符：%s 实际是 %s 文件，已按 %s 读取", name, format, format))
	}
	return d, nil
}
