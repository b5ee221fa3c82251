package summary

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/gen"
	"jixiao/pipeline"
	"jixiao/present"
)

// TestSummaryReadsBack: the workbook holds, sheet by sheet and cell by
// cell, each document's outcome and each finding as the JSON output states
// them, under a frozen header with filter buttons over every row.
func TestSummaryReadsBack(t *testing.T) {
	docs := checkedDocs(t)
	s, err := New()
	must(t, err)
	for _, d := range docs {
		must(t, s.Add(d))
	}
	var out bytes.Buffer
	must(t, s.Write(&out))

	parts := zipParts(t, out.Bytes())
	for part, ref := range map[string]string{
		"xl/worksheets/sheet1.xml": fmt.Sprintf("$A$1:$N$%d", len(docs)+1),
		"xl/worksheets/sheet2.xml": fmt.Sprintf("$A$1:$I$%d", findingCount(docs)+1),
	} {
		if filter := `<autoFilter ref="` + ref + `"`; !strings.Contains(parts[part], filter) {
			t.Errorf("%s has no %s: a spreadsheet would show no filter buttons", part, filter)
		}
		if !strings.Contains(parts[part], `state="frozen"`) {
			t.Errorf("%s: the header is not frozen", part)
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	must(t, err)
	defer f.Close()
	docRows, err := f.GetRows("文档")
	must(t, err)
	fndRows, err := f.GetRows("问题")
	must(t, err)
	if len(docRows) != len(docs)+1 || len(fndRows) != findingCount(docs)+1 {
		t.Fatalf("文档 %d rows, 问题 %d rows; want headers and %d, %d", len(docRows), len(fndRows), len(docs), findingCount(docs))
	}
	if strings.Join(docRows[0], "|") != strings.Join(docHeader, "|") || strings.Join(fndRows[0], "|") != strings.Join(fndHeader, "|") {
		t.Errorf("headers %q / %q", docRows[0], fndRows[0])
	}
	fi := 1
	for i, d := range docs {
		j := present.NewCheckJSON(d)
		row := append(docRows[i+1], make([]string, len(docHeader))...)
		want := map[int]string{0: j.Path, 1: j.Unit, 4: j.Rules, 9: fmt.Sprint(j.Counts.Error), 10: fmt.Sprint(j.Counts.Warning), 11: fmt.Sprint(j.Counts.Info), 13: j.Error}
		if j.Score != nil {
			want[6], want[7] = strings.TrimRight(strings.TrimRight(j.Score.ComputedTotal, "0"), "."), j.Score.Grade
		}
		for col, v := range want {
			if row[col] != v {
				t.Errorf("文档 row %d column %s = %q, want %q", i+2, docHeader[col], row[col], v)
			}
		}
		for _, fd := range j.Findings {
			got := append(fndRows[fi], make([]string, len(fndHeader))...)
			fi++
			if got[0] != j.Path || got[2] != fd.Code || got[4] != fd.Message || got[5] != fd.Stated || got[6] != fd.Expected || got[8] != fd.Evidence {
				t.Errorf("问题 row %d = %q, want %s %s %q", fi, got[:9], j.Path, fd.Code, fd.Message)
			}
		}
	}
	if errs := docRows[len(docs)-1][13]; errs == "" {
		t.Error("the unreadable file has no reason in its row")
	}
}

// TestSummaryCloseTwice: a run that stops before Write closes the summary,
// and a deferred Close after Write is harmless.
func TestSummaryCloseTwice(t *testing.T) {
	for _, write := range []bool{false, true} {
		s, err := New()
		must(t, err)
		d := syntheticDoc(1, 2)
		must(t, s.Add(&d))
		if write {
			must(t, s.Write(io.Discard))
		} else {
			must(t, s.Close())
		}
		if err := s.Close(); err != nil {
			t.Errorf("write=%v: second Close: %v", write, err)
		}
		if err := s.Write(io.Discard); err == nil {
			t.Errorf("write=%v: Write after Close succeeded", write)
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

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
