package render_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/internal/sample"
	"jixiao/notation"
	"jixiao/render"
	"jixiao/render/internal/cjkfont"
)

func TestAllFormats(t *testing.T) {
	needFont(t)
	for _, mk := range []func() *jixiao.Evaluation{sample.Yanfeng, sample.Project} {
		ev := mk()
		for _, f := range render.Formats {
			var buf bytes.Buffer
			if err := render.Table(&buf, f, ev, render.Options{}); err != nil {
				t.Errorf("table %s: %v", f, err)
			}
			if buf.Len() == 0 {
				t.Errorf("table %s: empty", f)
			}
			if f == "xlsx" {
				continue
			}
			buf.Reset()
			if err := render.Report(&buf, f, ev, render.Options{WithFindings: true}); err != nil {
				t.Errorf("report %s: %v", f, err)
			}
			if buf.Len() == 0 {
				t.Errorf("report %s: empty", f)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	ev := sample.Yanfeng()
	var buf bytes.Buffer
	var je *jixiao.Error
	err := render.Report(&buf, "xlsx", ev, render.Options{})
	if !errors.As(err, &je) || je.Code != jixiao.EInvalid || !strings.Contains(je.Message, "xlsx") {
		t.Errorf("report as xlsx: %v", err)
	}
	if err := render.Table(&buf, "odt", ev, render.Options{}); err == nil {
		t.Error("unknown format accepted")
	}
	err = render.Report(&buf, "pdf", ev, render.Options{FontPath: "/nonexistent/font.ttf"})
	if !errors.As(err, &je) || !strings.Contains(je.Message, "字体") {
		t.Errorf("missing font: %v", err)
	}
	ev.Rules = "no-such-rules"
	if err := render.Table(&buf, "md", ev, render.Options{}); err == nil {
		t.Error("unknown rule set accepted")
	}
}

// TestFindingsAppended: the audit's findings appear only when asked.
func TestFindingsAppended(t *testing.T) {
	ev := sample.Yanfeng()
	fs := []jixiao.Finding{{Code: "T-SUM-SPLIT", Severity: jixiao.SevWarning, Message: "按支出性质分合计与年度资金总额不符", Stated: "674.84", Expected: "674.85"}}
	for _, with := range []bool{false, true} {
		var buf bytes.Buffer
		if err := render.Report(&buf, "md", ev, render.Options{Findings: fs, WithFindings: with}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(buf.String(), "T-SUM-SPLIT"); got != with {
			t.Errorf("WithFindings=%v: finding shown = %v", with, got)
		}
	}
}

// BenchmarkRender renders one evaluation's table and report to .docx,
// .xlsx and .pdf (table only in xlsx).
func BenchmarkRender(b *testing.B) {
	if _, err := cjkfont.Find(""); err != nil {
		b.Skip(err)
	}
	ev := sample.Yanfeng()
	var buf bytes.Buffer
	for b.Loop() {
		for _, f := range []string{"docx", "xlsx", "pdf"} {
			buf.Reset()
			if err := render.Table(&buf, f, ev, render.Options{}); err != nil {
				b.Fatal(err)
			}
			if f == "xlsx" {
				continue
			}
			buf.Reset()
			if err := render.Report(&buf, f, ev, render.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReportDocx is the figure bench/render-vs-soffice.sh compares
// with LibreOffice converting the same .docx to PDF.
func BenchmarkReportDocx(b *testing.B) {
	ev := sample.Yanfeng()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := render.Report(&buf, "docx", ev, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportPDF renders the report straight to PDF.
func BenchmarkReportPDF(b *testing.B) {
	if _, err := cjkfont.Find(""); err != nil {
		b.Skip(err)
	}
	ev := sample.Yanfeng()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := render.Report(&buf, "pdf", ev, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteSamples writes every output for both test evaluations into
// $JIXIAO_RENDER_OUT (bench/render-vs-soffice.sh uses it; handy to look at
// the outputs by hand).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("JIXIAO_RENDER_OUT")
	if dir == "" {
		t.Skip("set JIXIAO_RENDER_OUT=DIR to write the sample outputs")
	}
	for name, mk := range map[string]func() *jixiao.Evaluation{"yanfeng": sample.Yanfeng, "project": sample.Project} {
		for _, f := range render.Formats {
			for _, kind := range []string{"table", "report"} {
				if kind == "report" && f == "xlsx" {
					continue
				}
				var buf bytes.Buffer
				fn := render.Table
				if kind == "report" {
					fn = render.Report
				}
				if err := fn(&buf, f, mk(), render.Options{}); err != nil {
					t.Fatalf("%s %s %s: %v", name, kind, f, err)
				}
				if err := os.WriteFile(filepath.Join(dir, name+"-"+kind+"."+f), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestSparseEvaluations: empty and odd evaluations render in every format
// without panicking.
func TestSparseEvaluations(t *testing.T) {
	needFont(t)
	odd := sample.Project()
	odd.Indicators[0].Weight = notation.ParseFigure("/")
	odd.Budget.FullYear = notation.ParseFigure("0")
	odd.Budget.Splits = append(odd.Budget.Splits, jixiao.BudgetSplit{Name: "空"})
	odd.Report = &jixiao.Report{Spending: jixiao.Spending{ByNature: []jixiao.Nature{{Name: "基本支出", Initial: notation.ParseFigure("0"), Final: notation.ParseFigure("1")}}}}
	for name, ev := range map[string]*jixiao.Evaluation{"empty": {}, "kind only": {Kind: jixiao.KindProject}, "odd": odd} {
		for _, f := range render.Formats {
			var buf bytes.Buffer
			if err := render.Table(&buf, f, ev, render.Options{}); err != nil {
				t.Errorf("%s table %s: %v", name, f, err)
			}
			if f != "xlsx" {
				if err := render.Report(&buf, f, ev, render.Options{WithFindings: true}); err != nil {
					t.Errorf("%s report %s: %v", name, f, err)
				}
			}
		}
	}
}

// needFont skips a test that needs a CJK font when none is installed, and
// fails it when CI=true.
func needFont(t *testing.T) {
	t.Helper()
	if _, err := cjkfont.Find(""); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}
