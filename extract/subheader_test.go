package extract

import (
	"strings"
	"testing"

	"jixiao/importer/html"
)

// TestSubHeader: 年度指标值 spanning 指标性质 | 指标值 | 度量单位 in a second
// header row gives each its column: the target is the sign, the number
// and the unit together, not the sign alone.
func TestSubHeader(t *testing.T) {
	src := "<p>项目支出绩效自评表</p><table><tr><td rowspan=2>一级指标</td><td rowspan=2>二级指标</td><td rowspan=2>三级指标</td><td colspan=3>年度指标值</td>" +
		"<td rowspan=2>实际完成值</td><td rowspan=2>分值</td><td rowspan=2>得分</td></tr>" +
		"<tr><td>指标性质</td><td>指标值</td><td>度量单位</td></tr>" +
		"<tr><td>产出指标</td><td>数量指标</td><td>补助经费</td><td>=</td><td>72890</td><td>元</td><td>72890</td><td>10</td><td>9</td></tr>" +
		"<tr><td>总分</td><td></td><td></td><td></td><td></td><td></td><td></td><td>10</td><td>9</td></tr></table>"
	doc, err := html.Read(strings.NewReader(src), "subheader.html")
	if err != nil {
		t.Fatal(err)
	}
	ev := ExtractAll(doc)[0].Eval
	if len(ev.Indicators) != 1 {
		t.Fatalf("%d indicators, want 1: %+v", len(ev.Indicators), ev.Indicators)
	}
	in := ev.Indicators[0]
	if in.Target.Raw != "=72890" || in.Actual.Raw != "72890" || in.Unit != "元" || in.Weight.Text != "10" || in.Score.Text != "9" {
		t.Errorf("target %q actual %q unit %q weight %q score %q, want =72890 72890 元 10 9 (the figures as printed, the unit apart)", in.Target.Raw, in.Actual.Raw, in.Unit, in.Weight.Text, in.Score.Text)
	}
}
