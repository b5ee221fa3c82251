package extract

import "testing"

// TestUnitColumn: a 度量单位 column is the indicator's Unit, the figures
// stay as printed and mean that unit, and a figure that writes a unit of
// its own other than the column's keeps it (the check warns of the
// conflict: Q-UNIT-CONFLICT).
func TestUnitColumn(t *testing.T) {
	doc := docOf(tableBlock(tbl(
		[]string{"2024年度某局项目支出绩效自评表"},
		[]string{"一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分"},
		[]string{"产出指标", "质量指标", "差错率", "≤5", "%", "3", "20", "20"},
		[]string{"", "数量指标", "培训人数", "≥500", "人", "520人", "20", "20"},
		[]string{"", "", "覆盖率", "≥95%", "人", "96%", "20", "20"},
		[]string{"", "", "会议次数", "4", "-", "4", "20", "20"},
		[]string{"效益指标", "社会效益指标", "满意度", "≥90", "％", "92", "20", "20"},
	)))
	ev, _ := Extract(doc)
	tests := []struct {
		name, unit, target, actual string
		percent                    bool
	}{
		{"差错率", "%", "≤5%", "3%", true},
		{"培训人数", "人", "≥500人", "520人", false},
		{"覆盖率", "人", "≥95%", "96%", true},
		{"会议次数", "", "4", "4", false},
		{"满意度", "%", "≥90%", "92%", true},
	}
	if len(ev.Indicators) != len(tests) {
		t.Fatalf("%d indicators, want %d: %+v", len(ev.Indicators), len(tests), ev.Indicators)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ev.Indicators[i]
			if in.Name != tt.name || in.Unit != tt.unit || in.Target.Text() != tt.target || in.Actual.Text() != tt.actual || in.Actual.Percent != tt.percent {
				t.Errorf("read %q unit %q target %q actual %q (percent %v), want %q %q %q %q (%v)",
					in.Name, in.Unit, in.Target.Text(), in.Actual.Text(), in.Actual.Percent, tt.name, tt.unit, tt.target, tt.actual, tt.percent)
			}
		})
	}
	if raw := ev.Indicators[0].Actual.Raw; raw != "3" {
		t.Errorf("差错率's actual kept as %q, want the 3 as printed", raw)
	}
}
