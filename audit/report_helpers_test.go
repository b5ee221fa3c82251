package audit

import (
	"strings"
	"testing"

	"jixiao"
	"jixiao/importer/text"
	"jixiao/notation"
	"jixiao/rules"
)

// baseEval is a clean 部门整体 evaluation: every table check passes on it.
func baseEval() *jixiao.Evaluation {
	f := notation.ParseFigure
	v := notation.ParseValue
	return &jixiao.Evaluation{
		Kind: jixiao.KindDepartment, Unit: "某县司法局", Year: 2024,
		Budget: jixiao.Budget{
			Request: f("100.00"), Initial: f("100.00"), FullYear: f("100.00"), Executed: f("95.00"),
			Weight: f("10"), Rate: f("95.00%"), Score: f("9.50"),
			Splits: []jixiao.BudgetSplit{{Name: "按支出性质分", Rows: []jixiao.BudgetRow{
				{Name: "基本支出", FullYear: f("60.00"), Executed: f("57.00")}, {Name: "项目支出", FullYear: f("40.00"), Executed: f("38.00")},
			}}},
		},
		Goal: jixiao.Goal{Expected: "办理法律援助案件300件", Actual: "办理法律援助案件320件"},
		Indicators: []jixiao.Indicator{
			{Level1: "产出指标", Level2: "数量指标", Name: "法律援助案件办结数", Target: v("≥300件"), Actual: v("320件"), Weight: f("50"), Score: f("50")},
			{Level1: "效益指标", Level2: "社会效益指标", Name: "群众法治意识", Target: v("有效提升"), Actual: v("有效提升"), Weight: f("30"), Score: f("30")},
			{Level1: "满意度指标", Level2: "服务对象满意度指标", Name: "受援群众满意度", Target: v("≥90%"), Actual: v("95%"), Weight: f("10"), Score: f("10")},
		},
		StatedTotal: f("99.50"),
	}
}

// baseReport is a clean report for baseEval, one block per line.
const baseReport = `某县司法局2024年度部门整体支出绩效自评报告
根据有关规定，我局对2024年度部门整体支出进行了绩效自评。
一、部门基本情况
本局在职人员20人。
二、一般公共预算支出情况
2024年本年支出95.00万元，按支出性质分类，基本支出57.00万元，占本年支出60.00%；项目支出38.00万元，占本年支出40.00%。
三、部门整体支出绩效情况
2024年度部门全年预算数为100.00万元，决算数为95.00万元，预算执行率95.00%，未执行部分主要原因是项目结转。
部门整体支出绩效得分99.50分。经问卷调查，受援群众满意度为95%。
四、存在的问题及原因分析
预算编制不够精准。
五、下一步改进措施
加强预算管理。
六、绩效自评结果拟应用和公开情况
自评结果随部门决算公开。`

// readDoc imports text as the text importer would a file.
func readDoc(t testing.TB, s string) *jixiao.Document {
	t.Helper()
	doc, err := text.Read(strings.NewReader(s), "case.txt")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// auditCase is one expectation: after changing the base evaluation and
// report, code is (or is not) among the findings.
type auditCase struct {
	name   string
	eval   func(*jixiao.Evaluation)
	report func(string) string
	rules  func(*jixiao.RuleSet)
	noDoc  bool
	code   string
	found  bool
	sev    jixiao.Severity // when found
	stated string          // when found and not empty
	want   string          // expected figure, when found and not empty
}

func runCases(t *testing.T, cases []auditCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := rules.MustLoad("hunan")
			if c.rules != nil {
				c.rules(rs)
			}
			ev := baseEval()
			if c.eval != nil {
				c.eval(ev)
			}
			rep := baseReport
			if c.report != nil {
				rep = c.report(rep)
			}
			in := Input{Eval: ev, Rules: rs}
			if !c.noDoc {
				in.Doc = readDoc(t, rep)
			}
			fs := Check(in)
			var hit *jixiao.Finding
			for i := range fs {
				if fs[i].Code == c.code {
					hit = &fs[i]
					break
				}
			}
			switch {
			case c.found && hit == nil:
				t.Fatalf("%s not found; findings:\n%s", c.code, dumpFindings(fs))
			case !c.found && hit != nil:
				t.Fatalf("%s found but not expected: %+v", c.code, *hit)
			case hit == nil:
				return
			}
			if hit.Severity != c.sev {
				t.Errorf("%s severity = %s, want %s (%s)", c.code, hit.Severity, c.sev, hit.Message)
			}
			if c.stated != "" && hit.Stated != c.stated {
				t.Errorf("%s stated = %q, want %q", c.code, hit.Stated, c.stated)
			}
			if c.want != "" && hit.Expected != c.want {
				t.Errorf("%s expected = %q, want %q", c.code, hit.Expected, c.want)
			}
		})
	}
}

func dumpFindings(fs []jixiao.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(string(f.Severity) + " " + f.Code + " " + f.Message + " [" + f.Stated + " → " + f.Expected + "]\n")
	}
	return b.String()
}

// TestBaseIsClean guards the fixtures: the base evaluation and report raise
// nothing, so every case below tests one change.
func TestBaseIsClean(t *testing.T) {
	fs := Check(Input{Eval: baseEval(), Doc: readDoc(t, baseReport), Rules: rules.MustLoad("hunan")})
	if len(fs) != 0 {
		t.Fatalf("base raises findings:\n%s", dumpFindings(fs))
	}
}

// replace returns a report edit replacing old by new, failing loudly when
// old is absent so that a fixture change cannot make a case vacuous.
func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("fixture lacks " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}
