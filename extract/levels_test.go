package extract

import (
	"strings"
	"testing"
)

func TestLevelName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"产出指标(50分)", "产出指标"},
		{"效益指标30分)", "效益指标"}, // the copy lost the opening bracket
		{"效益指标", "效益指标"},
		{"某某30分)", "某某30分)"}, // no 一级 name before it: left as written
	}
	for _, tt := range tests {
		if got := levelName(tt.in); got != tt.want {
			t.Errorf("levelName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLevel2CutByPage: a merged 二级 cell a page break cut in two
// ("成本" at the foot of one page, "指标" at the head of the next) is one
// name, on the rows of both pages.
func TestLevel2CutByPage(t *testing.T) {
	src := "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n" +
		"产出指标\t成本\t造林补助\t每亩300\t每亩300\t6\t6\n" +
		"\t指标\t育补助\t每亩100\t每亩100\t6\t6\n" +
		"总分\t\t\t\t\t12\t12\n"
	tabs := ExtractAll(mustReadString(t, src))
	if len(tabs) != 1 {
		t.Fatalf("%d tables", len(tabs))
	}
	var got []string
	for _, in := range tabs[0].Eval.Indicators {
		got = append(got, in.Level2)
	}
	if strings.Join(got, "|") != "成本指标|成本指标" {
		t.Errorf("二级 names %q, want 成本指标 twice", got)
	}
}
