package limit

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestLimitErrorMessages(t *testing.T) {
	tests := []struct {
		err  *LimitError
		want string
	}{
		{&LimitError{Limit: FileBytes, Value: 120 << 20, Max: 50 << 20}, "文件过大：120 MiB，上限 50 MiB (--max-file-size)"},
		{&LimitError{Limit: UnzippedBytes, Value: 300 << 20, Max: 200 << 20}, "解压后内容过大（可能是压缩炸弹）：至少 300 MiB，上限 200 MiB (--max-unzipped-size)"},
		{&LimitError{Limit: Ratio, Value: 1028, Max: 100}, "压缩比异常（可能是压缩炸弹）：1028 倍，上限 100 倍 (--max-zip-ratio)"},
		{&LimitError{Limit: XMLDepth, Value: 257, Max: 256}, "嵌套层数过深：超过 256 层 (--max-xml-depth)"},
		{&LimitError{Limit: Cells, Value: 1000001, Max: 1000000}, "单元格过多：至少 1000001 个，上限 1000000 个 (--max-cells)"},
		{&LimitError{Limit: Pages, Value: 2001, Max: 2000}, "页数过多：超过 2000 页 (--max-pages)"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if got := Bytes(1536); got != "1.5 KiB" {
		t.Errorf("Bytes(1536) = %q", got)
	}
}

func TestFill(t *testing.T) {
	got := Limits{MaxCells: 7}.Fill()
	want := Default()
	want.MaxCells = 7
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func zipOf(t *testing.T, parts map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range parts {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZip(t *testing.T) {
	spaces := bytes.Repeat([]byte(" "), 3<<20)
	text := []byte(strings.Repeat("预算执行率", 1000))
	tests := []struct {
		name  string
		data  []byte
		lim   Limits
		open  string // error from OpenZip: the limit name or "bad"
		read  string // error from reading every part
		parts int
	}{
		{name: "OK", data: zipOf(t, map[string][]byte{"a.xml": text, "B/C.xml": text}), parts: 2},
		{name: "NotZip", data: []byte("PK\x03\x04 not really"), open: "bad"},
		{name: "Ratio", data: zipOf(t, map[string][]byte{"a.xml": spaces}), open: Ratio},
		{name: "Sum", data: zipOf(t, map[string][]byte{"a.xml": text, "b.xml": text}), lim: Limits{MaxUnzippedBytes: 20000}, open: UnzippedBytes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z, err := OpenZip(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			if tt.open != "" {
				var le *LimitError
				switch {
				case tt.open == "bad" && !errors.Is(err, ErrBadZip):
					t.Errorf("got %v, want ErrBadZip", err)
				case tt.open != "bad" && (!errors.As(err, &le) || le.Limit != tt.open):
					t.Errorf("got %v, want limit %s", err, tt.open)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !z.Has("b/c.xml") {
				t.Error("Has is not case-insensitive")
			}
			if _, err := z.Open("missing.xml"); !errors.Is(err, ErrNoPart) {
				t.Errorf("missing part: got %v", err)
			}
			for _, name := range []string{"a.xml", "b/c.xml"} {
				rc, err := z.Open(name)
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				if err != nil || !bytes.Equal(b, text) {
					t.Errorf("%s: got %d bytes, %v", name, len(b), err)
				}
			}
		})
	}
}

// TestZipCountsWhileReading checks the running total across parts, which
// bounds a reader even if a header check were bypassed.
func TestZipCountsWhileReading(t *testing.T) {
	text := bytes.Repeat([]byte("x"), 6000)
	data := zipOf(t, map[string][]byte{"a": text, "b": text})
	z, err := OpenZip(bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	z.lim.MaxUnzippedBytes = 10000 // as if the headers had passed
	var le *LimitError
	for _, name := range []string{"a", "b"} {
		rc, _ := z.Open(name)
		if _, err = io.ReadAll(rc); err != nil {
			break
		}
	}
	if !errors.As(err, &le) || le.Limit != UnzippedBytes {
		t.Errorf("got %v, want an UnzippedBytes LimitError", err)
	}
}
