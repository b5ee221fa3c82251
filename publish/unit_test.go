package publish

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"jixiao/score"
)

// A table with a 度量单位 column prints its figures bare: the open data
// must carry the unit beside them, or "3" loses whether it was 3% or 3 人.
func TestMeasureUnitPublished(t *testing.T) {
	its := items(t, 1)
	ev := its[0].Eval
	ev.Indicators[0].Unit = "%"
	ev.Indicators[1].Unit = ""
	r := NewRecord("x", ev, score.Score(ev, its[0].Rules))
	if got := r.Indicators[0].MeasureUnit; got != "%" {
		t.Errorf("indicator 1 measure_unit = %q, want %%", got)
	}
	if got := r.Indicators[1].MeasureUnit; got != "" {
		t.Errorf("indicator 2 measure_unit = %q, want empty", got)
	}

	dir, _, _ := publishTo(t, its)
	data, err := os.ReadFile(filepath.Join(dir, "opendata", "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "measure_unit")
	if col < 0 {
		t.Fatalf("indicators.csv has no measure_unit column: %v", rows[0])
	}
	if rows[1][col] != "%" || rows[2][col] != "" {
		t.Errorf("measure_unit column = %q, %q; want %%, empty", rows[1][col], rows[2][col])
	}
}
