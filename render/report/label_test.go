package report

import "testing"

func TestLabelLines(t *testing.T) {
	tests := []struct {
		text string
		per  int
		want string
	}{
		{"偏差原因分析及改进措施", 8, "偏差原因分析\n及改进措施"},
		{"偏差原因分析及改进措施", 4, "偏差原因\n分析及\n改进措施"},
		{"部门预算资金（万元）", 4, "部门预算\n资金\n（万元）"},
		{"部门预算资金（万元）", 6, "部门预算资金\n（万元）"},
		{"分值", 4, "分值"},
		{"年度指标值", 4, "年度\n指标值"},
		{"年度指标值", 3, "年度\n指标值"},
		{"评(扣)分标准", 4, "评(扣)\n分标准"},
		{"已有\n换行的标签", 2, "已有\n换行的标签"},
	}
	for _, tt := range tests {
		if got := LabelLines(tt.text, tt.per); got != tt.want {
			t.Errorf("LabelLines(%q, %d) = %q, want %q", tt.text, tt.per, got, tt.want)
		}
	}
}
