package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"jixiao/internal/sample"
	"jixiao/render"
)

var docImages = flag.Bool("docimg", false, "rewrite the pictures under docs/img/ from this run")

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

var profiles atomic.Int64

// soffice converts in to PDF in dir with a profile of its own: concurrent
// LibreOffice processes sharing one profile silently produce nothing.
func soffice(t *testing.T, in, dir string) string {
	t.Helper()
	bin := tool(t, "soffice")
	profile := fmt.Sprintf("file:///tmp/lo_jixiao_render_%d_%d", os.Getpid(), profiles.Add(1))
	defer os.RemoveAll(strings.TrimPrefix(profile, "file://"))
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	// the 公文 fonts the documents name, mapped to free faces
	conf, _ := filepath.Abs(filepath.Join("testdata", "fonts.conf"))
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice %s: %v\n%s", in, err, out)
	}
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".pdf")
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Fatalf("soffice produced no PDF for %s: %v\n%s", in, err, out)
	}
	return pdf
}

// asPDF writes a rendered document to dir as name.format and returns it as
// a PDF: as it is, or converted by LibreOffice.
func asPDF(t *testing.T, data []byte, dir, name, format string) string {
	t.Helper()
	in := filepath.Join(dir, name+"."+format)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if format == "pdf" {
		return in
	}
	sub := filepath.Join(dir, name)
	_ = os.MkdirAll(sub, 0o755)
	return soffice(t, in, sub)
}

// pages renders a PDF's pages to PNG and returns their paths.
func pages(t *testing.T, pdf, prefix string) []string {
	t.Helper()
	bin := tool(t, "pdftoppm")
	if out, err := exec.Command(bin, "-r", "70", "-png", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	got, _ := filepath.Glob(prefix + "*.png")
	if len(got) == 0 {
		t.Fatalf("pdftoppm rendered no page of %s", pdf)
	}
	return got
}

func pdftext(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// TestVisual converts the Word and Excel outputs to PDF with LibreOffice
// and renders their pages, and renders our own PDF; with -docimg the first
// pages become docs/img/*.png.
func TestVisual(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions are slow")
	}
	tool(t, "soffice")
	tool(t, "pdftoppm")
	dir := t.TempDir()
	ev := sample.Yanfeng()
	cases := []struct {
		name, format string
		table        bool
		want         []string // text that must survive the conversion
	}{
		{"table-xlsx", "xlsx", true, []string{"雁峰区司法局部门整体支出绩效自评表", "年度资金总额", "61.23%", "96.12"}},
		{"table-docx", "docx", true, []string{"偏差原因分析及改进措施", "群众满意度", "96.12"}},
		{"report-docx", "docx", false, []string{"一、部门基本情况", "占本年支出42.49%", "七、下一步改进措施"}},
		{"report-pdf", "pdf", false, []string{"一、部门基本情况", "占本年支出42.49%"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			if c.table {
				err = render.Table(&buf, c.format, ev, render.Options{})
			} else {
				err = render.Report(&buf, c.format, ev, render.Options{})
			}
			if err != nil {
				t.Fatal(err)
			}
			pdf := asPDF(t, buf.Bytes(), dir, c.name, c.format)
			text := pdftext(t, pdf)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("converted text lacks %q", w)
				}
			}
			pngs := pages(t, pdf, filepath.Join(dir, c.name+"-page"))
			if c.name == "table-xlsx" || c.name == "table-docx" {
				if len(pngs) != 1 {
					t.Errorf("the 自评表 takes %d pages, want 1", len(pngs))
				}
			}
			// the Office pictures come from docs/img/make.sh; this writes the PDF renderer's
			if *docImages && c.format == "pdf" {
				first := pngs[0]
				if c.name == "report-docx" || c.name == "report-pdf" {
					// the page with the charts shows more than the first
					if len(pngs) >= 5 {
						first = pngs[len(pngs)/2]
					}
				}
				data, err := os.ReadFile(first)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join("..", "docs", "img", c.name+".png"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
