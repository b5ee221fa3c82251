package web

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jixiao"
	"jixiao/intake"
)

// intakeUpload holds the files of one intake request on disk while the
// intake is read and stored, so that a batch of a gigabyte never sits in
// memory: each part goes to its own file in a folder of the request's own.
type intakeUpload struct {
	root  string // where the folder is made; empty means os.TempDir()
	limit int64  // the whole upload's, for the message
	dir   string
	batch *intake.Batch
}

// spool writes r to a new file, failing once it holds more than max
// bytes: the limit holds as the bytes arrive, not after.
func (u *intakeUpload) spool(r io.Reader, max int64) (string, int64, error) {
	if u.dir == "" {
		if u.root != "" {
			if err := os.MkdirAll(u.root, 0o700); err != nil {
				return "", 0, fmt.Errorf("web: upload folder: %w", err)
			}
		}
		dir, err := os.MkdirTemp(u.root, "intake-")
		if err != nil {
			return "", 0, fmt.Errorf("web: upload folder: %w", err)
		}
		u.dir = dir
	}
	f, err := os.CreateTemp(u.dir, "file-")
	if err != nil {
		return "", 0, fmt.Errorf("web: upload file: %w", err)
	}
	n, err := io.Copy(f, io.LimitReader(r, max+1))
	if cerr := f.Close(); err == nil && cerr != nil {
		return "", 0, fmt.Errorf("web: upload file: %w", cerr)
	}
	switch {
	case err != nil:
		return "", 0, uploadError(err)
	case n > max:
		return "", 0, &fieldError{Field: "file", Err: jixiao.Errorf(eTooLarge, "上传超过 %d MiB 的上限", u.limit>>20)}
	}
	return f.Name(), n, nil
}

// remove closes the archives the batch read from and removes the folder.
func (u *intakeUpload) remove() {
	if u.batch != nil {
		u.batch.Close()
	}
	if u.dir != "" {
		os.RemoveAll(u.dir)
	}
}

// RemoveStaleUploads removes the folders of intake requests under dir
// older than age: a server killed mid-upload leaves its folder behind.
// The age spares the uploads in progress of other servers sharing dir.
func RemoveStaleUploads(dir string, age time.Duration, now time.Time) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("web: upload folder: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "intake-") {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < age {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("web: upload folder: %w", err)
		}
	}
	return nil
}
