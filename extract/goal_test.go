package extract

import (
	"testing"

	"jixiao"
)

// TestGoalColumns: the goal block's own column labels (江西's 年初设定目标 |
// 全年完成情况, 四川's 年度总体目标完成情况综述) head the texts below them;
// they are never read as the goal.
func TestGoalColumns(t *testing.T) {
	tests := []struct {
		name     string
		rows     [][]string
		exp, act string
	}{
		{"江西", [][]string{
			{"年度总体目标|r2", "年初设定目标", "全年完成情况"},
			{"业务收入达到55万元", "业务收入77.57万元"},
		}, "业务收入达到55万元", "业务收入77.57万元"},
		{"四川", [][]string{
			{"年度总体目标|r2", "年初设定目标", "年度总体目标完成情况综述"},
			{"完成供水计量改造", "已完成供水计量改造"},
		}, "完成供水计量改造", "已完成供水计量改造"},
		{"the actual cell empty", [][]string{
			{"年度总体目标|r2", "年初设定目标", "全年完成情况"},
			{"业务收入达到55万元", ""},
		}, "业务收入达到55万元", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([][]string{
				{"项目名称", "某项目"},
				{"", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
				{"年度资金总额", "100", "100", "100", "10", "100%", "10"},
			}, tt.rows...)
			rows = append(rows, []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
				[]string{"产出指标", "数量指标", "培训人次", "20人次", "20人次", "10", "10"})
			ev, _ := Extract(docOf(tableBlock(tbl(rows...))))
			if ev.Goal != (jixiao.Goal{Expected: tt.exp, Actual: tt.act}) {
				t.Errorf("goal = %+v; want %q | %q", ev.Goal, tt.exp, tt.act)
			}
		})
	}
}

func TestSplitGoal(t *testing.T) {
	tests := []struct {
		text, exp, act string // exp "-": not cut
	}{
		{"业务收入达到55万元,三公经费控制率达标业务收入77.57万元,三公经费控制达标",
			"业务收入达到55万元,三公经费控制率达标", "业务收入77.57万元,三公经费控制达标"},
		// the tail of a vertical 年度总体目标 cut apart by the column labels
		{"体目标业务收入达到55万元,三公经费控制率达标业务收入77.57万元,三公经费控制达标",
			"业务收入达到55万元,三公经费控制率达标", "业务收入77.57万元,三公经费控制达标"},
		// the actual restates the end of the target
		{"对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,对项目区农业用水计量,为项目区农业生产夯实基础,",
			"对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,", "对项目区农业用水计量,为项目区农业生产夯实基础,"},
		// the opening words three times: which one starts the actual is not known
		{"业务收入达到55万元,业务收入增长5%业务收入77.57万元", "-", ""},
		// no words restated
		{"搞好政府各职能部门完成的工作任务监督,服务市场主体和营造发展", "-", ""},
		// words before the opening that end no goal label
		{"全年业务收入达到55万元业务收入77.57万元", "-", ""},
	}
	for _, tt := range tests {
		exp, act, ok := splitGoal(tt.text)
		switch {
		case tt.exp == "-" && ok:
			t.Errorf("splitGoal(%q) = %q | %q; want no cut", tt.text, exp, act)
		case tt.exp != "-" && (!ok || exp != tt.exp || act != tt.act):
			t.Errorf("splitGoal(%q) = %q | %q, %v; want %q | %q", tt.text, exp, act, ok, tt.exp, tt.act)
		}
	}
}
