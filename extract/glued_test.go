package extract

import (
	"strings"
	"testing"

	"jixiao/importer/text"
)

// gluedHead is a budget header and its total row run together, as
// sharing sites copy a .docx table.
const gluedHead = "项目名称水标尺项目主管部门某县水利局实施单位某县水利局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:"

// cqHead and cqInd are 重庆's 部门整体 header and indicator header, as an
// OCR'd preview runs them together (garbled as it has them).
const (
	cqHead = "部门整体绩效自评表主管部门财政处室自评总分(分)97.6部门预算执行情况相)预资5年初预算数全年(If整)预算数全年执行数执行率(%)执行率权重执行率得分(分)"
	cqInd  = "指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
)

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
		{"figures under a budget header with no row label, the amounts lost: the total row, amounts unread",
			cqHead + "O76%107.6" + cqInd + "政府采购执行率%100%72.74%100%22是",
			[]string{strings.Repeat(unreadMark+"|", 3) + "76%|10|7.6"}},
		{"an empty 调整指标值 and a 得分系数 that must give the score",
			cqHead + "O76%107.6" + cqInd + "政府采购执行率%100%72.74%100%22是预算调整率%3%0100%22否“三公经费变动率%100%22否",
			[]string{"政府采购执行率|%||100%||72.74%|100%|2|2|是", "预算调整率|%||3%||0|100%|2|2|否", "“三公经费变动率|%|||||100%|2|2|否"}},
		{"words run into the name are taken back out",
			cqHead + "O76%107.6" + cqInd + "管理制度健全性性标定指高高100%33否党性教育培训次数次26次12次100%55是",
			[]string{"管理制度健全性||性标定指|高||高|100%|3|3|否", "党性教育培训次数|次||26次||12次|100%|5|5|是"}},
		{"a target's words run into the name after the unit start the target, or are it",
			cqHead + "O76%107.6" + cqInd + "组织宣传活动次数次到0次43次100%1010是制作宣传品数量份第O份20份100%55否播发稿件数量篇2200篇2859篇100%1010是",
			[]string{"组织宣传活动次数|次||到0次||43次|100%|10|10|是", "制作宣传品数量|份||第O份||20份|100%|5|5|否"}},
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
			all := rowsText(rows)
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
	f.Add(cqHead + "O76%107.6" + cqInd + "政府采购执行率%100%72.74%100%22是管理制度健全性性标定指高高100%33否党性教育培训次数次26次12次100%55是公共服务")
	f.Add(cqHead + "O76%107.6" + cqInd + "组织宣传活动次数次到0次43次100%1010是制作宣传品数量份第O份20份100%55否")
	f.Add(jxHead + "管理指标10预算执行管理完成率100%按规定执行44政府采购管理执行率100%100%66出标产指7时效指标任务1:文书及时率按规定时限43个别人未及时完成任务2:档案更新率按规定时限32录入有延迟满意度指标")
	// the comparison-led targets, change-word actuals and 管理 二级 names
	f.Add(jxHead + "管理指标13部门结转结余资金管理结余率小于5%达成目标值44资产管理安全性、利用率无资产损失、利用率高于80%达成目标55" +
		"产出指标10数量指标任务1:门诊住院人次增加增372人次55效果指标13经济效益指标业务收入超上年度增收27万元1313满意度指标")
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

func TestPreviewPagesJoined(t *testing.T) {
	// the pages cut a figure in two ("10" / "0%"): read apart, neither
	// line is a table
	src := "《x.docx》由会员分享\n1、" + cqHead + "O76%107.6" + cqInd + "政府采购执行率%1\n2、00%72.74%100%22是预算调整率%3%0100%22否\n"
	doc, err := text.Read(strings.NewReader(src), "preview.txt")
	if err != nil {
		t.Fatal(err)
	}
	tabs := ExtractAll(doc)
	if len(tabs) != 1 {
		t.Fatalf("%d tables", len(tabs))
	}
	ev := tabs[0].Eval
	if ev.StatedTotal.Text != "97.6" || ev.Budget.Rate.Text != "76%" || ev.Budget.FullYear.Stated() {
		t.Errorf("total %q, rate %q, full year %q", ev.StatedTotal.Text, ev.Budget.Rate.Text, ev.Budget.FullYear.Text)
	}
	if _, ok := ev.NotRead("budget.全年预算数"); !ok {
		t.Error("the lost 全年预算数 is not listed as unread")
	}
	var got []string
	for _, in := range ev.Indicators {
		got = append(got, in.Name+" "+in.Target.Text()+" "+in.Actual.Text()+" "+in.Weight.Text+" "+in.Score.Text)
	}
	want := []string{"政府采购执行率 100% 72.74% 2 2", "预算调整率 3% 0% 2 2"} // (the 计量单位 joined to a bare number)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("indicators %q, want %q", got, want)
	}
}

func TestScrambledLabel(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"年成值全完值", colActual},
		{"值标指度年", colTarget},
		{"得分", ""}, // too short to tell
		{"财政供养人员控制率", ""},
	}
	for _, tt := range tests {
		got, ok := scrambledLabel(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("scrambledLabel(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// rowsText is deglued rows as the tests write them: a row per line, its
// cells between '|'.
func rowsText(rows [][]gcut) string {
	var got []string
	for _, r := range rows {
		var cs []string
		for _, c := range r {
			cs = append(cs, c.text)
		}
		got = append(got, strings.Join(cs, "|"))
	}
	return strings.Join(got, "\n")
}
