package dashboard

import (
	"testing"

	"jixiao/notation"

	"github.com/shopspring/decimal"

	"jixiao"
)

func record(id int64, year int, target, actual, score string, computed string) *jixiao.EvaluationRecord {
	in := jixiao.Indicator{Level1: "产出指标", Name: "培训人次", Target: notation.ParseValue(target), Actual: notation.ParseValue(actual),
		Weight: notation.ParseFigure("10"), Score: notation.ParseFigure(score)}
	ev := &jixiao.Evaluation{Kind: jixiao.KindDepartment, Unit: "某单位", Year: year, Indicators: []jixiao.Indicator{in}}
	return &jixiao.EvaluationRecord{ID: id, UnitID: 3, UnitName: "某局", Year: year, Kind: jixiao.KindDepartment, Content: ev,
		Score: jixiao.ScoreRecord{Total: decimal.RequireFromString("90"), Rows: []jixiao.RowScore{{Index: 0, Score: decimal.RequireFromString(computed)}}}}
}

func TestUnitYears(t *testing.T) {
	recs := []*jixiao.EvaluationRecord{
		record(12, 2024, "≥1800人次", "1900人次", "10", "10"),
		record(11, 2023, "≥1500人次", "2000人次", "10", "9.5"),
	}
	recs[1].Content.Unit = "某单位（旧名）" // renamed: still one history
	y, err := UnitYears(recs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"unit", y.Unit, "某局"},
		{"years", len(y.Summary), 2},
		{"first year", y.Summary[0].Year, 2023},
		{"lowered in 2024", y.Summary[1].Lowered, 1},
		{"lowered indicator", y.History.Lowered[0].Indicator, "培训人次"},
		{"computed differs in 2023", y.History.Indicators[0].Cells[0].Computed, "9.50"},
		{"computed the same in 2024", y.History.Indicators[0].Cells[1].Computed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestUnitYearsErrors(t *testing.T) {
	a, b := record(1, 2023, "≥1", "2", "1", "1"), record(2, 2024, "≥1", "2", "1", "1")
	b.UnitID = 4
	for name, recs := range map[string][]*jixiao.EvaluationRecord{"ErrEmpty": nil, "ErrMixedUnits": {a, b}} {
		t.Run(name, func(t *testing.T) {
			if _, err := UnitYears(recs); err == nil {
				t.Error("no error")
			}
		})
	}
}
