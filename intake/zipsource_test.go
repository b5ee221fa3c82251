package intake

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao"
)

// load reads the files as the store does, so that a file read from disk
// and one held in memory compare by what they hold.
func load(t *testing.T, files []jixiao.IntakeFile) []jixiao.IntakeFile {
	t.Helper()
	out := slices.Clone(files)
	for i, f := range out {
		if f.Open == nil {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			out[i].Error = err.Error()
			continue
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			out[i].Error = err.Error()
		}
		out[i].Content, out[i].Open = b, nil
	}
	return out
}

// TestReadZipFile: a zip read from disk lists the same files with the same
// contents and errors as the zip read in memory, and the same limits stop
// it; its archive is closed once every file has been read.
func TestReadZipFile(t *testing.T) {
	data := mustZip(t,
		entry{name: "收件/司法局.docx", body: "docx"},
		entry{name: "__MACOSX/收件/._司法局.docx", body: "junk"},
		entry{name: "嵌套.zip", body: string(mustZip(t, entry{name: "a.txt", body: "a"}))},
		entry{name: "大.txt", body: strings.Repeat("x", 2048)},
		entry{name: "小.txt", body: strings.Repeat("y", 1000)},
	)
	p := filepath.Join(t.TempDir(), "收件.zip")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lim := range []Limits{{MaxFileBytes: 1024}, {}, {MaxFiles: 2}, {MaxTotal: 100}} {
		mem, merr := ReadZip(bytes.NewReader(data), int64(len(data)), lim)
		disk, derr := ReadZipFile(p, lim)
		if jixiao.ErrorCode(merr) != jixiao.ErrorCode(derr) || (merr == nil) != (derr == nil) {
			t.Errorf("%+v: errors %v and %v", lim, merr, derr)
			continue
		}
		if merr != nil {
			continue
		}
		got := load(t, disk)
		if !slices.EqualFunc(got, mem, func(a, b jixiao.IntakeFile) bool {
			return a.Name == b.Name && bytes.Equal(a.Content, b.Content) && a.Error == b.Error
		}) {
			t.Errorf("%+v: from disk %+v, in memory %+v", lim, got, mem)
		}
	}

	b := &batch{lim: Limits{}.withDefaults()}
	if err := b.addZipFile("", p); err != nil {
		t.Fatal(err)
	}
	src := b.zips[0]
	load(t, b.files)
	if src.fh != nil || src.left != 0 {
		t.Errorf("after every file was read: open %v, %d left", src.fh != nil, src.left)
	}
}

// TestReadZipFileLies: an entry that inflates past the size its header
// states fails when it is read, so the stated sizes the limits counted
// hold; the archive is closed after.
func TestReadZipFileLies(t *testing.T) {
	body := strings.Repeat("z", 4096)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "炸弹.txt", Method: zip.Store,
		CRC32: crc32.ChecksumIEEE([]byte(body)), CompressedSize64: uint64(len(body)), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "a.zip")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBatch(Limits{MaxFileBytes: 100, MaxTotal: 100})
	if err := b.AddPath("a.zip", p); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got := load(t, b.Files())
	if len(got) != 1 || got[0].Error == "" || len(got[0].Content) > 100 {
		t.Fatalf("a lying entry: %+v, want it failed within the limit", got)
	}
	if b.b.zips[0].fh != nil {
		t.Error("archive still open after its only file failed")
	}
}
