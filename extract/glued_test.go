package extract

import (
	"strings"
	"testing"
)

// gluedHead is a budget header and its total row run together, as
// sharing sites copy a .docx table.
const gluedHead = "项目名称水标尺项目主管部门某县水利局实施单位某县水利局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:"

func TestDeglue(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // rows, cells joined by '|'; nil: not a glued table
	}{
		{"budget total split by its own arithmetic",
			gluedHead + "202010100.00%10其中:本年财政拨款2020其他资金",
			[]string{"年度资金总额:|20|20|10|100.00%|10", "其中:本年财政拨款|20|20", "其他资金"}},
		{"a total row that does not add up is not read",
			gluedHead + "20201090.00%10绩效指标三级指标分值年度指标值全年实际值得分条件改善10显著提升显著提升10",
			[]string{"年度资金总额:|" + strings.Repeat(unreadMark+"|", 4) + unreadMark}},
		{"indicator rows split by units, percent signs and the weight bound",
			gluedHead + "202010100.00%10绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(70分)数量指标安装水标尺10≥266米≥266米10质量指标验收合格率20100%100%20总分100100",
			[]string{"产出指标(70分)|数量指标|安装水标尺|10|≥266米|≥266米|10", "质量指标|验收合格率|20|100%|100%|20", "总分|100|100"}},
		{"a row with two cuttings is not read",
			gluedHead + "202010100.00%10绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标数量指标某项工作55112总分100100",
			[]string{"产出指标|数量指标|某项工作|" + strings.Repeat(unreadMark+"|", 3) + unreadMark}},
		{"words written twice are the target and the actual",
			gluedHead + "202010100.00%10绩效指标三级指标分值年度指标值全年实际值得分条件改善10显著提升显著提升10",
			[]string{"条件改善|10|显著提升|显著提升|10"}},
		{"a short line is left alone", "年度资金总额:202010100.00%10", nil},
		{"labels with no figure split are no table", strings.Repeat("三级指标年度指标值全年预算数说明文字", 4), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, ok := deglue(tt.text)
			if tt.want == nil {
				if ok {
					t.Fatalf("deglued %q into %v", tt.text, rows)
				}
				return
			}
			if !ok {
				t.Fatalf("not deglued: %q", tt.text)
			}
			var got []string
			for _, r := range rows {
				var cs []string
				for _, c := range r {
					cs = append(cs, c.text)
				}
				got = append(got, strings.Join(cs, "|"))
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains("\n"+all+"\n", "\n"+w+"\n") {
					t.Errorf("row %q not found in\n%s", w, all)
				}
			}
		})
	}
}

// FuzzDeglue: any text is split without a panic, every cell is a part of
// the text or an unread mark, and every cut lies inside the text.
func FuzzDeglue(f *testing.F) {
	f.Add(gluedHead + "202010100.00%10其中:本年财政拨款2020其他资金")
	f.Add(gluedHead + "202010100.00%10绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(70分)数量指标安装水标尺10≥266米≥266米10总分100100")
	f.Add(gluedHead + strings.Repeat("1", 70) + "绩效指标三级指标分值年度指标值得分" + strings.Repeat("1", 200))
	f.Fuzz(func(t *testing.T, s string) {
		rows, ok := deglue(s)
		if !ok {
			return
		}
		for _, r := range rows {
			for _, c := range r {
				if c.off < 0 || c.off > len(s) {
					t.Fatalf("cell %q at %d outside the text", c.text, c.off)
				}
				if c.text != unreadMark && !strings.Contains(s, c.text) {
					t.Fatalf("cell %q is not in the text", c.text)
				}
			}
		}
	})
}
