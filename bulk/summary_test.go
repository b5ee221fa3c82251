package bulk

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/gen"
	"jixiao/pipeline"
	"jixiao/present"
)

// TestSpillMatchesStreamWriter: the rows the summary spills are the XML
// excelize's StreamWriter writes for the same values, including its text
// escapes, its cut at 32,767 UTF-16 units and its 15-digit numbers.
func TestSpillMatchesStreamWriter(t *testing.T) {
	rows := [][]any{
		{"", "plain", "雁峰区司法局", " leading", "trailing ", "\tTab", "line\nbreak", "crlf\r\n", "\r"},
		{`a&b<c>"d'e`, "\x01control\x1f", "\uFFFE", "bad \xff utf-8", "surrogate 𠀀 pair"},
		{"_x000D_", "_x005F_", "_x005F_x000D_", "_x005F_xD800_", "_x005F_x00", "_xD800_", "_xdfff_", "_x12g4_", "a_x0041_b_X0042_c_x0043_"},
		{strings.Repeat("字", maxCellChars+10), strings.Repeat("𠀀", maxCellChars/2+3), strings.Repeat("a", maxCellChars) + " "},
		{0, -5, 1 << 40, math.MinInt64, 2024},
		{0.1 + 0.2, 96.12, 100.0, -0.5, 1e21, 1e-7, 123456789012345678.0, 1.0 / 3, 0.0, math.Copysign(0, -1)},
		{math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64},
	}
	// and text made of the pieces those escapes look for, in random order
	pieces := []string{"_x", "_", "x", "005F", "000D", "0041", "D800", "_x005F_", "G", " ", "\n", "\t", "&", "<", "字", "𠀀", "\x00", "\xe4"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		row := make([]any, 10)
		for i := range row {
			var b strings.Builder
			for range rng.IntN(12) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			row[i] = b.String()
		}
		rows = append(rows, row)
	}

	want := sheetData(t, streamWorkbook(t, rows), "xl/worksheets/sheet1.xml")
	sp, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	var got bytes.Buffer
	for _, r := range rows {
		if err := sp.add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sp.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got.String()); diff != "" {
		t.Errorf("spilled rows differ from excelize's StreamWriter (-excelize +spill):\n%s", diff)
	}
}

func TestSpillRejectsUnknownValue(t *testing.T) {
	sp, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	if err := sp.add([]any{"a", true}); err == nil {
		t.Error("a bool cell was accepted; the encoder writes only string, int and float64")
	}
}

// TestSummaryMatchesStreamWriter: the workbook Summary writes has, part for
// part, the content of the one excelize writes when every row goes through
// its StreamWriter, and excelize reads it back.
func TestSummaryMatchesStreamWriter(t *testing.T) {
	docs := checkedDocs(t)
	s, err := NewSummary()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := s.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	var got bytes.Buffer
	if err := s.Write(&got); err != nil {
		t.Fatal(err)
	}
	want := referenceSummary(t, docs)
	if diff := cmp.Diff(zipParts(t, want), zipParts(t, got.Bytes())); diff != "" {
		t.Errorf("workbook differs from excelize's StreamWriter (-excelize +summary):\n%s", diff)
	}

	parts := zipParts(t, got.Bytes())
	for part, ref := range map[string]string{
		"xl/worksheets/sheet1.xml": fmt.Sprintf("$A$1:$N$%d", len(docs)+1),
		"xl/worksheets/sheet2.xml": fmt.Sprintf("$A$1:$I$%d", findingCount(docs)+1),
	} {
		if filter := `<autoFilter ref="` + ref + `">`; !strings.Contains(parts[part], filter) {
			t.Errorf("%s has no %s: a spreadsheet would show no filter buttons", part, filter)
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(got.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, n := range map[string]int{"文档": len(docs), "问题": findingCount(docs)} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Errorf("%s: %d rows, want a header and %d", sheet, len(rows), n)
		}
		if len(rows) > 1 && rows[1][0] != docs[0].Name {
			t.Errorf("%s!A2 = %q, want %q", sheet, rows[1][0], docs[0].Name)
		}
	}
}

// TestSummaryMemoryFlat: adding rows does not keep them in memory, and
// writing the workbook does not build it in memory. 20,000 documents with
// 5 findings each would take tens of MiB if the summary kept them (as
// excelize's StreamWriter kept up to 32 MiB per sheet and then the whole
// .xlsx); the bounds leave room for bufio, flate and GC noise only.
func TestSummaryMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 120,000 rows")
	}
	const docs, perDoc = 20000, 5
	const addBound, writeBound = 4 << 20, 4 << 20
	s, err := NewSummary()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := heapInuse()
	var d pipeline.Result
	for i := range docs {
		d = syntheticDoc(i, perDoc)
		if err := s.Add(&d); err != nil {
			t.Fatal(err)
		}
	}
	spilled := fileSize(t, s.docs) + fileSize(t, s.fnds)
	grown := int64(heapInuse()) - int64(before)
	if grown > addBound {
		t.Errorf("heap in use grew by %d KiB over %d documents (%d KiB of rows spilled), want at most %d KiB",
			grown>>10, docs, spilled>>10, addBound>>10)
	}

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	allocBefore := ms.TotalAlloc
	var out countingWriter
	if err := s.Write(&out); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms)
	alloc := ms.TotalAlloc - allocBefore
	t.Logf("%d documents: heap in use grew by %d KiB with %d KiB of rows spilled; Write allocated %d KiB for a %d KiB workbook",
		docs, grown>>10, spilled>>10, alloc>>10, out.n>>10)
	if alloc > writeBound {
		t.Errorf("Write allocated %d KiB for a %d KiB workbook, want at most %d KiB", alloc>>10, out.n>>10, writeBound>>10)
	}
	if out.n <= writeBound {
		t.Fatalf("the workbook is %d KiB, too small to tell streaming from buffering under %d KiB", out.n>>10, writeBound>>10)
	}
}

// TestSummaryCloseRemovesFiles: a run that stops before Write leaves no
// temporary files behind, and Write leaves none either.
func TestSummaryCloseRemovesFiles(t *testing.T) {
	for _, write := range []bool{false, true} {
		s, err := NewSummary()
		if err != nil {
			t.Fatal(err)
		}
		names := []string{s.docs.f.Name(), s.fnds.f.Name()}
		d := syntheticDoc(1, 2)
		if err := s.Add(&d); err != nil {
			t.Fatal(err)
		}
		if write {
			err = s.Write(io.Discard)
		} else {
			err = s.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		for _, n := range names {
			if _, err := os.Stat(n); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("write=%v: %s still there (%v)", write, n, err)
			}
		}
	}
}

// checkedDocs are real pipeline results (generated tables with injected
// errors, in two formats so that findings carry source positions), an
// unreadable file, and a document whose text needs escaping.
func checkedDocs(t *testing.T) []*pipeline.Result {
	t.Helper()
	dir := t.TempDir()
	var docs []*pipeline.Result
	for i := range 12 {
		c, err := gen.Generate(3, i, gen.Options{ErrorRate: 0.6})
		if err != nil {
			t.Fatal(err)
		}
		if err := gen.Write(dir, c, gen.WriteOptions{Formats: []string{"yaml", "txt"}}); err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{"yaml", "txt"} {
			docs = append(docs, pipeline.Run(filepath.Join(dir, c.Name+"."+ext), pipeline.Options{Rules: c.Truth.Rules, Audit: true}))
		}
	}
	bad := filepath.Join(dir, "broken.docx")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs = append(docs, pipeline.Run(bad, pipeline.Options{Audit: true}))
	odd := syntheticDoc(7, 3)
	odd.Name = " _x000D_ <&> \"报告\"\n.txt "
	docs = append(docs, &odd)
	return docs
}

// syntheticDoc is a document with n findings, without reading a file.
func syntheticDoc(i, n int) pipeline.Result {
	d := pipeline.Result{
		Name: fmt.Sprintf("/data/自评表/%05d-某某县农业农村局部门整体支出绩效自评表.docx", i),
		Eval: &jixiao.Evaluation{Kind: jixiao.KindDepartment, Unit: fmt.Sprintf("某某县第%d局", i), Year: 2024},
	}
	for k := range n {
		d.Findings = append(d.Findings, jixiao.Finding{
			Code: "T-ROW-SCORE", Severity: jixiao.SevWarning,
			Message: fmt.Sprintf("指标“第%d项产出数量”得分 %d.%02d 超过分值", k, i%100, k),
			Stated:  fmt.Sprintf("%d.%d", i, k), Expected: fmt.Sprint(k * i),
			// a hash, so that the workbook does not compress to nothing
			Evidence: fmt.Sprintf("得分 = 分值 × 完成率 = %d × %d%%，%016x", k+1, i%101, (uint64(i)<<8|uint64(k))*0x9e3779b97f4a7c15),
			Location: jixiao.Location{Block: "indicators", Row: k + 1, Item: fmt.Sprintf("第%d项", k),
				Source: jixiao.Position{Table: 1, Row: k + 5, Cell: 7}},
		})
	}
	return d
}

// referenceSummary writes the workbook with every row through excelize's
// StreamWriter, as Summary did before it spilled rows (but with the filter
// set before Flush, where excelize puts it in the sheet).
func referenceSummary(t *testing.T, docs []*pipeline.Result) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "文档"))
	_, err := f.NewSheet("问题")
	must(t, err)
	var sws []*excelize.StreamWriter
	for _, x := range []struct {
		sheet  string
		header []string
		widths []float64
	}{{"文档", docHeader, docWidths}, {"问题", fndHeader, fndWidths}} {
		sw, err := f.NewStreamWriter(x.sheet)
		must(t, err)
		for i, w := range x.widths {
			must(t, sw.SetColWidth(i+1, i+1, w))
		}
		must(t, sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
		must(t, err)
		row := make([]any, len(x.header))
		for i, h := range x.header {
			row[i] = excelize.Cell{Value: h, StyleID: style}
		}
		must(t, sw.SetRow("A1", row))
		sws = append(sws, sw)
	}
	docRows, fndRows := 1, 1
	for _, d := range docs {
		j := present.NewCheckJSON(d)
		docRows++
		must(t, sws[0].SetRow(cellName(1, docRows), docRow(j)))
		for i := range j.Findings {
			fndRows++
			must(t, sws[1].SetRow(cellName(1, fndRows), findingRow(j, i)))
		}
	}
	for i, x := range []struct {
		sheet string
		cols  int
		rows  int
	}{{"文档", len(docHeader), docRows}, {"问题", len(fndHeader), fndRows}} {
		must(t, f.AutoFilter(x.sheet, "A1:"+cellName(x.cols, max(x.rows, 2)), nil))
		must(t, sws[i].Flush())
	}
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

// streamWorkbook writes rows from A2 on through excelize's StreamWriter.
func streamWorkbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	for i, r := range rows {
		must(t, sw.SetRow(cellName(1, i+2), r))
	}
	must(t, sw.Flush())
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

// sheetData is what a sheet holds between <sheetData> and </sheetData>.
func sheetData(t *testing.T, xlsx []byte, part string) string {
	t.Helper()
	x := zipParts(t, xlsx)[part]
	start, end := strings.Index(x, "<sheetData>"), strings.LastIndex(x, "</sheetData>")
	if start < 0 || end < start {
		t.Fatalf("%s has no sheetData", part)
	}
	return x[start+len("<sheetData>") : end]
}

// zipParts is a package's parts by name, uncompressed.
func zipParts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		rc.Close()
		must(t, err)
		parts[f.Name] = string(data)
	}
	return parts
}

func findingCount(docs []*pipeline.Result) int {
	n := 0
	for _, d := range docs {
		n += len(d.Findings)
	}
	return n
}

func heapInuse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func fileSize(t *testing.T, sp *spill) int64 {
	t.Helper()
	must(t, sp.w.Flush())
	st, err := sp.f.Stat()
	must(t, err)
	return st.Size()
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
