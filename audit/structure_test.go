package audit

import (
	"testing"

	"jixiao"
)

var structureCases = []auditCase{
	{name: "numbering continuous", code: "S-NUMBER-GAP", found: false},
	{name: "first level skips", code: "S-NUMBER-GAP", found: true, sev: jixiao.SevError, stated: "五、", want: "四、",
		report: replace("四、存在的问题及原因分析\n预算编制不够精准。\n", "")},
	{name: "lower level skips", code: "S-NUMBER-GAP", found: true, sev: jixiao.SevError, stated: "3、", want: "2、",
		report: replace("本局在职人员20人。", "1、机构情况\n内设3个股室。\n3、人员情况\n本局在职人员20人。")},
	{name: "lists restart under each parent", code: "S-NUMBER-GAP", found: false,
		report: func(s string) string {
			s = replace("本局在职人员20人。", "（1）内设3个股室。\n（2）本局在职人员20人。")(s)
			return replace("预算编制不够精准。", "（1）预算编制不够精准。\n（2）绩效目标不够细化。")(s)
		}},

	{name: "no repeat", code: "S-NUMBER-REPEAT", found: false},
	{name: "a repeat is not also a gap", code: "S-NUMBER-GAP", found: false,
		report: replace("三、部门整体支出绩效情况", "二、部门整体支出绩效情况")},
	{name: "number repeated", code: "S-NUMBER-REPEAT", found: true, sev: jixiao.SevError, stated: "二、", want: "三、",
		report: replace("三、部门整体支出绩效情况", "二、部门整体支出绩效情况")},

	{name: "list starts at one", code: "S-NUMBER-START", found: false},
	{name: "list starts at two", code: "S-NUMBER-START", found: true, sev: jixiao.SevWarning, stated: "2、", want: "1、",
		report: replace("本局在职人员20人。", "2、人员情况\n本局在职人员20人。")},

	{name: "all sections numbered", code: "S-SECTION-UNNUMBERED", found: false},
	{name: "a section unnumbered", code: "S-SECTION-UNNUMBERED", found: true, sev: jixiao.SevWarning, stated: "存在的问题及原因分析",
		report: replace("四、存在的问题及原因分析", "存在的问题及原因分析")},

	{name: "all required sections", code: "S-SECTION-MISSING", found: false},
	{name: "required section absent", code: "S-SECTION-MISSING", found: true, sev: jixiao.SevWarning, want: "下一步改进措施",
		report: replace("五、下一步改进措施\n加强预算管理。\n六、", "五、")},
	{name: "no report, no section check", code: "S-SECTION-MISSING", found: false,
		report: func(string) string { return "某县司法局自评说明\n本年度工作顺利。" }},

	{name: "sections in order", code: "S-SECTION-ORDER", found: false},
	{name: "sections out of order", code: "S-SECTION-ORDER", found: true, sev: jixiao.SevWarning, stated: "五、存在的问题及原因分析",
		report: func(s string) string {
			s = replace("四、存在的问题及原因分析", "四、下一步改进措施")(s)
			return replace("五、下一步改进措施", "五、存在的问题及原因分析")(s)
		}},

	{name: "fields filled", code: "S-FIELD-MISSING", found: false},
	{name: "budget request missing", code: "S-FIELD-MISSING", found: true, sev: jixiao.SevWarning, want: "年度预算申请",
		eval: func(ev *jixiao.Evaluation) { ev.Budget.Request = jixiao.Figure{} }},
	{name: "executed and rate missing", code: "S-FIELD-MISSING", found: true, sev: jixiao.SevError, want: "全年执行数",
		eval: func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate = jixiao.Figure{}, jixiao.Figure{}
		}},
	{name: "executed missing with a rate is T-EXEC-NO-EXECUTED's", code: "S-FIELD-MISSING", found: false,
		eval: func(ev *jixiao.Evaluation) { ev.Budget.Executed = jixiao.Figure{} }},
	{name: "goal actual missing", code: "S-FIELD-MISSING", found: true, sev: jixiao.SevWarning, want: "实际完成情况",
		eval: func(ev *jixiao.Evaluation) { ev.Goal.Actual = "" }},
}

func TestStructure(t *testing.T) { runCases(t, structureCases) }

func TestNumberingOfTheSample(t *testing.T) {
	doc := readDoc(t, "一、基本情况\n1、部门基本情况\n（1）职能一。\n（2）职能二。\n（一）内设机构设置。\n（二）决算单位构成。\n3、人员情况\n二、一般公共预算支出情况\n五、部门整体支出绩效情况\n存在的问题及原因分析\n七、下一步改进措施")
	var out findings
	checkNumbering(doc, readReport(doc, outlineOf(&jixiao.RuleSet{Outline: "hunan"})), &out)
	var got []string
	for _, f := range out.list() {
		got = append(got, f.Code+" "+f.Stated+" "+f.Expected+" "+f.Message)
	}
	want := []string{
		"S-NUMBER-GAP 3、 2、 编号从“1、”跳到“3、”，缺少“2、”",
		"S-NUMBER-GAP 五、 三、 编号从“二、”跳到“五、”，缺少“三、”“四、”",
		"S-NUMBER-GAP 七、 六、 编号从“五、”跳到“七、”，缺少“六、”（其间的“存在的问题及原因分析”未编号）",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings %q, want %q", len(got), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d = %q, want %q", i, got[i], want[i])
		}
	}
}
