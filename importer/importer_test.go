package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao/importer/internal/limit"
	"jixiao/importer/pdf"
)

var update = flag.Bool("update", false, "regenerate the corpus in ../testdata/bad")

const corpus = "../testdata/bad"

// minimalDocx is a valid one-paragraph, one-table Word document.
func minimalDocx(t testing.TB) []byte {
	return zipParts(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			`<w:p><w:r><w:t>部门整体支出绩效自评报告</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
			`</w:body></w:document>`,
	})
}

func zipParts(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func minimalXlsx(t testing.TB, opts ...excelize.Options) []byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "项目名称")
	f.SetCellValue("Sheet1", "B1", 100)
	var buf bytes.Buffer
	if err := f.Write(&buf, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is a docx whose document.xml is n bytes of one repeated byte.
func bomb(t testing.TB, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for i := 0; i < n; i += len(chunk) {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

// lyingBomb declares a 1,000-byte document.xml but holds 20 MiB.
func lyingBomb(t testing.TB) []byte {
	var data bytes.Buffer
	fw, _ := flate.NewWriter(&data, flate.BestCompression)
	fw.Write(bytes.Repeat([]byte{' '}, 20<<20))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(data.Len()), UncompressedSize64: 1000})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data.Bytes())
	zw.Close()
	return buf.Bytes()
}

// scannedPDF is a one-page PDF whose page shows only an image: a scan
// without a text layer.
func scannedPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
		"<< /Length 35 >>\nstream\nq 495 0 0 742 50 50 cm /Im0 Do Q\nendstream",
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x80\x80\x00\nendstream",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// fakeDoc is the start of a compound file naming a WordDocument stream: a
// legacy .doc as far as detection looks.
func fakeDoc() []byte {
	b := append([]byte{}, oleMagic...)
	b = append(b, make([]byte, 504)...)
	return append(b, utf16("WordDocument")...)
}

func gbkText(t testing.TB) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("部门整体支出绩效自评表\n\t项目名称\n\t农村人居环境整治\n\n预算执行率为98.5%。\n"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// generate writes the committed corpus; run with -update.
func generate(t *testing.T) {
	docx := minimalDocx(t)
	rnd := make([]byte, 4096)
	r := rand.NewChaCha8([32]byte{1})
	r.Read(rnd)
	files := map[string][]byte{
		"truncated.docx":   docx[:len(docx)*2/3],
		"bomb.docx":        bomb(t, 20<<20),
		"really-xlsx.docx": minimalXlsx(t),
		"wrong-ext.pdf":    []byte("<!DOCTYPE html><html><body><table><tr><td>项目</td><td>金额</td></tr></table></body></html>"),
		"empty.docx":       {},
		"gbk.txt":          gbkText(t),
		"encrypted.xlsx":   minimalXlsx(t, excelize.Options{Password: "jixiao"}),
		"scanned.pdf":      scannedPDF(),
		"random.docx":      rnd,
		"legacy.doc":       fakeDoc(),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(corpus, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBadCorpus imports every file in ../testdata/bad, plus a 100 MB file
// and a lying zip made at test time, and checks what each gives: a clear,
// one-line error naming the file, or a document with the right warning.
func TestBadCorpus(t *testing.T) {
	if *update {
		generate(t)
	}
	tmp := t.TempDir()
	big := filepath.Join(tmp, "big.docx")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	f.Close()
	lying := filepath.Join(tmp, "lying.docx")
	if err := os.WriteFile(lying, lyingBomb(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path    string
		err     string // substring of the error; "" when the file must import
		is      error  // errors.Is target
		limit   string // LimitError.Limit expected
		format  string // for files that import
		warning string // substring of a warning
		enc     string
	}{
		{path: "truncated.docx", is: limit.ErrBadZip, err: "被截断"},
		{path: "bomb.docx", limit: limit.Ratio, err: "--max-zip-ratio"},
		{path: "really-xlsx.docx", format: FormatXlsx, warning: "扩展名与内容不符"},
		{path: "wrong-ext.pdf", format: FormatHTML, warning: "实际是 html"},
		{path: "empty.docx", is: ErrEmpty, err: "空文件"},
		{path: "gbk.txt", format: FormatText, enc: "gb18030"},
		{path: "encrypted.xlsx", err: "加密的工作簿"},
		{path: "scanned.pdf", is: pdf.ErrNoText, err: "没有文字层"},
		{path: "random.docx", is: ErrUnknown, err: "无法识别"},
		{path: "legacy.doc", is: ErrLegacyDoc, err: ".docx"},
		{path: big, limit: limit.FileBytes, err: "文件过大：100 MiB，上限 50 MiB (--max-file-size)"},
		{path: lying, is: nil, err: "docx: "},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			path := tt.path
			if !filepath.IsAbs(path) {
				path = filepath.Join(corpus, path)
			}
			start := time.Now()
			d, err := Open(path, Limits{})
			if el := time.Since(start); el > 20*time.Second {
				t.Errorf("took %v", el)
			}
			if tt.format != "" {
				if err != nil {
					t.Fatalf("got error %v, want a %s document", err, tt.format)
				}
				if d.Format != tt.format || d.Path != path {
					t.Errorf("got format %q path %q, want %q %q", d.Format, d.Path, tt.format, path)
				}
				if tt.enc != "" && d.Encoding != tt.enc {
					t.Errorf("encoding: got %q, want %q", d.Encoding, tt.enc)
				}
				if w := strings.Join(d.Warnings, "|"); !strings.Contains(w, tt.warning) || (tt.warning == "" && w != "") {
					t.Errorf("warnings: got %q, want %q", w, tt.warning)
				}
				if len(d.Blocks) == 0 {
					t.Error("no blocks")
				}
				return
			}
			if err == nil {
				t.Fatalf("got a %s document, want an error", d.Format)
			}
			msg := err.Error()
			t.Logf("%s", msg)
			if !strings.Contains(msg, path) || strings.Contains(msg, "\n") || !strings.Contains(msg, tt.err) {
				t.Errorf("error %q: want one line naming %s and saying %q", msg, path, tt.err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q: want errors.Is %v", msg, tt.is)
			}
			var le *LimitError
			if errors.As(err, &le) != (tt.limit != "") || (le != nil && le.Limit != tt.limit) {
				t.Errorf("error %q: want limit %q", msg, tt.limit)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a.docx", minimalDocx(t), FormatDocx},
		{"a.xlsx", minimalXlsx(t), FormatXlsx},
		{"a.pdf", scannedPDF(), FormatPDF},
		{"a.html", []byte("\xEF\xBB\xBF  <!DOCTYPE html><p>x"), FormatHTML},
		{"a.htm", []byte("<table><tr><td>x"), FormatHTML},
		{"a.txt", []byte("一、基本情况\n<不是标签>"), FormatText},
	}
	for _, tt := range tests {
		got, err := detect(bytes.NewReader(tt.data), int64(len(tt.data)), tt.name)
		if err != nil || got != tt.want {
			t.Errorf("detect(%s) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestReadNamesFile(t *testing.T) {
	d, err := ReadBytes(minimalDocx(t), "上传/自评表.docx", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Path != "上传/自评表.docx" || len(d.Warnings) != 0 || len(d.Blocks) != 2 {
		t.Errorf("got %+v", d)
	}
	_, err = ReadBytes(minimalDocx(t), "x.docx", Limits{MaxFileBytes: 10})
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != limit.FileBytes || !strings.HasPrefix(err.Error(), "x.docx: ") {
		t.Errorf("got %v, want a file-size LimitError naming x.docx", err)
	}
}

// FuzzRead feeds the dispatcher arbitrary bytes under several names; only
// the pure-Go PDF reader is used, so that the fuzzer does not spawn
// processes.
func FuzzRead(f *testing.F) {
	f.Add(minimalDocx(f), "a.docx")
	f.Add(scannedPDF(), "a.pdf")
	f.Add([]byte("<html><table><tr><td>x"), "a.xlsx")
	f.Add(fakeDoc(), "a.doc")
	f.Add(gbkText(f), "a.txt")
	saved := pdf.Pdftotext
	pdf.Pdftotext = ""
	f.Cleanup(func() { pdf.Pdftotext = saved })
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		d, err := ReadBytes(data, name, Limits{MaxUnzippedBytes: 4 << 20, MaxCells: 10000, Timeout: 5 * time.Second})
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
	})
}
