package score

import (
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// TestCeilingByName: a bare target of an indicator whose name makes it a
// ceiling scores as ≤; any other bare target as the rule set says (≥).
func TestCeilingByName(t *testing.T) {
	rs := rules.MustLoad(rules.Default)
	tests := []struct {
		name, target, actual string
		met                  bool
	}{
		{"财政供养人员控制率", "100%", "92%", true},
		{"预算调整率", "3%", "0%", true},
		{"结余率(计算方法为:结余数/预算数)", "5%", "7%", false},
		{"政府采购执行率", "100%", "72.74%", false},
		{"公用经费控制率", "≥100%", "97%", false}, // a sign written wins over the name
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := jixiao.Indicator{Name: tt.name, Target: notation.ParseValue(tt.target), Actual: notation.ParseValue(tt.actual),
				Weight: notation.ParseFigure("2"), Score: notation.ParseFigure("2")}
			var row Row
			indicator(&row, &in, rs)
			if row.Met == nil || *row.Met != tt.met {
				t.Fatalf("met = %v, want %v (%s)", row.Met, tt.met, row.Trace.Note)
			}
		})
	}
}

// The ceiling names are the rule set's: without them a bare 控制率 target
// scores by bare_number_as like any other.
func TestCeilingNamesAreRuleData(t *testing.T) {
	rs := rules.MustLoad(rules.Default)
	rs.CeilingNames = nil
	in := jixiao.Indicator{Name: "财政供养人员控制率", Target: notation.ParseValue("100%"), Actual: notation.ParseValue("92%"),
		Weight: notation.ParseFigure("2"), Score: notation.ParseFigure("2")}
	var row Row
	indicator(&row, &in, rs)
	if row.Met == nil || *row.Met {
		t.Fatalf("with no ceiling names, 92%% of a bare 100%% is a missed target; met = %v", row.Met)
	}
}
