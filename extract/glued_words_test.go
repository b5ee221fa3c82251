package extract

import (
	"strings"
	"testing"
)

// jxHead is 江西's older 部门整体 indicator header run together, as a
// document-sharing page copies it.
const jxHead = "蚕茶卫生院整体支出绩效自评表分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"

func TestDeglueWordGroups(t *testing.T) {
	u := unreadMark
	tests := []struct {
		name    string
		text    string
		want    []string // rows that must be there, cells joined by '|'
		notWant []string // cells joined the same way that must not be
	}{
		{"pairs split and chosen by the group's weight; figures, then words, read",
			jxHead + "管理指标10预算执行管理完成率100%按规定执行44政府采购管理执行率100%100%66产出指标5数量指标任务1:诊断准确率95%以上97%55",
			[]string{
				"管理指标|10||预算执行管理完成率|100%|按规定执行|4|4|",
				"|||政府采购管理执行率|100%|100%|6|6|",
				"产出指标|5|数量指标|任务1:诊断准确率|95%以上|97%|5|5|",
			}, nil},
		{"digits a unit follows are a pair only where the weights need them",
			jxHead + "产出指标7时效指标任务1:文书及时率按规定时限43个别人未及时完成任务2:档案更新率按规定时限32录入有延迟满意度指标",
			[]string{
				"产出指标|7|时效指标|任务1:文书及时率按规定时限|" + u + "|" + u + "|4|3|个别人未及时完成",
				"|||任务2:档案更新率按规定时限|" + u + "|" + u + "|3|2|录入有延迟",
			}, nil},
		{"words only, or a comparison word before the figure: target and actual unread",
			jxHead + "管理指标8信息公开完善按规定公开已公开44结余率小于5%达成目标值44满意度指标",
			[]string{
				"管理指标|8||信息公开完善按规定公开已公开|" + u + "|" + u + "|4|4|",
				"|||结余率小于5%达成目标值|" + u + "|" + u + "|4|4|",
			}, []string{"|小于5%|"}},
		{"weights that do not add up to the group's: no pair is chosen",
			jxHead + "管理指标30预算执行管理完成率100%按规定执行44政府采购管理执行率100%100%66满意度指标",
			nil, []string{"|4|4|", "|6|6|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, ok := deglue(tt.text)
			all := rowsText(rows)
			if len(tt.want) > 0 && !ok {
				t.Fatalf("not deglued: %q", tt.text)
			}
			for _, w := range tt.want {
				if !strings.Contains("\n"+all+"\n", "\n"+w+"\n") {
					t.Errorf("row %q not found in\n%s", w, all)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(all, w) {
					t.Errorf("%q read in\n%s", w, all)
				}
			}
		})
	}
}

func TestSplitWordRow(t *testing.T) {
	tests := []struct {
		words, name, target, actual string // target "-": not cut
	}{
		{"完整、准确率100%100%", "完整、准确率", "100%", "100%"},
		{"诊断准确率95%以上97%", "诊断准确率", "95%以上", "97%"},
		{"健康档案管理率100%完成", "健康档案管理率", "100%", "完成"},
		{"任务1:培训人次20人次18人次", "任务1:培训人次", "20人次", "18人次"},
		{"结余率小于5%达成目标值", "", "-", ""},
		{"安全性、利用率无资产损失、利用率高于80%达成目标", "", "-", ""},
		{"信息公开完善按规定公开已公开", "", "-", ""},
		{"门诊住院人次增加增372人次", "", "-", ""},
		{"配套设施1250KVA变压器3台2台", "", "-", ""},
		{"准确率95%以上", "", "-", ""},
	}
	for _, tt := range tests {
		name, ti, ai := splitWordRow(tt.words)
		if tt.target == "-" {
			if ti >= 0 || name != tt.words {
				t.Errorf("splitWordRow(%q) cut at %d, %d (name %q); want it not cut", tt.words, ti, ai, name)
			}
			continue
		}
		if ti < 0 || name != tt.name || tt.words[ti:ai] != tt.target || tt.words[ai:] != tt.actual {
			t.Errorf("splitWordRow(%q) = %q, %d, %d; want %q | %q | %q", tt.words, name, ti, ai, tt.name, tt.target, tt.actual)
		}
	}
}
