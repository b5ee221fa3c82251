package extract

import (
	"strconv"
	"strings"
	"testing"

	"jixiao/importer/html"
)

func TestGroupName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"数量\n指标", "数量指标"},           // a cell wrapped in a narrow column
		{"经济效益 指标", "经济效益指标"},        // a copy that spaced it
		{" 产 出 指 标 ", "产出指标"},        // characters spaced out
		{"效益指标\n(30分)", "效益指标(30分)"}, // its weight on the next line: levelName takes it off
		{"A 类 指标", "A类指标"},
		{"Level 2", "Level 2"}, // Latin words keep their space
		{"质量指标", "质量指标"},
	}
	for _, tt := range tests {
		if got := groupName(tt.in); got != tt.want {
			t.Errorf("groupName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLevelsWrapped: a 二级 cell broken over two lines inside the cell
// (a .docx's narrow column) names the same group as the unbroken one.
func TestLevelsWrapped(t *testing.T) {
	src := "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>" +
		"<tr><td>产出<br>指标</td><td><p>数量</p><p>指标</p></td><td>造林面积</td><td>300亩</td><td>300亩</td><td>6</td><td>6</td></tr>" +
		"<tr><td>总分</td><td></td><td></td><td></td><td></td><td>6</td><td>6</td></tr></table>"
	doc, err := html.Read(strings.NewReader(src), "wrapped.html")
	if err != nil {
		t.Fatal(err)
	}
	tabs := ExtractAll(doc)
	var got []string
	for _, in := range tabs[0].Eval.Indicators {
		got = append(got, in.Level1+"/"+in.Level2)
	}
	if strings.Join(got, "|") != "产出指标/数量指标" {
		t.Errorf("groups %q, want 产出指标/数量指标", got)
	}
}

// TestIndicatorBlockRestarts: a 绩效指标 label again inside the indicator
// block (a copy cut as the next page repeats the merged first column) is
// that column, not an indicator named 绩效指标.
func TestIndicatorBlockRestarts(t *testing.T) {
	src := "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n" +
		"产出指标 | 数量指标 | 造林面积 | 300亩 | 300亩 | 6 | 6\n" +
		"时效指标 | 完成时限(月) | 10 | 10 | 4 | 4\n" +
		"绩 效 指 标 | 效益\n"
	tabs := ExtractAll(mustReadString(t, src))
	for _, in := range tabs[0].Eval.Indicators {
		if normLabel(in.Name) == "绩效指标" {
			t.Errorf("indicator named %q (target %q)", in.Name, in.Target.Raw)
		}
	}
	if n := len(tabs[0].Eval.Indicators); n != 2 {
		t.Errorf("%d indicators, want 2", n)
	}
}

// TestCopyCutEnds: how a copy cut inside its indicator list ends. A "……"
// row holds no indicator, and words after it start the next row; a last
// cell that is the start of a 二级 name is that group's cell cut, not an
// indicator; a last 三级 name with nothing after it is a row cut, whose
// figures are not read (not printed empty).
func TestCopyCutEnds(t *testing.T) {
	head := "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n偏差原因分析及改进措施\n\n" +
		"产出指标\n\n数量指标\n\n造林面积\n\n300亩\n\n300亩\n\n6\n\n6\n\n \n\n"
	tests := []struct {
		name, tail string
		names      string // the indicators read
		cutRow     bool   // the last one is listed as not read
	}{
		{"ellipsis then a cut group", "……\n\n \n\n \n\n \n\n \n\n生态", "造林面积", false},
		{"a cut group", "可持续影响", "造林面积", false},
		{"a cut 一级", "效益", "造林面积", false},
		{"a cut row", "公共服务", "造林面积|公共服务", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := ExtractAll(mustReadString(t, head+tt.tail))[0].Eval
			var got []string
			for _, in := range ev.Indicators {
				got = append(got, in.Name)
			}
			if strings.Join(got, "|") != tt.names {
				t.Errorf("indicators %q, want %s", got, tt.names)
			}
			_, cut := ev.NotRead("indicators[" + strconv.Itoa(len(ev.Indicators)-1) + "]")
			if cut != tt.cutRow {
				t.Errorf("last row not read: %v, want %v (missing %+v)", cut, tt.cutRow, ev.Missing)
			}
		})
	}
}
