// Package intake takes in batches of submissions: it reads a .zip, a set
// of uploaded files or a folder into the files of one intake (read.go),
// imports each queued item through pipeline.Read and matches it to its
// unit and year (process.go, match.go), and runs the workers that take the
// items from the database's queue (worker.go). The storage is behind
// jixiao.IntakeService and jixiao.IntakeQueue.
package intake

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao"
)

// Limits bound what a batch may hold; the zero value takes the defaults.
type Limits struct {
	MaxFiles     int   // files in one batch
	MaxFileBytes int64 // one file, once uncompressed
	MaxTotal     int64 // the whole batch, once uncompressed
}

// Default limits: a province's deadline batch, not a denial of service.
const (
	DefaultMaxFiles     = 20000
	DefaultMaxFileBytes = 32 << 20
	DefaultMaxTotal     = 4 << 30
)

func (l Limits) withDefaults() Limits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultMaxFiles
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = DefaultMaxTotal
	}
	return l
}

// batch gathers files within the limits.
type batch struct {
	lim   Limits
	total int64
	files []jixiao.IntakeFile
	// zips are the archives on disk the files are read from (Batch.Close)
	zips []*zipSource
}

func (b *batch) add(name string, size int64, open func() (io.ReadCloser, error)) error {
	return b.addFile(name, size, open, false)
}

// addLater adds a file on disk to be read when the batch is stored
// (IntakeFile.Open): its size, which the file system tells truly, counts
// toward the limits now.
func (b *batch) addLater(name string, size int64, open func() (io.ReadCloser, error)) error {
	return b.addFile(name, size, open, true)
}

func (b *batch) addFile(name string, size int64, open func() (io.ReadCloser, error), later bool) error {
	if len(b.files) >= b.lim.MaxFiles {
		return jixiao.Errorf(jixiao.EInvalid, "一批最多 %d 个文件", b.lim.MaxFiles)
	}
	f := jixiao.IntakeFile{Name: name}
	switch {
	case isArchive(name):
		f.Error = "压缩包中的压缩包不予展开，请解压后上传"
	case size > b.lim.MaxFileBytes:
		f.Error = fmt.Sprintf("文件超过 %d MiB 的上限", b.lim.MaxFileBytes>>20)
	case later:
		if b.total += size; b.total > b.lim.MaxTotal {
			return jixiao.Errorf(jixiao.EInvalid, "整批文件超过 %d MiB 的上限", b.lim.MaxTotal>>20)
		}
		f.Open = open
	default:
		rc, err := open()
		if err != nil {
			f.Error = fmt.Sprintf("无法读取：%v", err)
			break
		}
		// the stated size may lie (a zip bomb): read one byte past the limit
		data, err := io.ReadAll(io.LimitReader(rc, b.lim.MaxFileBytes+1))
		rc.Close()
		switch {
		case err != nil:
			f.Error = fmt.Sprintf("无法读取：%v", err)
		case int64(len(data)) > b.lim.MaxFileBytes:
			f.Error = fmt.Sprintf("文件超过 %d MiB 的上限", b.lim.MaxFileBytes>>20)
		default:
			if b.total += int64(len(data)); b.total > b.lim.MaxTotal {
				return jixiao.Errorf(jixiao.EInvalid, "整批文件超过 %d MiB 的上限", b.lim.MaxTotal>>20)
			}
			f.Content = data
		}
	}
	b.files = append(b.files, f)
	return nil
}

func isArchive(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".zip", ".rar", ".7z", ".gz", ".tar":
		return true
	}
	return false
}

// skipped reports whether a path names something that is no submission:
// a folder, a hidden file, the metadata macOS and Windows leave in zips.
func skipped(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "" || strings.HasPrefix(part, ".") || part == "__MACOSX" || strings.HasPrefix(part, "~$") {
			return true
		}
	}
	return strings.EqualFold(path.Base(name), "Thumbs.db") || strings.EqualFold(path.Base(name), "desktop.ini")
}

// CleanName makes a name from an archive or a form safe to show and to
// report under: slashes only, no leading slash, no "..", no control
// characters, valid UTF-8. The name is only ever a label (nothing is
// written to disk under it), but a label that climbs out of its folder or
// carries a terminal escape is still a lie.
func CleanName(name string) string {
	name = strings.ToValidUTF8(name, "\uFFFD")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	name = path.Clean("/" + strings.ReplaceAll(name, `\`, "/"))
	return strings.TrimPrefix(name, "/")
}

// zipName decodes an entry's name: Chinese Windows writes GB 18030 names
// without the UTF-8 flag.
func zipName(f *zip.File) string {
	if f.NonUTF8 && !utf8.ValidString(f.Name) {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil {
			return s
		}
	}
	return f.Name
}

// ReadZip reads the files of a .zip. Folders, hidden files and system
// litter are skipped; a file over the limit, or an archive inside, is kept
// with its error so that the batch lists it.
func ReadZip(r io.ReaderAt, size int64, lim Limits) ([]jixiao.IntakeFile, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, jixiao.Errorf(jixiao.EInvalid, "不是有效的 zip 压缩包：%v", err)
	}
	b := &batch{lim: lim.withDefaults()}
	if err := b.listZip(zr, nil); err != nil {
		return nil, err
	}
	return b.files, nil
}

// ReadZipFile lists the files of a .zip on disk, to be read from it as the
// batch is stored (IntakeFile.Open), so that the archive is never held in
// memory whole. The stated sizes count toward the limits: archive/zip
// fails an entry that inflates past its stated size, so they cannot lie.
func ReadZipFile(p string, lim Limits) ([]jixiao.IntakeFile, error) {
	b := &batch{lim: lim.withDefaults()}
	if err := b.addZipFile("", p); err != nil {
		return nil, err
	}
	return b.files, nil
}

// listZip adds the files of zr; with src they are read from the archive
// on disk when the batch is stored, without it they are read now.
func (b *batch) listZip(zr *zip.Reader, src *zipSource) error {
	first := len(b.files)
	for i, f := range zr.File {
		name := CleanName(zipName(f))
		if f.FileInfo().IsDir() || skipped(name) {
			continue
		}
		size := int64(f.UncompressedSize64)
		if f.UncompressedSize64 > 1<<62 {
			size = 1 << 62
		}
		var err error
		if src != nil {
			err = b.addLater(name, size, src.opener(i, f.Name))
			if n := len(b.files); n > 0 && b.files[n-1].Open != nil {
				src.left++
			}
		} else {
			err = b.add(name, size, f.Open)
		}
		if err != nil {
			return err
		}
	}
	if len(b.files) == first {
		return jixiao.Errorf(jixiao.EInvalid, "压缩包中没有文件")
	}
	return nil
}

// ReadDir lists the files under dir, in path order, to be read as the
// batch is stored (IntakeFile.Open); a .zip among them is listed as its
// files, named under it, read from it then too (ReadZipFile).
func ReadDir(dir string, lim Limits) ([]jixiao.IntakeFile, error) {
	lim = lim.withDefaults()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != "." && skipped(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	sort.Strings(paths)
	b := &batch{lim: lim}
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if strings.EqualFold(filepath.Ext(p), ".zip") {
			b.addZipUnder(name, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("intake: %w", err)
		}
		if err := b.addLater(name, st.Size(), func() (io.ReadCloser, error) { return os.Open(p) }); err != nil {
			return nil, err
		}
	}
	if len(b.files) == 0 {
		return nil, jixiao.Errorf(jixiao.EInvalid, "%s 中没有文件", dir)
	}
	return b.files, nil
}

// addZip adds the files of a zip, named prefix/entry; a zip that cannot
// be read is one failed file.
func (b *batch) addZip(prefix string, data []byte) {
	lim := b.lim
	lim.MaxFiles -= len(b.files)
	lim.MaxTotal -= b.total
	files, err := ReadZip(bytes.NewReader(data), int64(len(data)), lim)
	if err != nil {
		b.files = append(b.files, jixiao.IntakeFile{Name: prefix, Error: err.Error()})
		return
	}
	for _, f := range files {
		f.Name = prefix + "/" + f.Name
		b.total += int64(len(f.Content))
		b.files = append(b.files, f)
	}
}

// addZipUnder adds the files of the zip on disk at p, named
// prefix/entry, to be read as the batch is stored; a zip that cannot be
// read is one failed file.
func (b *batch) addZipUnder(prefix, p string) {
	sub := &batch{lim: b.lim}
	sub.lim.MaxFiles -= len(b.files)
	sub.lim.MaxTotal -= b.total
	if err := sub.addZipFile(prefix+"/", p); err != nil {
		b.files = append(b.files, jixiao.IntakeFile{Name: prefix, Error: err.Error()})
		return
	}
	b.total += sub.total
	b.files = append(b.files, sub.files...)
	b.zips = append(b.zips, sub.zips...)
}

// addZipFile lists the zip on disk at p, its files named prefix+entry.
func (b *batch) addZipFile(prefix, p string) error {
	fh, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("intake: %w", err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fmt.Errorf("intake: %w", err)
	}
	zr, err := zip.NewReader(fh, st.Size())
	if err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "不是有效的 zip 压缩包：%v", err)
	}
	first := len(b.files)
	src := &zipSource{path: p}
	if err := b.listZip(zr, src); err != nil {
		return err
	}
	b.zips = append(b.zips, src)
	for i := first; i < len(b.files); i++ {
		b.files[i].Name = prefix + b.files[i].Name
	}
	return nil
}

// ReadPath reads a folder (ReadDir), or a .zip file, or lists one file.
func ReadPath(p string, lim Limits) ([]jixiao.IntakeFile, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	if st.IsDir() {
		return ReadDir(p, lim)
	}
	b := &batch{lim: lim.withDefaults()}
	if strings.EqualFold(filepath.Ext(p), ".zip") {
		return ReadZipFile(p, lim)
	}
	if err := b.addLater(filepath.Base(p), st.Size(), func() (io.ReadCloser, error) { return os.Open(p) }); err != nil {
		return nil, err
	}
	return b.files, nil
}

// Batch gathers uploaded files one by one: a .zip among them is read as
// its files, named under it.
type Batch struct{ b batch }

// NewBatch returns an empty batch with the limits.
func NewBatch(lim Limits) *Batch { return &Batch{batch{lim: lim.withDefaults()}} }

// Add adds one uploaded file of the given content.
func (bt *Batch) Add(name string, data []byte) error {
	name = CleanName(name)
	if strings.EqualFold(path.Ext(name), ".zip") {
		bt.b.addZip(name, data)
		return nil
	}
	return bt.b.add(name, int64(len(data)), func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil })
}

// AddPath adds one uploaded file kept on disk at p (a .zip among them is
// listed as its files), to be read as the batch is stored; the file must
// stay there until then, and Close called after.
func (bt *Batch) AddPath(name, p string) error {
	name = CleanName(name)
	if strings.EqualFold(path.Ext(name), ".zip") {
		bt.b.addZipUnder(name, p)
		return nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("intake: %w", err)
	}
	return bt.b.addLater(name, st.Size(), func() (io.ReadCloser, error) { return os.Open(p) })
}

// Close closes the archives the batch's files are read from, for when
// the batch was stored only in part or not at all.
func (bt *Batch) Close() {
	for _, z := range bt.b.zips {
		z.mu.Lock()
		z.close()
		z.mu.Unlock()
	}
}

// Files returns the batch's files.
func (bt *Batch) Files() []jixiao.IntakeFile { return bt.b.files }
