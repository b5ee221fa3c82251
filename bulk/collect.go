// Package bulk checks many files at once: it walks folders, runs the
// pipeline on parallel workers, and hands the results back in input order
// so that output is deterministic and memory stays bounded however many
// files there are.
package bulk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file types a folder walk picks up. A file named
// explicitly is always tried, whatever its extension.
var Extensions = map[string]bool{
	".yaml": true, ".yml": true, ".txt": true, ".text": true, ".docx": true, ".xlsx": true,
	".pdf": true, ".html": true, ".htm": true,
}

// Unsupported are document types a folder of self-evaluations often holds
// but jixiao cannot read, with what to do about them. A folder walk names
// each such file instead of passing over it in silence.
var Unsupported = map[string]string{
	".doc":   "旧版 Word 格式（.doc）无法读取：请用 Word、WPS 或 LibreOffice 另存为 .docx 后再检查",
	".wps":   "WPS 文字格式（.wps）无法读取：请在 WPS 中另存为 .docx 后再检查",
	".wpt":   "WPS 模板（.wpt）无法读取：请另存为 .docx 后再检查",
	".xls":   "旧版 Excel 格式（.xls）无法读取：请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后再检查",
	".et":    "WPS 表格格式（.et）无法读取：请在 WPS 中另存为 .xlsx 后再检查",
	".rtf":   "RTF 格式无法读取：请另存为 .docx 后再检查",
	".odt":   "OpenDocument 文本（.odt）无法读取：请另存为 .docx 后再检查",
	".ods":   "OpenDocument 表格（.ods）无法读取：请另存为 .xlsx 后再检查",
	".ofd":   "OFD 版式文件无法读取：请另存为 PDF 后再检查",
	".mht":   "MHT 网页存档无法读取：请另存为 .html 后再检查",
	".mhtml": "MHT 网页存档无法读取：请另存为 .html 后再检查",
}

// Skipped is a file a folder walk found but did not check, and why.
type Skipped struct {
	Path, Reason string
}

// Collect expands paths into files: a file stays as given; a folder is
// walked (sorted, hidden entries and Office lock files "~$…" skipped) for
// files with a known extension. Files of a document type jixiao cannot
// read (Unsupported) are returned as skipped, with the reason; other files
// (pictures, archives) are counted in others. Paths that cannot be read
// are returned as errors, and the rest go on.
func Collect(paths []string) (files []string, skipped []Skipped, others int, errs []error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, pathError(err)))
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		var skip []Skipped
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, pathError(err)))
				return nil
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			switch {
			case Extensions[ext]:
				found = append(found, path)
			case Unsupported[ext] != "":
				skip = append(skip, Skipped{Path: path, Reason: Unsupported[ext]})
			default:
				others++
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, pathError(err)))
		}
		sort.Strings(found)
		sort.Slice(skip, func(i, j int) bool { return skip[i].Path < skip[j].Path })
		files = append(files, found...)
		skipped = append(skipped, skip...)
	}
	return files, skipped, others, errs
}

// pathError says in Chinese why a path cannot be read; the operating
// system's English message stays behind Unwrap.
func pathError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &chineseError{"文件或文件夹不存在", err}
	case errors.Is(err, fs.ErrPermission):
		return &chineseError{"没有读取权限", err}
	}
	return err
}

type chineseError struct {
	msg string
	err error
}

func (e *chineseError) Error() string { return e.msg }
func (e *chineseError) Unwrap() error { return e.err }
