package web

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/intake"
)

// storeRecorder is an IntakeService that reads the files as the store
// does and keeps them, or fails as told.
type storeRecorder struct {
	jixiao.IntakeService
	files []jixiao.IntakeFile
	fail  error
}

func (s *storeRecorder) CreateIntake(_ context.Context, in *jixiao.Intake, files []jixiao.IntakeFile) error {
	for _, f := range files {
		if f.Open != nil {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			f.Content, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
			f.Open = nil
		}
		s.files = append(s.files, f)
	}
	return s.fail
}

type formFile struct {
	name string
	body io.Reader
}

// intakeRequest streams a multipart form through a pipe, as a client
// would send it, so that a body never ending is possible.
func intakeRequest(t *testing.T, files ...formFile) (*http.Request, func()) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("year", "2024")
		for _, f := range files {
			fw, err := mw.CreateFormFile("file", f.name)
			if err == nil {
				_, err = io.Copy(fw, f.body)
			}
			if err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(mw.Close())
	}()
	r, err := http.NewRequestWithContext(jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser()), "POST", "/api/intakes", pr)
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r, func() { pr.Close() }
}

func zipBytes(t *testing.T, files ...formFile) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		fw, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(fw, f.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// endless is a file that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("%d entries left in the upload folder: %v", len(left), left)
	}
}

// TestIntakeUploadOnDisk: files streamed to disk become the same intake
// files as the same files held in memory; the upload folder is empty
// after.
func TestIntakeUploadOnDisk(t *testing.T) {
	dir := t.TempDir()
	rec := &storeRecorder{}
	s := &Server{cfg: Config{UploadDir: dir, MaxIntake: 1 << 20, Services: Services{Intakes: rec}}}
	zipped := zipBytes(t, formFile{"2024/司法所.txt", strings.NewReader("一")}, formFile{"__MACOSX/._x", strings.NewReader("垃圾")},
		formFile{"内.zip", strings.NewReader("PK")}, formFile{"2024/公证处.docx", strings.NewReader("二")})
	sent := []struct{ name, body string }{{`C:\收件\单位.txt`, "三"}, {"收件.zip", string(zipped)}, {"坏.zip", "PK not"}, {"空.txt", ""}}
	var parts []formFile
	mem := intake.NewBatch(intake.Limits{MaxTotal: 1 << 20})
	for _, f := range sent {
		parts = append(parts, formFile{f.name, strings.NewReader(f.body)})
		if err := mem.Add(f.name, []byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	r, done := intakeRequest(t, parts...)
	defer done()
	in, err := s.createIntake(r)
	if err != nil {
		t.Fatal(err)
	}
	if in.Year != 2024 {
		t.Errorf("year %d", in.Year)
	}
	want := mem.Files()
	if !slices.EqualFunc(rec.files, want, func(a, b jixiao.IntakeFile) bool {
		return a.Name == b.Name && bytes.Equal(a.Content, b.Content) && a.Error == b.Error
	}) || len(want) != 6 {
		t.Errorf("stored from disk:\n%+v\nin memory:\n%+v", rec.files, want)
	}
	assertEmpty(t, dir)
}

// TestIntakeUploadLimits: an upload past the limit fails while it is
// still arriving (a file that never ends is cut off), nothing is stored,
// and nothing is left in the upload folder, whether the limit is passed
// by the first file or a later one, or the store itself fails.
func TestIntakeUploadLimits(t *testing.T) {
	small := func() formFile { return formFile{"一.txt", strings.NewReader("一")} }
	for _, c := range []struct {
		name  string
		files []formFile
		fail  error
		code  string
	}{
		{"Endless", []formFile{{"无尽.txt", endless{}}}, nil, eTooLarge},
		{"EndlessAfterOne", []formFile{small(), {"无尽.zip", endless{}}}, nil, eTooLarge},
		{"TwoTogetherTooLarge", []formFile{{"a.txt", io.LimitReader(endless{}, 700<<10)}, {"b.txt", io.LimitReader(endless{}, 700<<10)}}, nil, eTooLarge},
		{"StoreFails", []formFile{small(), {"包.zip", bytes.NewReader(zipBytes(t, small()))}}, jixiao.Errorf(jixiao.EInvalid, "存储失败"), jixiao.EInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			rec := &storeRecorder{fail: c.fail}
			s := &Server{cfg: Config{UploadDir: dir, MaxIntake: 1 << 20, Services: Services{Intakes: rec}}}
			r, done := intakeRequest(t, c.files...)
			defer done()
			_, err := s.createIntake(r)
			if got := jixiao.ErrorCode(err); got != c.code {
				t.Fatalf("error %v (%s), want %s", err, got, c.code)
			}
			var fe *fieldError
			if c.fail == nil && (!errors.As(err, &fe) || fe.Field != "file" || !strings.Contains(err.Error(), "1 MiB")) {
				t.Errorf("error %v, want one about the file field naming the limit", err)
			}
			if c.fail == nil && len(rec.files) != 0 {
				t.Errorf("%d files stored from a failed upload", len(rec.files))
			}
			assertEmpty(t, dir)
		})
	}
}

// TestRemoveStaleUploads: a request's folder older than the age goes, a
// recent one and anything not an upload folder stay.
func TestRemoveStaleUploads(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	for _, c := range []struct {
		name string
		age  time.Duration
		gone bool
	}{
		{"intake-old", 48 * time.Hour, true},
		{"intake-new", time.Minute, false},
		{"other-old", 48 * time.Hour, false},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.MkdirAll(filepath.Join(p, "sub"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-c.age), now.Add(-c.age)); err != nil {
			t.Fatal(err)
		}
		defer func() {
			_, err := os.Stat(p)
			if gone := errors.Is(err, fs.ErrNotExist); gone != c.gone {
				t.Errorf("%s: gone %v, want %v", c.name, gone, c.gone)
			}
		}()
	}
	if err := RemoveStaleUploads(dir, 24*time.Hour, now); err != nil {
		t.Fatal(err)
	}
	if err := RemoveStaleUploads(filepath.Join(dir, "none"), time.Hour, now); err != nil {
		t.Errorf("a folder not yet made: %v", err)
	}
}
