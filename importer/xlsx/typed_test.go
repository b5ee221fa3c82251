package xlsx

import (
	"os"
	"slices"
	"testing"

	"jixiao"
)

// TestTypedAfterEquals: LibreOffice Calc, importing a table whose targets
// are written with their sign ("=8个"), takes them for formulas and saves
// the error #NAME?; the cell reads as typed.
func TestTypedAfterEquals(t *testing.T) {
	fh, err := os.Open("../../testdata/real/anhui-guichi-txz-2022-2/remake.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	doc, err := Read(fh, "remake.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range doc.Blocks {
		if b.Kind != jixiao.BlockTable {
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				texts = append(texts, c.Text)
			}
		}
	}
	for _, want := range []string{"=8个", "=42个"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no cell reads %q", want)
		}
	}
	if slices.Contains(texts, nameError) {
		t.Errorf("a cell reads %s", nameError)
	}
}
