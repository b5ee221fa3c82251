package report

import "testing"

func TestLabelLines(t *testing.T) {
	tests := []struct {
		text string
		per  int
		want string
	}{
		{"偏差原因分析及改进措施", 8, "偏差原因分析\n及改进措施"},
		{"部门预算资金（万元）", 4, "部门预\n算资金\n（万元）"},
		{"部门预算资金（万元）", 6, "部门预算资金\n（万元）"},
		{"分值", 4, "分值"},
		{"年度指标值", 4, "年度指\n标值"},
		{"已有\n换行的标签", 2, "已有\n换行的标签"},
	}
	for _, tt := range tests {
		if got := LabelLines(tt.text, tt.per); got != tt.want {
			t.Errorf("LabelLines(%q, %d) = %q, want %q", tt.text, tt.per, got, tt.want)
		}
	}
}
