package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao"
	pdfin "jixiao/importer/pdf"
	"jixiao/internal/sample"
	"jixiao/render/chart"
	"jixiao/render/internal/cjkfont"
	"jixiao/render/pdf"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

// tool returns the path of an external tool, skipping the test when it is
// absent, or failing it when CI=true.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

func options(t *testing.T) pdf.Options {
	t.Helper()
	_, data, err := cjkfont.Load("")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	f, err := chart.ParseFont(data)
	if err != nil {
		t.Fatal(err)
	}
	return pdf.Options{Font: data, ChartFont: f}
}

func render(t *testing.T, ev *jixiao.Evaluation, opt pdf.Options) []byte {
	t.Helper()
	rs := rules.MustLoad("national-2020")
	o := report.Compose(ev, score.Score(ev, rs), rs, report.Options{})
	var buf bytes.Buffer
	if err := pdf.WriteReport(&buf, o, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// squeeze drops all white space: pdftotext inserts spaces and line breaks
// where our layout broke lines.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// TestTextExtractsBack: the Chinese text of the PDF comes back intact
// through pdftotext (the font is embedded with a ToUnicode map).
func TestTextExtractsBack(t *testing.T) {
	opt := options(t)
	pdftotext := tool(t, "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(path, render(t, sample.Yanfeng(), opt), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := squeeze(string(out))
	for _, want := range []string{"雁峰区司法局", "2024年度部门整体支出绩效自评报告", "一、部门基本情况",
		"项目支出286.74万元，占本年支出42.49%", "自评总分96.12分，等级为“优”",
		"区司法局内设八个股室，分别是办公室、社区矫正工作股（安置帮教股）", "偏差原因分析及改进措施", "年度资金总额"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	if pdffonts, err := exec.LookPath("pdffonts"); err == nil {
		out, _ := exec.Command(pdffonts, path).Output()
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		f := strings.Fields(lines[len(lines)-1])
		if len(lines) < 3 || len(f) < 5 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded with a Unicode map:\n%s", out)
		}
	}
}

// TestUnusualCharacters: characters outside the BMP or missing from the
// font must not abort the document, nor vanish: each prints in a fallback
// font that has it, else as pdf.Replacement.
func TestUnusualCharacters(t *testing.T) {
	opt := options(t)
	pdftotext := tool(t, "pdftotext")
	wenkai := "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
	withFallback := opt
	if b, err := os.ReadFile(wenkai); err == nil {
		withFallback.Fallback = [][]byte{b}
	} else if os.Getenv("CI") == "true" {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opt  pdf.Options
		want string
	}{
		// 𠀋 (U+2000B), 龢 and ☃ are not in the embedded GB2312 face
		// but are in LXGW WenKai; 𠀀 (U+20000) is in neither. 𠀋 also
		// checks the ToUnicode entry beyond U+FFFF (fixToUnicode).
		{"NoFallback", opt, "甲□□□乙□完成"},
		{"Fallback", withFallback, "甲𠀋龢□乙☃完成"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opt.Fallback == nil && tt.name == "Fallback" {
				t.Skip("no fallback font installed")
			}
			ev := sample.Project()
			ev.Goal.Actual = "甲𠀋龢𠀀乙☃\u200b完成"
			ev.Indicators[0].Deviation = strings.Repeat("很长的说明，", 200)
			path := filepath.Join(t.TempDir(), "u.pdf")
			if err := os.WriteFile(path, render(t, ev, tt.opt), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if text := squeeze(string(out)); !strings.Contains(text, tt.want) {
				t.Errorf("extracted text lacks %q", tt.want)
			}
		})
	}
}

func TestNoFont(t *testing.T) {
	var buf bytes.Buffer
	err := pdf.WriteReport(&buf, &report.Outline{Title: "x"}, pdf.Options{})
	if err == nil {
		t.Fatal("no error without a font")
	}
}

// TestLongTable: a table taller than a page breaks across pages.
func TestLongTable(t *testing.T) {
	opt := options(t)
	ev := sample.Project()
	for i := 0; i < 60; i++ {
		in := ev.Indicators[i%len(ev.Indicators)]
		ev.Indicators = append(ev.Indicators, in)
	}
	rs := rules.MustLoad("national-2020")
	var buf bytes.Buffer
	if err := pdf.WriteTable(&buf, report.Table(ev, score.Score(ev, rs), rs), opt); err != nil {
		t.Fatal(err)
	}
	pdftotext := tool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if pages := strings.Count(string(out), "\f"); pages < 2 {
		t.Errorf("%d pages, want the table to continue on a second page", pages)
	}
	if !strings.Contains(string(out), "总分") {
		t.Error("the last row (总分) is missing")
	}
}

// TestLongTableRepeatsHeading: each page an indicator block continues onto
// starts with the block's heading row (一级指标, 二级指标, …), so that the
// page reads on its own.
func TestLongTableRepeatsHeading(t *testing.T) {
	opt := options(t)
	pdftotext := tool(t, "pdftotext")
	ev := sample.Project()
	base := ev.Indicators
	for i := 0; len(ev.Indicators) < 70; i++ {
		in := base[i%len(base)]
		in.Name = fmt.Sprintf("%s（%d）", in.Name, i)
		ev.Indicators = append(ev.Indicators, in)
	}
	last := "末项指标" // short enough for one line of the 三级 column
	ev.Indicators[len(ev.Indicators)-1].Name = last
	rs := rules.MustLoad("national-2020")
	var buf bytes.Buffer
	if err := pdf.WriteTable(&buf, report.Table(ev, score.Score(ev, rs), rs), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	heading := squeeze(strings.Join([]string{report.LabelLevel1, report.LabelLevel2, report.LabelLevel3}, " "))
	end := -1 // the page of the last indicator
	for i, p := range pages {
		if strings.Contains(squeeze(p), last) {
			end = i
		}
	}
	if end < 2 {
		t.Fatalf("the indicators end on page %d, want a table over three pages or more", end+1)
	}
	for i := 1; i <= end; i++ {
		if !strings.Contains(squeeze(pages[i]), heading) {
			t.Errorf("page %d continues the indicators without their heading:\n%s", i+1, pages[i])
		}
	}
}

// TestTableNumberFormats: amounts and scores print with two decimals and
// rates as percentages with two, as the xlsx shows them; 分值 as written.
// The PDF is read back with jixiao's own pure-Go reader.
func TestTableNumberFormats(t *testing.T) {
	opt := options(t)
	ev := sample.Yanfeng()
	rs := rules.MustLoad("national-2020")
	var buf bytes.Buffer
	if err := pdf.WriteTable(&buf, report.Table(ev, score.Score(ev, rs), rs), opt); err != nil {
		t.Fatal(err)
	}
	saved := pdfin.Pdftotext
	pdfin.Pdftotext = ""
	defer func() { pdfin.Pdftotext = saved }()
	d, err := pdfin.Read(&buf, "t.pdf")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, b := range d.Blocks {
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				rows = append(rows, r.Texts())
			}
		}
	}
	row := func(label string) []string {
		for _, r := range rows {
			if slices.Contains(r, label) {
				return r
			}
		}
		return nil
	}
	tests := []struct{ row, want string }{
		{"政府性基金拨款", "0.00"}, // stated 0.0
		{"年度资金总额", "61.23%"},
		{"年度资金总额", "6.12"},
		{"完成量", "20.00"}, // 得分 stated 20
		{"完成量", "20"},    // 分值 as written
		{"总分", "96.12"},
	}
	for _, tt := range tests {
		if r := row(tt.row); !slices.Contains(r, tt.want) {
			t.Errorf("row %s: cells %q lack %q", tt.row, r, tt.want)
		}
	}
}
