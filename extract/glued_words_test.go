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
				"管理指标|10|预算执行管理|完成率|100%|按规定执行|4|4|",
				"||政府采购管理|执行率|100%|100%|6|6|",
				"产出指标|5|数量指标|任务1:诊断准确率|95%以上|97%|5|5|",
			}, nil},
		{"digits a unit follows are a pair only where the weights need them",
			jxHead + "产出指标7时效指标任务1:文书及时率按规定时限43个别人未及时完成任务2:档案更新率按规定时限32录入有延迟满意度指标",
			[]string{
				"产出指标|7|时效指标|任务1:文书及时率|" + u + "|" + u + "|4|3|个别人未及时完成",
				"|||任务2:档案更新率|" + u + "|" + u + "|3|2|录入有延迟",
			}, nil},
		{"words only: target and actual unread; a comparison word before the figure after a plain name: the target's",
			jxHead + "管理指标8信息公开完善按规定公开已公开44结余率小于5%达成目标值44满意度指标",
			[]string{
				"管理指标|8||信息公开完善按规定公开已公开|" + u + "|" + u + "|4|4|",
				"|||结余率|小于5%|达成目标值|4|4|",
			}, nil},
		{"a 管理指标 group's rows start with the template's 管理 names, its 二级",
			jxHead + "管理指标9预算执行管理完成率100%按规定执行44资产管理安全性、利用率无资产损失、利用率高于80%达成目标55满意度指标",
			[]string{
				"管理指标|9|预算执行管理|完成率|100%|按规定执行|4|4|",
				"||资产管理|安全性、利用率无资产损失、利用率高于80%|" + u + "|达成目标|5|5|",
			}, nil},
		{"管理 names are no 二级 outside a 管理指标 group",
			jxHead + "产出指标5数量指标任务1:诊断准确率95%以上97%55效果指标4资产管理利用率90%95%44满意度指标",
			[]string{"效果指标|4||资产管理利用率|90%|95%|4|4|"}, nil},
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
		words, name, target, actual string // "-": not read (the name "-": all the words, as no cut is known)
	}{
		{"完整、准确率100%100%", "完整、准确率", "100%", "100%"},
		{"诊断准确率95%以上97%", "诊断准确率", "95%以上", "97%"},
		{"健康档案管理率100%完成", "健康档案管理率", "100%", "完成"},
		{"任务1:培训人次20人次18人次", "任务1:培训人次", "20人次", "18人次"},
		// a target that starts with its figure's comparison words, after a plain name
		{"结余率小于5%达成目标值", "结余率", "小于5%", "达成目标值"},
		{"任务2:特殊人群健康管理率超上年2%达成目标值", "任务2:特殊人群健康管理率", "超上年2%", "达成目标值"},
		// a change word before the one figure is the actual's; the target's words before it
		{"门诊住院人次增加增372人次", "门诊住院人次", "增加", "增372人次"},
		{"业务收入超上年度增收27万元", "业务收入", "超上年度", "增收27万元"},
		// the words before the comparison are no plain name (a negation, 利用率 twice):
		// only the actual after the figure is read
		{"安全性、利用率无资产损失、利用率高于80%达成目标", "安全性、利用率无资产损失、利用率高于80%", "-", "达成目标"},
		{"签约完成率、体检率签约率提高1%体检率提高2%签约率提高1%体检率下降1%", "-", "-", "-"},
		// words only: a name before 按规定 is read, the target's end is not known
		{"任务1:医疗文书及时率按规定时限", "任务1:医疗文书及时率", "-", "-"},
		{"信息公开完善按规定公开已公开", "-", "-", "-"},
		{"人员控制、支出规范不超编、无违规支出全部达成", "-", "-", "-"},
		{"新增就业人数增加增12人", "-", "-", "-"},
		{"水电费开支有下降水电支出减少01万元", "-", "-", "-"},
		{"配套设施1250KVA变压器3台2台", "-", "-", "-"},
		{"准确率95%以上", "-", "-", "-"},
	}
	for _, tt := range tests {
		c := splitWordRow(tt.words)
		name := tt.name
		if name == "-" {
			name = tt.words
		}
		target, actual := "-", "-"
		if c.t >= 0 {
			target = tt.words[c.t:c.a]
		}
		if c.a >= 0 {
			actual = tt.words[c.a:]
		}
		if c.name != name || target != tt.target || actual != tt.actual {
			t.Errorf("splitWordRow(%q) = %q | %q | %q; want %q | %q | %q", tt.words, c.name, target, actual, name, tt.target, tt.actual)
		}
	}
}

// TestDeglueRateOnlyBreakdown: 江西's budget block run together keeps only
// each breakdown's 执行率 ("财政拨款103.21%"): its amounts are not read,
// its rate is, under the 执行率 column, never as an amount; the unit's
// name ends at 下属单位个数.
func TestDeglueRateOnlyBreakdown(t *testing.T) {
	u := unreadMark
	text := "蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0整体支出规模全年预算数全年执行数执行率" +
		"资金来源:(1)财政拨款103.21%资金结构:(1)基本支出103.21%(2)项目支出" + jxHead + "管理指标8预算执行管理完成率100%按规定执行44满意度指标"
	rows, ok := deglue(text)
	if !ok {
		t.Fatalf("not deglued: %q", text)
	}
	all := rowsText(rows)
	for _, w := range []string{"部门名称|南昌县黄马乡蚕茶卫生院", "财政拨款|" + u + "|" + u + "|103.21%|资金结构:(1)", "基本支出|" + u + "|" + u + "|103.21%|(2)"} {
		if !strings.Contains("\n"+all+"\n", "\n"+w+"\n") {
			t.Errorf("row %q not found in\n%s", w, all)
		}
	}
}

func TestBracketedNumber(t *testing.T) {
	for s, want := range map[string]bool{"(2)": true, "（12）": true, "(万元)": false, "(2022年度)": false, "()": false, "(2": false} {
		if got := bracketedNumber(s); got != want {
			t.Errorf("bracketedNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
