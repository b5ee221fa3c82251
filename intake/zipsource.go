package intake

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"sync"
)

// zipSource is a .zip on disk whose files are read when the batch is
// stored. The archive is opened, and its directory read, once for all its
// files, at the first file read; it is closed when the last of them has
// been read, or by Batch.Close when the store stopped before that.
type zipSource struct {
	path string
	left int // files not yet read; set while listing

	mu sync.Mutex
	fh *os.File
	zr *zip.Reader
}

// opener returns the Open of the i-th entry, which must still be called
// name when the archive is opened again.
func (z *zipSource) opener(i int, name string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		z.mu.Lock()
		defer z.mu.Unlock()
		if z.zr == nil {
			if err := z.open(); err != nil {
				z.release()
				return nil, err
			}
		}
		if i >= len(z.zr.File) || z.zr.File[i].Name != name {
			z.release()
			return nil, fmt.Errorf("压缩包 %s 在收件期间被改动", z.path)
		}
		rc, err := z.zr.File[i].Open()
		if err != nil {
			z.release()
			return nil, err
		}
		return &zipEntry{ReadCloser: rc, z: z}, nil
	}
}

func (z *zipSource) open() error {
	fh, err := os.Open(z.path)
	if err != nil {
		return err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return err
	}
	zr, err := zip.NewReader(fh, st.Size())
	if err != nil {
		fh.Close()
		return err
	}
	z.fh, z.zr = fh, zr
	return nil
}

// release counts one file read, or given up on; the caller holds mu.
func (z *zipSource) release() {
	if z.left--; z.left <= 0 {
		z.close()
	}
}

func (z *zipSource) close() {
	if z.fh != nil {
		z.fh.Close()
		z.fh, z.zr = nil, nil
	}
}

// zipEntry is one file of a zipSource being read.
type zipEntry struct {
	io.ReadCloser
	z    *zipSource
	done bool
}

func (e *zipEntry) Close() error {
	err := e.ReadCloser.Close()
	e.z.mu.Lock()
	defer e.z.mu.Unlock()
	if !e.done {
		e.done = true
		e.z.release()
	}
	return err
}
