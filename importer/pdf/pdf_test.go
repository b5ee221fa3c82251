package pdf

import (
	"bytes"
	"errors"
	"jixiao/internal/golden"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/signintech/gopdf"

	"jixiao"
	"jixiao/importer/internal/dump"
	"jixiao/importer/internal/limit"
)

// fonts are single-face TrueType CJK fonts gopdf can embed.
var fonts = []string{
	"/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
}

// need skips the test when a tool or font is missing, except in CI, where
// a missing tool is a broken build.
func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required when CI=true", what)
	}
	t.Skipf("%s not available", what)
}

func font(t *testing.T) string {
	for _, f := range fonts {
		if _, err := os.Stat(f); err == nil {
			return f
		}
	}
	need(t, "a CJK TrueType font (fonts-lxgw-wenkai or fonts-arphic-gbsn00lp)", false)
	return ""
}

// buildPDF writes a two-page report: a title, a paragraph wrapped over two
// lines, a table drawn as text at column positions, and a second page.
func buildPDF(t *testing.T) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFont("cjk", font(t)); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("cjk", "", 12); err != nil {
		t.Fatal(err)
	}
	text := func(x, y float64, s string) {
		pdf.SetXY(x, y)
		if err := pdf.Text(s); err != nil {
			t.Fatal(err)
		}
	}
	pdf.AddPage()
	text(200, 60, "项目支出绩效自评表")
	text(60, 100, "    本年度项目预算执行率为98.5%，较上年提高了")
	text(60, 116, "两个百分点。")
	rows := [][]string{{"指标", "年度指标值", "实际完成值", "得分"}, {"改造户厕数量", "≥1200户", "1250户", "5"}, {"群众满意度", "≥90%", "95%", "10"}}
	for i, r := range rows {
		for j, c := range r {
			text(60+float64(j)*120, 160+float64(i)*18, c)
		}
	}
	text(60, 240, "以上为自评结果。")
	pdf.AddPage()
	text(60, 60, "第二页 文字")
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLayoutGolden(t *testing.T) {
	data := buildPDF(t)
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "layout.golden", dump.Document(d))
	var tbl *jixiao.Table
	for _, b := range d.Blocks {
		if b.Kind == jixiao.BlockTable {
			tbl = b.Table
		}
	}
	if tbl == nil || len(tbl.Rows) != 3 {
		t.Fatalf("want a 3-row table, got\n%s", dump.Document(d))
	}
	if got, want := tbl.Rows[1].Texts(), []string{"改造户厕数量", "≥1200户", "1250户", "5"}; !cmp.Equal(got, want) {
		t.Errorf("row 2: got %q, want %q", got, want)
	}
	if !strings.Contains(d.PlainText(), "预算执行率为98.5%，较上年提高了两个百分点。") {
		t.Errorf("paragraph not joined across lines:\n%s", d.PlainText())
	}
	if last := d.Blocks[len(d.Blocks)-1]; last.Pos.Page != 2 {
		t.Errorf("last block: got page %d, want 2", last.Pos.Page)
	}
}

func TestPlain(t *testing.T) {
	data := buildPDF(t)
	d, err := readGo(bytes.NewReader(data), int64(len(data)), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	if txt := d.PlainText(); !strings.Contains(txt, "项目支出绩效自评表") || !strings.Contains(txt, "第二页") {
		t.Errorf("plain text lacks the title or page 2:\n%s", txt)
	}
}

func TestPageLimit(t *testing.T) {
	data := buildPDF(t)
	lim := limit.Limits{MaxPages: 1}
	var le *limit.LimitError
	if _, err := readGo(bytes.NewReader(data), int64(len(data)), lim.Fill()); !errors.As(err, &le) || le.Limit != limit.Pages {
		t.Errorf("pure: got %v, want a page LimitError", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if _, err := ReadAt(bytes.NewReader(data), int64(len(data)), lim); !errors.As(err, &le) || le.Limit != limit.Pages {
			t.Errorf("pdftotext: got %v, want a page LimitError", err)
		}
	}
}

func TestNoText(t *testing.T) {
	data, err := os.ReadFile("../../testdata/bad/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readGo(bytes.NewReader(data), int64(len(data)), limit.Default()); !errors.Is(err, ErrNoText) {
		t.Errorf("pure: got %v, want ErrNoText", err)
	}
	// A scan draws no text: no other reader would help, so the error does
	// not send the user to install one.
	saved := Pdftotext
	Pdftotext = ""
	_, err = ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	Pdftotext = saved
	if !errors.Is(err, ErrNoText) || strings.Contains(err.Error(), "poppler") {
		t.Errorf("without pdftotext: got %v, want ErrNoText without an install hint", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if _, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{}); !errors.Is(err, ErrNoText) {
			t.Errorf("pdftotext: got %v, want ErrNoText", err)
		}
	}
}

func TestLayoutBlocks(t *testing.T) {
	page := "      标题\n\n    第一段第一行\n接着一行\n    第二段\n\n名称    金额\n\n甲      1\n乙      2\nabc\ndef\n"
	got := dump.Document(&jixiao.Document{Blocks: layoutBlocks([]string{page}, nil)})
	want := `format= encoding=
paragraph level=0 style="" @p1 "标题"
paragraph level=0 style="" @p1 "第一段第一行接着一行"
paragraph level=0 style="" @p1 "第二段"
table @p1,t1
  row @p1,t1,r1
    cell @p1,t1,r1,c1 "名称"
    cell @p1,t1,r1,c2 "金额"
  row @p1,t1,r2
    cell @p1,t1,r2,c1 "甲"
    cell @p1,t1,r2,c2 "1"
  row @p1,t1,r3
    cell @p1,t1,r3,c1 "乙"
    cell @p1,t1,r3,c2 "2"
paragraph level=0 style="" @p1 "abc def"
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzPDF exercises the pure-Go reader, the one that parses PDF syntax in
// our process, from the file structure to the words and the tables.
func FuzzPDF(f *testing.F) {
	for _, seed := range []string{"../../testdata/bad/scanned.pdf", "testdata/jixiao-table.pdf"} {
		if b, err := os.ReadFile(seed); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := limit.Default()
		lim.Timeout = 5e9
		d, err := readGo(bytes.NewReader(data), int64(len(data)), lim)
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
	})
}
