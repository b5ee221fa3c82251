package render_test

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao"
	"jixiao/gen"
	"jixiao/internal/sample"
	"jixiao/pipeline"
	"jixiao/render"
)

// TestLayoutPages renders the 自评表 of the sample and of a generated 项目
// evaluation with 30-odd indicators through LibreOffice and reads the
// pages back with pdftotext -bbox: the sample's table takes the pages the
// official template does, a long indicator block repeats its heading row
// on every page it runs on to, no word is drawn outside its page, and
// every cell's text is printed whole inside its cell's rules (checkCells);
// jixiao's own PDF is held to the same.
func TestLayoutPages(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions are slow")
	}
	tool(t, "soffice")
	tool(t, "pdftotext")
	long := longProject(t)
	yaml, _, _, err := pipeline.Load("../testdata/yanfeng-sfj-2024.yaml", pipeline.Options{}.Limits)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		ev       *jixiao.Evaluation
		format   string
		maxPages int
	}{
		{"sample-xlsx", sample.Yanfeng(), "xlsx", 1},
		{"sample-docx", sample.Yanfeng(), "docx", 1},
		{"sample-pdf", sample.Yanfeng(), "pdf", 1},
		// the YAML states the unit's long 预期目标: the indicators go on to
		// a second page, whole, under their heading
		{"yaml-xlsx", yaml, "xlsx", 2},
		{"yaml-docx", yaml, "docx", 2},
		{"yaml-pdf", yaml, "pdf", 1},
		// four: the 偏差原因 column gave 5 mm to 一级 (满意度指标 on a
		// line), and the spreadsheet's row estimate errs tall
		{"long-xlsx", long, "xlsx", 4},
		{"long-docx", long, "docx", 4},
		{"long-pdf", long, "pdf", 3},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Table(&buf, c.format, c.ev, render.Options{}); err != nil {
				t.Fatal(err)
			}
			pdf := asPDF(t, buf.Bytes(), dir, c.name, c.format)
			pages := bboxPages(t, pdf)
			checkCells(t, tableGrid(t, c.ev), pages, pageRules(t, pdf, filepath.Join(dir, c.name+"-rules")))
			t.Logf("%s: %d page(s)", c.name, len(pages))
			if len(pages) > c.maxPages {
				t.Errorf("%d pages, want at most %d", len(pages), c.maxPages)
			}
			if c.ev == long && len(pages) < 2 {
				t.Errorf("the long table fits %d page: the test of repeated headings tests nothing", len(pages))
			}
			heading := -1 // first page with the indicator heading
			for i, p := range pages {
				for _, w := range p.Words {
					if w.XMin < 0 || w.YMin < 0 || w.XMax > p.Width || w.YMax > p.Height {
						t.Errorf("page %d: %q drawn outside the page (%.0f,%.0f)-(%.0f,%.0f) of %.0f×%.0f", i+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax, p.Width, p.Height)
					}
				}
				has := strings.Contains(p.text(), "三级指标")
				if has && heading < 0 {
					heading = i
				}
				if heading >= 0 && !has {
					t.Errorf("page %d continues the indicators without their heading row", i+1)
				}
			}
			if heading < 0 {
				t.Error("no page has the indicator heading")
			}
			// a label broken over lines comes out interleaved with its
			// neighbours: each must still read in order, none cut off
			all := pages.all()
			for _, label := range []string{"偏差原因分析及改进措施", "预算资金（万元）", "年度总体目标", "一级指标", "实际完成值"} {
				if !subsequence(all, label) {
					t.Errorf("label %q clipped or missing", label)
				}
			}
		})
	}
}

// longProject is a generated 项目 evaluation with more indicators than one
// page holds.
func longProject(t *testing.T) *jixiao.Evaluation {
	t.Helper()
	for i := 0; i < 200; i++ {
		c, err := gen.Generate(3, i, gen.Options{Kind: jixiao.KindProject})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Eval.Indicators) >= 28 {
			c.Eval.Rules = c.Rules.Name
			return c.Eval
		}
	}
	t.Fatal("no generated 项目 evaluation with 28 indicators")
	return nil
}

type bboxWord struct {
	XMin, YMin, XMax, YMax float64
	Text                   string
}

type bboxPage struct {
	Width, Height float64
	Words         []bboxWord
}

func (p bboxPage) text() string {
	var b strings.Builder
	for _, w := range p.Words {
		b.WriteString(w.Text)
	}
	return b.String()
}

type bboxDoc []bboxPage

func (d bboxDoc) all() string {
	var b strings.Builder
	for _, p := range d {
		b.WriteString(p.text())
	}
	return b.String()
}

// bboxPages reads every word's box from pdftotext -bbox.
func bboxPages(t *testing.T, pdf string) bboxDoc {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-bbox", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var doc bboxDoc
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	f := func(e xml.StartElement, name string) float64 {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				v, _ := strconv.ParseFloat(a.Value, 64)
				return v
			}
		}
		return 0
	}
	var cur *bboxWord
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "page":
				doc = append(doc, bboxPage{Width: f(e, "width"), Height: f(e, "height")})
			case "word":
				cur = &bboxWord{XMin: f(e, "xMin"), YMin: f(e, "yMin"), XMax: f(e, "xMax"), YMax: f(e, "yMax")}
			}
		case xml.CharData:
			if cur != nil {
				cur.Text += string(e)
			}
		case xml.EndElement:
			if e.Name.Local == "word" && cur != nil && len(doc) > 0 {
				doc[len(doc)-1].Words = append(doc[len(doc)-1].Words, *cur)
				cur = nil
			}
		}
	}
	if len(doc) == 0 {
		t.Fatalf("pdftotext found no page in %s", pdf)
	}
	return doc
}

// subsequence reports whether the runes of sub appear in s in order.
func subsequence(s, sub string) bool {
	r := []rune(sub)
	i := 0
	for _, c := range s {
		if i < len(r) && c == r[i] {
			i++
		}
	}
	return i == len(r)
}
