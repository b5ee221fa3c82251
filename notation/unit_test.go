package notation

import (
	"testing"

	"jixiao"
)

// TestParseValueIn: a bare figure means its 度量单位; a figure that writes
// its own unit keeps it, and a conflict between the two is reported.
func TestParseValueIn(t *testing.T) {
	tests := []struct {
		raw, unit string
		percent   bool
		vunit     string
		inUnit    bool
		text      string
		conflict  bool
	}{
		{"3", "%", true, "", true, "3%", false},
		{"≤5", "%", true, "", true, "≤5%", false},
		{"100", "％", true, "", true, "100%", false},
		{"95", "百分比", true, "", true, "95%", false},
		{"≥95%", "%", true, "", false, "≥95%", false},
		{"520", "人", false, "人", true, "520人", false},
		{"520人", "人", false, "人", false, "520人", false},
		{"30", "万元/年", false, "万元/年", true, "30万元/年", false},
		{"95%", "人", true, "", false, "95%", true},
		{"12次", "个", false, "次", false, "12次", true},
		{"3", "", false, "", false, "3", false},
		{"3", "-", false, "", false, "3", false},
		{"按时完成", "%", false, "", false, "按时完成", false},
		{"", "%", false, "", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.raw+"|"+tt.unit, func(t *testing.T) {
			v := ParseValueIn(tt.raw, tt.unit)
			if v.Percent != tt.percent || v.Unit != tt.vunit || v.InUnit != tt.inUnit || v.Text() != tt.text {
				t.Errorf("ParseValueIn(%q, %q) = %+v (Text %q), want percent %v unit %q in-unit %v text %q",
					tt.raw, tt.unit, v, v.Text(), tt.percent, tt.vunit, tt.inUnit, tt.text)
			}
			if v.Raw != tt.raw {
				t.Errorf("Raw = %q, want the figure as printed %q", v.Raw, tt.raw)
			}
			if got := UnitConflict(v, tt.unit); got != tt.conflict {
				t.Errorf("UnitConflict = %v, want %v", got, tt.conflict)
			}
			if tt.raw != "" && tt.raw != "按时完成" && v.Type != jixiao.Quantitative {
				t.Errorf("type %q, want 定量", v.Type)
			}
		})
	}
}
