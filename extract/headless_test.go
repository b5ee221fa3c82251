package extract

import (
	"testing"

	"jixiao"
)

func textDoc(s string) *jixiao.Document {
	return &jixiao.Document{Blocks: []jixiao.Block{{Kind: jixiao.BlockParagraph, Text: s}}}
}

func TestHeadless(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []jixiao.Indicator // Level1, Level2, Name, Target.Raw, Actual.Raw, Weight.Text
		none bool
	}{{
		name: "run together, one figure each (the 分值)",
		text: "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 合计100 评价结论暂无",
		want: []jixiao.Indicator{
			{Level1: "产出指标", Level2: "数量指标", Name: "足额保障率", Target: jixiao.Value{Raw: "=100%"}, Weight: jixiao.Figure{Text: "22.5"}},
			{Level1: "产出指标", Level2: "数量指标", Name: "科目调整次数", Target: jixiao.Value{Raw: "≤10次"}, Weight: jixiao.Figure{Text: "22.5"}},
			{Level1: "产出指标", Level2: "时效指标", Name: "按时发放率", Target: jixiao.Value{Raw: "=100%"}, Weight: jixiao.Figure{Text: "22.5"}},
		},
	}, {
		name: "cells split, 满意度指标 as 一级 before a 二级",
		text: "成本指标 | 排查成本 | = | 6 | 万元 | 6 | 5 |\n可持续影响指标 | 机制健全性 | 定性 | 优良中低差 |\n| 优 | 10 |\n满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 95 | % | 96 | 10 |\n合计 | 100 |",
		want: []jixiao.Indicator{
			{Level2: "成本指标", Name: "排查成本", Target: jixiao.Value{Raw: "=6万元"}, Actual: jixiao.Value{Raw: "6万元"}, Weight: jixiao.Figure{Text: "5"}},
			{Level2: "可持续影响指标", Name: "机制健全性", Target: jixiao.Value{Raw: "优良中低差"}, Actual: jixiao.Value{Raw: "优"}, Weight: jixiao.Figure{Text: "10"}},
			{Level1: "满意度指标", Level2: "服务对象满意度指标", Name: "群众满意度", Target: jixiao.Value{Raw: "≥95%"}, Actual: jixiao.Value{Raw: "96%"}, Weight: jixiao.Figure{Text: "10"}},
		},
	}, {
		name: "a report's sentence with a target is no table",
		text: "全年完成培训人次≥100人次，满意度≥95%，资金到位率=100%，项目按期完成。",
		none: true,
	}, {
		name: "two rows are too few",
		text: "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5",
		none: true,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := textDoc(tt.text)
			tab, ok := headlessTable(doc, tokenize(doc))
			if tt.none {
				if ok {
					t.Fatalf("read %d indicators from a text with no table", len(tab.Eval.Indicators))
				}
				return
			}
			if !ok {
				t.Fatal("no fragment read")
			}
			got := tab.Eval.Indicators
			if len(got) != len(tt.want) {
				t.Fatalf("got %d indicators, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Level1 != w.Level1 || g.Level2 != w.Level2 || g.Name != w.Name || g.Target.Text() != w.Target.Raw || g.Actual.Text() != w.Actual.Raw || g.Weight.Text != w.Weight.Text {
					t.Errorf("row %d: got %q %q %q %q %q %q, want %q %q %q %q %q %q", i,
						g.Level1, g.Level2, g.Name, g.Target.Text(), g.Actual.Text(), g.Weight.Text,
						w.Level1, w.Level2, w.Name, w.Target.Raw, w.Actual.Raw, w.Weight.Text)
				}
			}
			if _, ok := tab.Eval.NotRead("indicators["); !ok {
				t.Error("the rows above the cut are not marked not read")
			}
		})
	}
}

// FuzzHeadless: any text is read without panicking, and every row read
// has a name.
func FuzzHeadless(f *testing.F) {
	for _, s := range []string{
		"产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 合计100",
		"成本指标 | 排查成本 | = | 6 | 万元 | 6 | 5 |\n满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 95 | % | 96 | 10 |\n合计 | 100 |",
		"定性 | 优 | ≥ | 合计 | 满意度指标 | | |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := textDoc(s)
		tab, ok := headlessTable(doc, tokenize(doc))
		if !ok {
			return
		}
		for i, in := range tab.Eval.Indicators {
			if in.Name == "" && !in.Target.Stated() {
				t.Errorf("row %d read with neither name nor target", i)
			}
		}
	})
}
