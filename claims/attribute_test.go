package claims

import (
	"testing"
)

// TestWhatFiguresAreOf holds the shapes of sentences the real corpus
// (testdata/real) writes its figures in to what the reader says each
// figure is of: its key, the noun after it, and for a label that names
// nothing of its own, the topic of its clause run.
func TestWhatFiguresAreOf(t *testing.T) {
	type want struct{ text, key, noun, topic string }
	tests := []struct {
		name string
		text string
		want []want // the claims of interest, in order; others are passed over
	}{
		{"a figure after a colon is of the words before it",
			"2、支出:799.12万元。其中: 一般公共预算:1873.66万元",
			[]want{{"799.12万元", "支出", "", ""}, {"1873.66万元", "一般公共预算", "", ""}}},
		{"a target's direction is no part of its name, an indicator's result takes its subject",
			"第二,资助接受托养服务人次数年初指标值为不低于105人,全年实际完成值116人。",
			[]want{{"105人", "资助接受托养服务人次数年初指标值", "", ""}, {"116人", "资助接受托养服务人次数实际完成值", "", ""}}},
		{"a rate right after a count is the count's",
			"就业失业网上登记申报1398条,完成率100%;",
			[]want{{"100%", "就业失业网上登记申报完成率", "", ""}}},
		{"a total and its money are of the clause's first words",
			"本次重点绩效评价是针对2020年以来实施的政策和项目,共计11个,涉及资金33258.4万元。",
			[]want{{"11个", "共计", "", "本次重点绩效评价是针对2020年以来实施的政策和项目"}, {"33258.4万元", "涉及资金", "", "本次重点绩效评价是针对2020年以来实施的政策和项目"}}},
		{"words that introduce or date are no topic; each clause run has its own",
			"评价结果显示,绩效评价结果为“优”的项目有1项,涉及金额为460万元;2021年,绩效评价结果为“良”的项目有6项,涉及金额为21075.69万元。",
			[]want{{"460万元", "涉及金额", "", "绩效评价结果为“优”的项目有1项"}, {"21075.69万元", "涉及金额", "", "绩效评价结果为“良”的项目有6项"}}},
		{"the target of what the clause is about",
			"2023年度,已开展职业技能培训49期,培训2399人,完成市目标任务数2000人的120%。",
			[]want{{"2000人", "完成市目标任务数", "的", "已开展职业技能培训49期"}, {"120%", "", "", "已开展职业技能培训49期"}}},
		{"a limit kept to",
			"我县城镇登记月平均失业率为2.42%,控制在4.5%以内;",
			[]want{{"4.5%", "控制在", "", "我县城镇登记月平均失业率为2.42%"}}},
		{"a sum after a list is of the words before the list, the last of a long run of them",
			"3.根据安徽省财政厅关于2021年民生工程资金筹措事项的通知(皖财预〔2021〕269号)开展农村文化活动(“送戏进万村”),分配至无为市93万元,南陵县52万元,共计145万元。",
			[]want{{"145万元", "共计", "", "金筹措事项的通知(皖财预〔2021〕269号)开展农村文化活动(“送戏进万村”)"}}},
		{"a heading run into the text opens a passage",
			"我校2022年项目为一个:生均公用经费项目(二)资金及项目绩效目标我校2022年按生均1000元安排,共计239万元",
			[]want{{"239万元", "共计", "", "资金及项目绩效目标我校2022年按生均1000元安排"}}},
		{"a change stated alone is of the figure it is read of, or of the sentence before's",
			"1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。",
			[]want{{"31.39%", "增加", "", "收入"}, {"35.9%", "增加", "", "财政拨款收入"}}},
		{"the money of things just counted is named as the count",
			"年初批复预算8个项目985万元(含1个年初结转结余项目50万元)",
			[]want{{"8个", "年初批复预算", "项目", ""}, {"985万元", "年初批复预算项目", "", ""}}},
		{"a figure no words name is described by the words after it",
			"(1)项目资金投入情况。10441万元资金全部拨付到位,资金到位率100%。",
			[]want{{"10441万元", "", "资金全部拨付到位", ""}}},
		{"a figure that is moved is described by the words after it; 及时 is a word",
			"我局收到下达资金文件后,及时将资金75.68万元分配至具体项目使用。",
			[]want{{"75.68万元", "及时将资金", "分配至具体项目使用", ""}}},
		{"a standard per unit is of the clause's topic",
			"3.开展农村文化活动(“送戏进万村”),每村每年补助 4400 元,分配至无为市93万元。",
			[]want{{"4400 元", "每村每年补助", "", "3.开展农村文化活动(“送戏进万村”)"}}},
		{"percentages a 按照 frame lists are of the 比例 after the list",
			"截止2023年12月31日,按照大型企业30%、中小微企业60%比例开展稳岗返还工作,通过多系统数据比对,",
			[]want{{"30%", "按照大型企业", "比例开展稳岗返还工作", ""}, {"60%", "中小微企业", "比例开展稳岗返还工作", ""}}},
		{"no 比例 after the list: nothing after it is the percentages'",
			"按照大型企业30%、中小微企业60%,开展稳岗返还工作。",
			[]want{{"30%", "按照大型企业", "", ""}, {"60%", "中小微企业", "", ""}}},
		{"a measure's noun may start with a model code",
			"18台网络数据通讯设备、25.29㎡P1.5LED显示屏及外设控制系统",
			[]want{{"18台", "", "网络数据", ""}, {"25.29㎡", "", "P1.5LED显示屏及", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ExtractText(tt.text)
			i := 0
			for _, w := range tt.want {
				for i < len(s.Claims) && s.Claims[i].Text != w.text {
					i++
				}
				if i == len(s.Claims) {
					t.Fatalf("no claim %q after the ones before it", w.text)
				}
				c := s.Claims[i]
				if got := (want{c.Text, c.Key, c.Noun, c.Topic}); got != w {
					t.Errorf("got  %+v\nwant %+v", got, w)
				}
				i++
			}
		})
	}
}

func TestSaysTotal(t *testing.T) {
	for _, c := range []struct {
		label string
		want  bool
	}{
		{"实施项目共", true}, {"一共", true}, {"共有", true}, {"总共", true},
		{"一般公共预算", false}, {"共同", false}, {"共享", false}, {"中共", false}, {"公共服务共", true}, {"", false},
	} {
		if got := saysTotal(c.label); got != c.want {
			t.Errorf("saysTotal(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}
