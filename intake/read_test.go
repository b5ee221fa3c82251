package intake

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao"
)

type entry struct {
	name    string
	body    string
	nonUTF8 bool
}

func mustZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, NonUTF8: e.nonUTF8, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func names(fs []jixiao.IntakeFile) []string {
	var out []string
	for _, f := range fs {
		s := f.Name
		if f.Error != "" {
			s += " !"
		}
		out = append(out, s)
	}
	return out
}

func TestReadZip(t *testing.T) {
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String("公证处/自评.docx")
	if err != nil {
		t.Fatal(err)
	}
	inner := mustZip(t, entry{name: "a.txt", body: "a"})
	data := mustZip(t,
		entry{name: "收件/", body: ""},
		entry{name: "收件/司法局.docx", body: "docx"},
		entry{name: "../../etc/passwd", body: "root"},
		entry{name: `..\..\windows\win.ini`, body: "ini"},
		entry{name: "/abs/path.txt", body: "abs"},
		entry{name: "__MACOSX/收件/._司法局.docx", body: "junk"},
		entry{name: "收件/.DS_Store", body: "junk"},
		entry{name: "收件/~$临时.docx", body: "junk"},
		entry{name: gbk, body: "gbk", nonUTF8: true},
		entry{name: "嵌套.zip", body: string(inner)},
		entry{name: "大.txt", body: strings.Repeat("x", 2048)},
		entry{name: "name\x1b[31m.txt", body: "esc"},
	)
	files, err := ReadZip(bytes.NewReader(data), int64(len(data)), Limits{MaxFileBytes: 1024})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"收件/司法局.docx", "etc/passwd", "windows/win.ini", "abs/path.txt", "公证处/自评.docx", "嵌套.zip !", "大.txt !", "name[31m.txt"}
	if got := names(files); !slices.Equal(got, want) {
		t.Errorf("names:\n got %q\nwant %q", got, want)
	}
	if string(files[0].Content) != "docx" || files[6].Content != nil {
		t.Errorf("contents: %q, %q", files[0].Content, files[6].Content)
	}

	if _, err := ReadZip(bytes.NewReader(data), int64(len(data)), Limits{MaxFiles: 3}); jixiao.ErrorCode(err) != jixiao.EInvalid {
		t.Errorf("too many files: %v, want invalid", err)
	}
	if _, err := ReadZip(bytes.NewReader(data), int64(len(data)), Limits{MaxTotal: 10}); jixiao.ErrorCode(err) != jixiao.EInvalid {
		t.Errorf("too large a batch: %v, want invalid", err)
	}
	if _, err := ReadZip(strings.NewReader("not a zip"), 9, Limits{}); jixiao.ErrorCode(err) != jixiao.EInvalid {
		t.Errorf("not a zip: %v, want invalid", err)
	}
}

func TestReadDirAndBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/二.txt", []byte("2"))
	write("a.txt", []byte("1"))
	write(".hidden/x.txt", []byte("x"))
	write("包.zip", mustZip(t, entry{name: "三.txt", body: "3"}))
	write("坏.zip", []byte("PK broken"))
	files, err := ReadPath(dir, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(files), []string{"a.txt", "b/二.txt", "包.zip/三.txt", "坏.zip !"}; !slices.Equal(got, want) {
		t.Errorf("ReadDir: got %q, want %q", got, want)
	}

	b := NewBatch(Limits{})
	for _, f := range []struct{ name, body string }{{`C:\用户\一.docx`, "1"}, {"包.zip", string(mustZip(t, entry{name: "二.txt", body: "2"}))}} {
		if err := b.Add(f.name, []byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := names(b.Files()), []string{"C:/用户/一.docx", "包.zip/二.txt"}; !slices.Equal(got, want) {
		t.Errorf("Batch: got %q, want %q", got, want)
	}
}

// FuzzReadZip: any bytes give files or an error, never a panic; every
// name is clean and every content within the limit.
func FuzzReadZip(f *testing.F) {
	f.Add(mustZip(f, entry{name: "a/../../b.txt", body: "b"}, entry{name: "c.zip", body: "PK"}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxFiles: 50, MaxFileBytes: 1 << 16, MaxTotal: 1 << 18}
		files, err := ReadZip(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			return
		}
		for _, fl := range files {
			if fl.Name != CleanName(fl.Name) || strings.HasPrefix(fl.Name, "/") || slices.Contains(strings.Split(fl.Name, "/"), "..") {
				t.Errorf("unclean name %q", fl.Name)
			}
			if int64(len(fl.Content)) > lim.MaxFileBytes {
				t.Errorf("%s: %d bytes over the limit", fl.Name, len(fl.Content))
			}
		}
	})
}
