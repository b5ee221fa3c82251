package pdf

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"jixiao/importer/internal/limit"
)

// TestOwnTablePureGo reads a 自评表 rendered by jixiao (testdata, made by
// `jixiao render --to pdf --what table` on testdata/yanfeng-sfj-2024.yaml)
// with the pure-Go reader: wrapped labels come back whole (满意度指标 is
// drawn over two lines, 部门预算资金（万元） over four) and every row keeps
// its figures in order.
func TestOwnTablePureGo(t *testing.T) {
	data, err := os.ReadFile("testdata/jixiao-table.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d, err := readGo(bytes.NewReader(data), int64(len(data)), limit.Default())
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, b := range d.Blocks {
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				var cells []string
				for _, c := range r.Texts() {
					if c != "" {
						cells = append(cells, c)
					}
				}
				rows = append(rows, cells)
			}
		}
	}
	want := [][]string{
		{"年度资金总额", "495.66", "674.85", "10", "61.23%", "6.12"},
		{"政府性基金拨款", "0.00", "—", "—"},
		{"纳入专户管理的非税收入拨款", "0.00", "—", "—"},
		{"满意度指标", "群众满意度", "100%", "100%", "20", "20.00"},
		{"总分", "100", "96.12"},
	}
	for _, w := range want {
		found := false
		for _, r := range rows {
			if len(r) >= len(w) && slices.Equal(r[len(r)-len(w):], w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no row ends with %q; rows:\n%q", w, rows)
		}
	}
	labels := map[string]bool{}
	for _, r := range rows {
		for _, c := range r {
			labels[c] = true
		}
	}
	for _, l := range []string{"部门预算资金（万元）", "年度总体目标", "绩效指标"} {
		if !labels[l] {
			t.Errorf("label %q not read whole", l)
		}
	}
}

// TestInstallHint: without pdftotext, a file neither reader can
// read says which package adds the second one.
func TestInstallHint(t *testing.T) {
	saved := Pdftotext
	Pdftotext = ""
	defer func() { Pdftotext = saved }()
	data := []byte("%PDF-1.4\nnot a pdf at all")
	_, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("poppler-utils")) {
		t.Errorf("err = %v, want it to name poppler-utils", err)
	}
}

// BenchmarkReadOwnTable reads jixiao's table PDF with the pure-Go reader;
// BenchmarkReadOwnTablePdftotext with poppler, for comparison.
func BenchmarkReadOwnTable(b *testing.B) {
	data, err := os.ReadFile("testdata/jixiao-table.pdf")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := readGo(bytes.NewReader(data), int64(len(data)), limit.Default()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadOwnTablePdftotext(b *testing.B) {
	cmd := lookPdftotext()
	if cmd == "" {
		b.Skip("pdftotext not installed")
	}
	for b.Loop() {
		if _, err := readLayout(cmd, "testdata/jixiao-table.pdf", limit.Default().Fill()); err != nil {
			b.Fatal(err)
		}
	}
}
