package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao/present"
)

// The PDF tests run the built binary as a user on a bare machine would:
// no font directory (JIXIAO_FONT_DIRS empty, HOME empty) and no poppler or
// LibreOffice on PATH. PDF output then uses the embedded font, and PDF
// input the pure-Go reader.

// buildBinary returns the binary TestMain built (CGO_ENABLED=0, as shipped).
func buildBinary(t *testing.T) string {
	t.Helper()
	return binPath
}

// bare returns an environment with nothing installed: PATH, the font
// directories and HOME are empty directories.
func bare(t *testing.T) []string {
	empty := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "PATH", "HOME", "JIXIAO_FONT", "JIXIAO_FONT_DIRS":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PATH="+empty, "HOME="+empty, "JIXIAO_FONT_DIRS="+empty)
}

func runBinEnv(t *testing.T, bin string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// findings checks path with the binary and returns its findings as
// "CODE stated" lines, sorted, and the computed total.
func findings(t *testing.T, bin string, env []string, path string) ([]string, string) {
	t.Helper()
	out, errOut, code := runBinEnv(t, bin, env, "check", "--quiet", "--format", "json", path)
	if code != exitOK && code != exitFindings {
		t.Fatalf("check %s: exit %d\n%s", filepath.Base(path), code, errOut)
	}
	var docs []present.CheckJSON
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("check %s: %v\n%s", filepath.Base(path), err, out)
	}
	var fs []string
	for _, f := range docs[0].Findings {
		fs = append(fs, f.Code+" "+f.Stated)
	}
	slices.Sort(fs)
	return fs, docs[0].Score.ComputedTotal
}

// tableOnly keeps the findings on the table (T- codes).
func tableOnly(fs []string) []string {
	return slices.DeleteFunc(slices.Clone(fs), func(s string) bool { return !strings.HasPrefix(s, "T-") })
}

func sameFindings(t *testing.T, what string, want, got []string) {
	t.Helper()
	if !slices.Equal(want, got) {
		t.Errorf("%s: findings differ\nwant %q\ngot  %q", what, want, got)
	}
}

// TestPDFOnBareMachine: render --to pdf needs no font package, and check
// reads jixiao's own PDFs without poppler, with the same findings as the
// same documents rendered as .docx.
func TestPDFOnBareMachine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	env := bare(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	for _, r := range []struct{ what, name string }{
		{"report", "report.pdf"}, {"table", "table.pdf"}, {"report", "report.docx"}, {"table", "table.docx"},
	} {
		format := strings.TrimPrefix(filepath.Ext(r.name), ".")
		if _, e, code := runBinEnv(t, bin, env, "render", "--to", format, "--what", r.what, "-o", out(r.name), sample); code != 0 {
			t.Fatalf("render --to %s --what %s on a bare machine: exit %d\n%s", format, r.what, code, e)
		}
	}
	for _, name := range []string{"report", "table"} {
		want, wantTotal := findings(t, bin, env, out(name+".docx"))
		got, total := findings(t, bin, env, out(name+".pdf"))
		if total != "96.12" || wantTotal != "96.12" {
			t.Errorf("%s: computed total %s (pdf), %s (docx), want 96.12", name, total, wantTotal)
		}
		sameFindings(t, name+".pdf vs "+name+".docx", want, got)
	}
}

// TestLibreOfficePDFs: PDFs made by LibreOffice from the sample's .docx
// and .xlsx and from jixiao's own .docx report are read without poppler
// with the findings of the files they were made from. The .xlsx holds the
// report in cells that its PDF clips, so only the table's findings are
// compared for it.
func TestLibreOfficePDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("soffice is required in CI: %v", err)
		}
		t.Skip("soffice not installed")
	}
	bin := buildBinary(t)
	env := bare(t)
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("../../testdata/samples/yanfeng-sfj-2024.docx", "sample-docx.docx")
	copyFile("../../testdata/samples/yanfeng-sfj-2024.xlsx", "sample-xlsx.xlsx")
	if _, e, code := runBinEnv(t, bin, env, "render", "--to", "docx", "-o", filepath.Join(dir, "report.docx"), sample); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, e)
	}
	profile := "file://" + filepath.Join(t.TempDir(), "lo")
	for _, f := range []string{"sample-docx.docx", "sample-xlsx.xlsx", "report.docx"} {
		cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, f))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %s: %v\n%s", f, err, out)
		}
	}
	txt, _ := findings(t, bin, env, "../../testdata/samples/yanfeng-sfj-2024.txt")
	for _, c := range []struct {
		source    string
		tableOnly bool
	}{
		{"sample-docx.docx", false}, {"sample-xlsx.xlsx", true}, {"report.docx", false},
	} {
		pdfPath := filepath.Join(dir, strings.TrimSuffix(c.source, filepath.Ext(c.source))+".pdf")
		want, _ := findings(t, bin, env, filepath.Join(dir, c.source))
		got, total := findings(t, bin, env, pdfPath)
		if total != "96.12" {
			t.Errorf("%s: computed total %s, want 96.12", filepath.Base(pdfPath), total)
		}
		if c.tableOnly {
			want, got = tableOnly(want), tableOnly(got)
		}
		sameFindings(t, fmt.Sprintf("%s vs %s", filepath.Base(pdfPath), c.source), want, got)
		if c.source == "sample-docx.docx" {
			sameFindings(t, "sample-docx.pdf vs the sample's .txt", txt, got)
		}
	}
}

// TestChromiumPDFs: PDFs printed by Chromium (Skia: CID fonts, and Type 3
// fonts for synthetic bold) from jixiao's HTML table and report are read
// without poppler with the findings of the HTML.
func TestChromiumPDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs Chromium")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required in CI: %v", err)
		}
		t.Skip("chromium not installed")
	}
	bin := buildBinary(t)
	env := bare(t)
	dir := t.TempDir()
	for _, what := range []string{"table", "report"} {
		html := filepath.Join(dir, what+".html")
		if _, e, code := runBinEnv(t, bin, env, "render", "--to", "html", "--what", what, "-o", html, sample); code != 0 {
			t.Fatalf("render: exit %d\n%s", code, e)
		}
		pdf := filepath.Join(dir, what+".pdf")
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(), "--no-pdf-header-footer",
			"--print-to-pdf="+pdf, "file://"+html)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("chromium: %v\n%s", err, out)
		}
		want, _ := findings(t, bin, env, html)
		got, total := findings(t, bin, env, pdf)
		if total != "96.12" {
			t.Errorf("%s.pdf: computed total %s, want 96.12", what, total)
		}
		sameFindings(t, what+".pdf (Chromium) vs "+what+".html", want, got)
	}
}
