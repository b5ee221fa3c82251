package xlsx

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"jixiao/dashboard"
)

func TestWriteReadBack(t *testing.T) {
	tables := []dashboard.Table{
		{Title: "自评分分布", Header: []string{"自评分", "份数", "占比"}, Rows: [][]dashboard.Cell{
			{{Text: "<60"}, {Text: "1", Num: true}, {Text: "16.67%"}},
			{{Text: "≥95"}, {Text: "3", Num: true}, {Text: "50.00%"}},
		}},
		{Title: "主管部门", Header: []string{"名称", "平均自评分"}, Rows: [][]dashboard.Cell{
			{{Text: "部门B"}, {Text: "93.17", Num: true}},
		}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, tables); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"自评分分布", "主管部门"}; !cmp.Equal(got, want) {
		t.Errorf("sheets: got %v, want %v", got, want)
	}
	rows, err := f.GetRows("自评分分布")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"自评分", "份数", "占比"}, {"<60", "1", "16.67%"}, {"≥95", "3", "50.00%"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	typ, err := f.GetCellType("主管部门", "B2")
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("mean cell type: got %v, want a number", typ)
	}
	v, _ := f.GetCellValue("主管部门", "B2")
	if v != "93.17" {
		t.Errorf("mean: got %q, want 93.17", v)
	}
}
