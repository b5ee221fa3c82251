package pdf

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"jixiao/importer/internal/dump"
	"jixiao/importer/internal/limit"
)

func TestZZDump(t *testing.T) {
	p := os.Getenv("DBGPDF")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	geo, rules, err := goPages(bytes.NewReader(b), int64(len(b)), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	var lt bytes.Buffer
	for i, ws := range geo {
		lt.WriteString(layoutText(ws, rules[i]))
		lt.WriteString("\f")
	}
	os.WriteFile("/tmp/pdf_dbg_layout.txt", lt.Bytes(), 0o644)
	var wb bytes.Buffer
	for i, ws := range geo {
		for _, w := range ws {
			wb.WriteString(fmtWord(i, w))
		}
	}
	os.WriteFile("/tmp/pdf_dbg_words.txt", wb.Bytes(), 0o644)
	d, err := readGo(bytes.NewReader(b), int64(len(b)), limit.Default().Fill())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/pdf_dbg_go.txt", []byte(dump.Document(d)), 0o644)
	if c := lookPdftotext(); c != "" {
		d, err := readLayout(c, p, limit.Default().Fill())
		if err == nil {
			os.WriteFile("/tmp/pdf_dbg_pop.txt", []byte(dump.Document(d)), 0o644)
		}
	}
}

func fmtWord(p int, w word) string {
	return fmt.Sprintf("p%d %7.2f %7.2f %7.2f %7.2f %s\n", p+1, w.x0, w.y0, w.x1, w.y1, w.text)
}

func TestZZRules(t *testing.T) {
	p := os.Getenv("DBGPDF")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	_, rules, _ := goPages(bytes.NewReader(b), int64(len(b)), limit.Default())
	nv := 0
	for _, r := range rules[0] {
		if r.vertical {
			nv++
			if r.x0 > 60 && r.x0 < 90 {
				t.Logf("v %+v", r)
			}
		}
	}
	t.Logf("rules p1: %d, vertical %d", len(rules[0]), nv)
}
