package xlsx_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/internal/golden"
	"jixiao/internal/sample"
	"jixiao/render/report"
	"jixiao/render/xlsx"
	"jixiao/rules"
	"jixiao/score"
)

var evaluations = []struct {
	name string
	ev   func() *jixiao.Evaluation
}{{"yanfeng", sample.Yanfeng}, {"project", sample.Project}}

// dump reopens a workbook and lists merges, then every non-empty cell with
// its value as stored, formula and number format.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	merges, err := f.GetMergeCells(xlsx.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(ms)
	fmt.Fprintf(&b, "merges %s\n", strings.Join(ms, " "))
	rows, err := f.GetRows(xlsx.Sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			formula, _ := f.GetCellFormula(xlsx.Sheet, ref)
			if v == "" && formula == "" {
				continue
			}
			style, _ := f.GetCellStyle(xlsx.Sheet, ref)
			st, _ := f.GetStyle(style)
			fmt.Fprintf(&b, "%s %q", ref, v)
			if st != nil && st.NumFmt != 0 {
				fmt.Fprintf(&b, " fmt=%d", st.NumFmt)
			}
			if formula != "" {
				fmt.Fprintf(&b, " =%s", formula)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func write(t *testing.T, ev *jixiao.Evaluation) []byte {
	t.Helper()
	rs := rules.MustLoad("national-2020")
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, report.Table(ev, score.Score(ev, rs), rs)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteGolden(t *testing.T) {
	for _, tt := range evaluations {
		t.Run(tt.name, func(t *testing.T) {
			golden.Check(t, tt.name+".golden", dump(t, write(t, tt.ev())))
		})
	}
}

// TestFormulasRecompute: the formulas excelize computes agree with the
// cached values we wrote, and change when an input changes.
func TestFormulasRecompute(t *testing.T) {
	data := write(t, sample.Project())
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	refs := map[string]string{}
	rows, _ := f.GetRows(xlsx.Sheet)
	for i, row := range rows {
		for j := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fm, _ := f.GetCellFormula(xlsx.Sheet, ref); fm != "" {
				refs[ref] = fm
			}
		}
	}
	if len(refs) < 4 {
		t.Fatalf("formulas %v, want rate, score, weight sum and total", refs)
	}
	for ref := range refs {
		cached, _ := f.GetCellValue(xlsx.Sheet, ref, excelize.Options{RawCellValue: true})
		calc, err := f.CalcCellValue(xlsx.Sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		if !sameNumber(cached, calc) {
			t.Errorf("%s =%s: cached %q, computes %q", ref, refs[ref], cached, calc)
		}
	}
}

func sameNumber(a, b string) bool {
	var x, y float64
	if _, err := fmt.Sscan(a, &x); err != nil {
		return false
	}
	if _, err := fmt.Sscan(b, &y); err != nil {
		return false
	}
	d := x - y
	return d < 1e-9 && d > -1e-9
}
