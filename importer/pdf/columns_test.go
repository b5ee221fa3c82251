package pdf

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRebuildColumns: where a cell's column is found.
func TestRebuildColumns(t *testing.T) {
	tests := []struct {
		name string
		ws   []word
		want []string
	}{{
		// A header whose labels state their points (预算执行情况(20分),
		// 得分(20分*执行率)) is a header all the same, and its narrow columns
		// stay apart: read as a figure, it would leave the block under the
		// columns of the rows above, four wide, and join 执行数, 执行率 and 得分.
		name: "header stating points",
		ws: []word{
			at(40, 70, "项目名称"), at(140, 70, "某项目"),
			at(40, 90, "主管部门"), at(140, 90, "某局"), at(240, 90, "实施单位"), at(340, 90, "某局"),
			at(40, 110, "预算执行情况(20分)"), at(200, 110, "预算数"), at(260, 110, "执行数"), at(320, 110, "执行率"), at(380, 110, "得分(20分*执行率)"),
			at(40, 130, "年度资金总额"), at(200, 130, "50"), at(260, 130, "10"), at(320, 130, "20%"), at(380, 130, "4"),
		},
		want: []string{
			"项目名称 ; 某项目",
			"主管部门 ; 某局 ; 实施单位 ; 某局",
			"预算执行情况(20分) ; 预算数 ; 执行数 ; 执行率 ; 得分(20分*执行率)",
			"年度资金总额 ; 50 ; 10 ; 20% ; 4",
		},
	}, {
		// A producer that sets cells flush left puts a short figure under
		// the start of a long label, nearer the centre of the column
		// before: it is the long label's column, whose left edge it shares.
		name: "figure flush left",
		ws: []word{
			at(40, 100, "指标名称"), at(120, 100, "年初值"), at(160, 100, "调整值"), at(200, 100, "全年实际完成值情况"), at(300, 100, "得分"),
			at(40, 120, "预算调整率"), at(120, 120, "3%"), at(200, 120, "0"), at(300, 120, "2"),
			at(40, 140, "结转结余率"), at(120, 140, "2%"), at(160, 140, "1%"), at(200, 140, "0"), at(300, 140, "2"),
		},
		want: []string{
			"指标名称 ; 年初值 ; 调整值 ; 全年实际完成值情况 ; 得分",
			"预算调整率 ; 3% ;  ; 0 ; 2",
			"结转结余率 ; 2% ; 1% ; 0 ; 2",
		},
	}, {
		// A label alone right below the rows, the last text of the page,
		// starting where a column's cells start (an 二级 whose indicators a
		// copy cut): the table's last row. A paragraph after the table
		// starts at the left margin and is not.
		name: "trailing label",
		ws: []word{
			at(40, 100, "一级指标"), at(120, 100, "二级指标"), at(200, 100, "三级指标"), at(300, 100, "分值"),
			at(40, 120, "产出指标"), at(120, 120, "数量指标"), at(200, 120, "造林面积"), at(300, 120, "6"),
			at(120, 140, "时效指标"), at(200, 140, "完成时限"), at(300, 140, "4"),
			at(120, 158, "成本指标"),
		},
		want: []string{
			"一级指标 ; 二级指标 ; 三级指标 ; 分值",
			"产出指标 ; 数量指标 ; 造林面积 ; 6",
			" ; 时效指标 ; 完成时限 ; 4",
			" ; 成本指标 ;  ; ",
		},
	}, {
		name: "paragraph after",
		ws: []word{
			at(40, 100, "一级指标"), at(120, 100, "二级指标"), at(200, 100, "三级指标"), at(300, 100, "分值"),
			at(40, 120, "产出指标"), at(120, 120, "数量指标"), at(200, 120, "造林面积"), at(300, 120, "6"),
			at(120, 140, "时效指标"), at(200, 140, "完成时限"), at(300, 140, "4"),
			at(40, 158, "注本表由单位填报"),
		},
		want: []string{
			"一级指标 ; 二级指标 ; 三级指标 ; 分值",
			"产出指标 ; 数量指标 ; 造林面积 ; 6",
			" ; 时效指标 ; 完成时限 ; 4",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := "table 1\n" + strings.Join(tt.want, "\n") + "\n"
			if d := cmp.Diff(want, dumpTable(tt.ws)); d != "" {
				t.Errorf("table (-want +got):\n%s", d)
			}
		})
	}
}

func TestWithoutPoints(t *testing.T) {
	tests := []struct{ in, want string }{
		{"预算执行情况(万元)(20分)", "预算执行情况(万元)"},
		{"得分（20分*执行率）", "得分"},
		{"产出指标(50分)", "产出指标"},
		{"2023年", "2023年"}, // a figure stays one
		{"执行率(B/A)", "执行率(B/A)"},
	}
	for _, tt := range tests {
		if got := withoutPoints(tt.in); got != tt.want {
			t.Errorf("withoutPoints(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
