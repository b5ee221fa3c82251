package pdf

import (
	"strings"
	"testing"
)

// glyphWord is a word of the pure-Go reader at x0..x1 on a line 13 high.
func glyphWord(x0, x1 float64, text string) word {
	return word{x0: x0, x1: x1, y0: 100, y1: 113, text: text, glyphs: true}
}

func TestBuildRuledCutsWordsPlacedApart(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []word
		want  []string
	}{
		// LibreOffice's borderless header: 3.8 points between two labels.
		{"labels set close", []word{glyphWord(309.9, 359.9, "全年執行數"), glyphWord(363.7, 383.7, "分值")}, []string{"全年執行數", "分值"}},
		// autospace between Chinese and digits is no cell edge
		{"autospace", []word{glyphWord(156.3, 323.5, "年度部门年初预算数为"), glyphWord(326.3, 383.7, "495.66")}, []string{"年度部门年初预算数为495.66"}},
		{"label then figure", []word{glyphWord(244.4, 304.4, "群众生产生活"), glyphWord(309.7, 322.4, "10")}, []string{"群众生产生活", "10"}},
		// pdftotext's boxes say nothing of spaces: the old rule holds
		{"pdftotext boxes", []word{{x0: 309.9, x1: 359.9, y0: 100, y1: 113, text: "全年執行數"}, {x0: 363.7, x1: 383.7, y0: 100, y1: 113, text: "分值"}}, []string{"全年執行數分值"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range buildCells(visualLines(tc.words)) {
				got = append(got, c.text())
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("cells %q, want %q", got, tc.want)
			}
		})
	}
}

func TestJustifiedLineStaysWhole(t *testing.T) {
	var ws []word
	x := 80.0
	for _, r := range "部门整体支出绩效情况良好" {
		ws = append(ws, glyphWord(x, x+10, string(r)))
		x += 13 // spread by 3 points each, as a justified line is
	}
	cells := buildCells(visualLines(ws))
	if len(cells) != 1 {
		t.Fatalf("a justified line read as %d cells", len(cells))
	}
}

func TestWeightedLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"产出指标(70分)": true, "效益指标（20分）": true, "产出指标": false,
		"1.2万亩": false, "(70分)": false, "≥95%": false, "绩效指标(90)": false,
	} {
		if got := weighted(s); got != want {
			t.Errorf("weighted(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestBreakdownItemsKeptApart(t *testing.T) {
	c := &bcell{lines: []string{"纳入专户管理的非税收入拨款:", "其他资金:2880万元"}}
	if got := c.text(); got != "纳入专户管理的非税收入拨款:\n其他资金:2880万元" {
		t.Errorf("text %q", got)
	}
	wrapped := &bcell{lines: []string{"其中:当年财政", "拨款"}}
	if got := wrapped.text(); got != "其中:当年财政拨款" {
		t.Errorf("a wrapped label read as %q", got)
	}
}
