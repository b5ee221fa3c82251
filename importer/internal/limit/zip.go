package limit

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrBadZip reports a container that archive/zip cannot open, most often a
// truncated download.
var ErrBadZip = errors.New("文件已损坏或不完整（zip 结构无效，可能被截断）")

// Zip is a zip archive whose reads are bounded by Limits: the declared sizes
// are checked on open, and the bytes actually decompressed are counted while
// reading, so a lying header cannot get past either.
type Zip struct {
	R     *zip.Reader
	lim   Limits
	files map[string]*zip.File // by lower-cased name: OOXML part names are case-insensitive
	total int64                // bytes decompressed so far, all entries
}

// OpenZip opens r as a zip archive and checks its declared sizes.
func OpenZip(r io.ReaderAt, size int64, lim Limits) (*Zip, error) {
	lim = lim.Fill()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadZip, err)
	}
	if err := CheckZipHeaders(zr, lim); err != nil {
		return nil, err
	}
	z := &Zip{R: zr, lim: lim, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		z.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	return z, nil
}

// CheckZipHeaders checks the declared sizes of every entry against the
// limits. archive/zip refuses to return more bytes than an entry declares,
// so for a reader that uses archive/zip (excelize) this bounds the real
// sizes too.
func CheckZipHeaders(zr *zip.Reader, lim Limits) error {
	lim = lim.Fill()
	var sum uint64
	for _, f := range zr.File {
		sum += f.UncompressedSize64
		if sum > uint64(lim.MaxUnzippedBytes) || sum < f.UncompressedSize64 {
			return &LimitError{Limit: UnzippedBytes, Value: clamp(sum), Max: lim.MaxUnzippedBytes}
		}
		if err := checkRatio(f, f.UncompressedSize64, lim); err != nil {
			return err
		}
	}
	return nil
}

func checkRatio(f *zip.File, n uint64, lim Limits) error {
	if n <= RatioFloor {
		return nil
	}
	c := max(f.CompressedSize64, 1)
	if r := n / c; r > uint64(lim.MaxRatio) {
		return &LimitError{Limit: Ratio, Value: clamp(r), Max: lim.MaxRatio}
	}
	return nil
}

func clamp(u uint64) int64 {
	if u > 1<<62 {
		return 1 << 62
	}
	return int64(u)
}

// Has reports whether the archive holds the named part.
func (z *Zip) Has(name string) bool {
	_, ok := z.files[strings.ToLower(name)]
	return ok
}

// ErrNoPart is returned by Open for a part that is not in the archive.
var ErrNoPart = errors.New("缺少部件")

// Open opens the named part for a bounded read.
func (z *Zip) Open(name string) (io.ReadCloser, error) {
	f, ok := z.files[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("%w %s", ErrNoPart, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &countReader{rc: rc, z: z, f: f}, nil
}

type countReader struct {
	rc io.ReadCloser
	z  *Zip
	f  *zip.File
	n  uint64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.n += uint64(n)
	c.z.total += int64(n)
	if c.z.total > c.z.lim.MaxUnzippedBytes {
		return n, &LimitError{Limit: UnzippedBytes, Value: c.z.total, Max: c.z.lim.MaxUnzippedBytes}
	}
	if e := checkRatio(c.f, c.n, c.z.lim); e != nil {
		return n, e
	}
	return n, err
}

func (c *countReader) Close() error { return c.rc.Close() }
