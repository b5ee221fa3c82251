package xlsx

import (
	"bytes"
	"errors"
	"jixiao/internal/golden"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"jixiao/importer/internal/dump"
	"jixiao/importer/internal/limit"
)

// buildXlsx makes a small 自评表 with merges, a formula without a cached
// value, number formats and trailing styled but empty cells.
func buildXlsx(tb testing.TB, opts ...excelize.Options) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "自评表"))
	s := "自评表"
	must(f.SetCellValue(s, "A1", "项目支出绩效自评表"))
	must(f.MergeCell(s, "A1", "D1"))
	must(f.SetCellValue(s, "A2", "项目资金（万元）"))
	must(f.MergeCell(s, "A2", "A4"))
	must(f.SetCellValue(s, "B2", "年初预算数"))
	must(f.SetCellValue(s, "C2", "全年执行数"))
	must(f.SetCellValue(s, "D2", "执行率"))
	must(f.SetCellValue(s, "B3", 1234.5))
	must(f.SetCellValue(s, "C3", 1200))
	must(f.SetCellFormula(s, "D3", "C3/B3"))
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	must(err)
	must(f.SetCellStyle(s, "D3", "D3", pct))
	must(f.SetCellValue(s, "B4", 10))
	must(f.SetCellValue(s, "C4", 20))
	must(f.SetCellFormula(s, "D4", "SUM(B4:C4)"))
	must(f.SetCellStyle(s, "H20", "H20", pct)) // styled but empty: trimmed
	_, err = f.NewSheet("说明")
	must(err)
	must(f.SetCellValue("说明", "A1", "填报说明"))
	must(f.SetCellValue("说明", "B3", true))
	_, err = f.NewSheet("空表")
	must(err)
	var buf bytes.Buffer
	must(f.Write(&buf, opts...))
	return buf.Bytes()
}

func TestReadGolden(t *testing.T) {
	data := buildXlsx(t)
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := dump.Document(d)
	golden.Check(t, "basic.golden", got)
	tbl := d.Blocks[1].Table
	if c := tbl.Rows[0].Cells[0]; c.ColSpan != 4 || c.RowSpan != 1 || len(tbl.Rows[0].Cells) != 1 {
		t.Errorf("A1:D1: got %+v in %d cells", c, len(tbl.Rows[0].Cells))
	}
	if c := tbl.Rows[1].Cells[0]; c.RowSpan != 3 {
		t.Errorf("A2:A4: got rowspan %d", c.RowSpan)
	}
	if got, want := tbl.Rows[2].Texts(), []string{"1234.5", "1200", "97.21%"}; !cmp.Equal(got, want) {
		t.Errorf("row 3: got %q, want %q", got, want)
	}
	if got, want := tbl.Rows[3].Texts(), []string{"10", "20", "30"}; !cmp.Equal(got, want) {
		t.Errorf("row 4: got %q, want %q", got, want)
	}
	if n := len(tbl.Rows); n != 4 {
		t.Errorf("rows: got %d, want 4 (trailing empty rows trimmed)", n)
	}
}

func TestReadErrors(t *testing.T) {
	plain := buildXlsx(t)
	tests := []struct {
		name  string
		data  []byte
		lim   limit.Limits
		want  error  // errors.Is target, or nil
		limit string // LimitError expected
	}{
		{"Encrypted", buildXlsx(t, excelize.Options{Password: "secret"}), limit.Limits{}, ErrEncrypted, ""},
		{"Legacy", append(append([]byte{}, oleMagic...), make([]byte, 1024)...), limit.Limits{}, ErrLegacy, ""},
		{"NotZip", []byte("just text"), limit.Limits{}, limit.ErrBadZip, ""},
		{"Truncated", plain[:len(plain)/2], limit.Limits{}, limit.ErrBadZip, ""},
		{"Cells", plain, limit.Limits{MaxCells: 5}, nil, limit.Cells},
		{"Unzipped", plain, limit.Limits{MaxUnzippedBytes: 2000}, nil, limit.UnzippedBytes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAt(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			if err == nil {
				t.Fatal("got no error")
			}
			if !strings.HasPrefix(err.Error(), "xlsx: ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line prefixed xlsx:", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q: want %q", err, tt.want)
			}
			var le *limit.LimitError
			if errors.As(err, &le) != (tt.limit != "") || (le != nil && le.Limit != tt.limit) {
				t.Errorf("error %q: want limit %q", err, tt.limit)
			}
		})
	}
}

func FuzzXlsx(f *testing.F) {
	f.Add(buildXlsx(f))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{MaxUnzippedBytes: 4 << 20, MaxCells: 10000})
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
	})
}
