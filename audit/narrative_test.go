package audit

import (
	"math/rand/v2"
	"strings"
	"testing"

	"jixiao/notation"

	"jixiao"
)

var narrativeCases = []auditCase{
	{name: "share right", code: "N-SHARE", found: false},
	{name: "share wrong", code: "N-SHARE", found: true, sev: jixiao.SevError, stated: "44.00%", want: "40.00%",
		report: replace("占本年支出40.00%", "占本年支出44.00%")},
	{name: "share of an unnamed whole", code: "N-SHARE", found: true, sev: jixiao.SevWarning, stated: "45%", want: "40.00%",
		report: replace("项目支出38.00万元，占本年支出40.00%", "项目支出38.00万元，占全部支出45%")},
	{name: "all shares of a wrong whole", code: "N-SHARE", found: true, sev: jixiao.SevError, stated: "85.00万元", want: "≈95.00万元",
		report: replace("2024年本年支出95.00万元", "2024年本年支出85.00万元")},

	{name: "shares sum to 100", code: "N-SHARES-SUM", found: false},
	{name: "shares over 100", code: "N-SHARES-SUM", found: true, sev: jixiao.SevError, stated: "104.00%", want: "100%",
		report: replace("占本年支出40.00%", "占本年支出44%")},

	{name: "parts make the whole", code: "N-PARTS-SUM", found: false},
	{name: "basic and project short of the whole", code: "N-PARTS-SUM", found: true, sev: jixiao.SevError, stated: "87.00万元", want: "95.00万元",
		report: replace("项目支出38.00万元，占本年支出40.00%", "项目支出30.00万元")},

	// the table's goal texts are read as the report is (testdata/real/anhui-guichi-txz-2022-2 as .docx)
	{name: "a goal text's list short of its whole", code: "N-PARTS-SUM", found: true, sev: jixiao.SevWarning, stated: "1740000元", want: "2026400元",
		eval: func(ev *jixiao.Evaluation) {
			ev.Goal.Expected = "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会工资28000元,村级事务补助960000元,村级工作目标奖励100000元。"
			ev.Goal.Actual = "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会工资28000元,村级事务补助660000元,村级工作目标奖励50000元。"
		}},
	{name: "planned and done in the goal texts are no conflict", code: "N-CONFLICT", found: false,
		eval: func(ev *jixiao.Evaluation) {
			ev.Goal.Expected = "本项目共申请预算资金2026400元,其中村级组织运转400000元,村级事务补助960000元。"
			ev.Goal.Actual = "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村级事务补助660000元。"
		}},
	{name: "rate right", code: "N-RATE", found: false},
	{name: "rate wrong", code: "N-RATE", found: true, sev: jixiao.SevError, stated: "59.00%", want: "95.00%",
		report: replace("预算执行率95.00%", "预算执行率59.00%")},

	{name: "growth not stated", code: "N-GROWTH", found: false},
	{name: "growth wrong", code: "N-GROWTH", found: true, sev: jixiao.SevError, stated: "20%", want: "25.00%",
		report: replace("本局在职人员20人。", "本年支出100.00万元，上年支出80.00万元，比上年增长20%。")},

	{name: "no conflict", code: "N-CONFLICT", found: false},
	{name: "one quantity, two values", code: "N-CONFLICT", found: true, sev: jixiao.SevError, stated: "95.00万元", want: "99.00万元",
		report: replace("二、一般公共预算支出情况\n", "二、一般公共预算支出情况\n2024年本年支出99.00万元。\n")},
	{name: "one quantity, two values in two sections", code: "N-CONFLICT", found: true, sev: jixiao.SevWarning, stated: "99.00万元", want: "95.00万元",
		report: replace("预算编制不够精准。", "预算编制不够精准。\n2024年本年支出99.00万元。")},

	{name: "table and text agree", code: "N-TABLE-MISMATCH", found: false},
	{name: "split differs from the text", code: "N-TABLE-MISMATCH", found: true, sev: jixiao.SevError, stated: "60.00万元", want: "57.00万元",
		eval: func(ev *jixiao.Evaluation) {
			ev.Budget.Splits[0].Rows[0].Executed = notation.ParseFigure("60.00")
			ev.Budget.Splits[0].Rows[1].Executed = notation.ParseFigure("35.00")
		}},
	{name: "a budget split differs from the spending: not the same total", code: "N-TABLE-MISMATCH", found: false,
		eval: func(ev *jixiao.Evaluation) {
			ev.Budget.Splits[0].Rows[0].FullYear = notation.ParseFigure("70.00")
			ev.Budget.Splits[0].Rows[1].FullYear = notation.ParseFigure("30.00")
		}},
	{name: "executed differs from the final account", code: "N-TABLE-MISMATCH", found: true, sev: jixiao.SevError, stated: "90.00万元", want: "95.00万元",
		eval: func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score = notation.ParseFigure("90.00"), notation.ParseFigure("90.00%"), notation.ParseFigure("9.00")
			ev.Indicators[0].Score = notation.ParseFigure("50")
			ev.StatedTotal = notation.ParseFigure("99.00")
		},
		report: replace("部门整体支出绩效得分99.50分", "部门整体支出绩效得分99.00分")},
	{name: "rate without executed contradicts the text", code: "N-TABLE-MISMATCH", found: true, sev: jixiao.SevError, stated: "61.23%", want: "95.00%",
		eval: func(ev *jixiao.Evaluation) {
			ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score = jixiao.Figure{}, notation.ParseFigure("61.23%"), notation.ParseFigure("6.12")
			ev.StatedTotal = notation.ParseFigure("96.12")
		},
		report: replace("部门整体支出绩效得分99.50分", "部门整体支出绩效得分96.12分")},
	{name: "score differs from the total", code: "N-TABLE-MISMATCH", found: true, sev: jixiao.SevError, stated: "99.50", want: "96.12分",
		report: replace("部门整体支出绩效得分99.50分", "部门整体支出绩效得分96.12分")},
	// jixiao's own report states the indicators' score before the total (issue 14)
	{name: "the indicators' score is a part of the total", code: "N-TABLE-MISMATCH", found: false,
		report: replace("部门整体支出绩效得分99.50分。", "绩效指标得分90.00分（分值90分），加预算执行率得分9.50分，自评总分99.50分。")},
	{name: "a level's score is a part of the total", code: "N-TABLE-MISMATCH", found: false,
		report: replace("部门整体支出绩效得分99.50分。", "产出指标得分49.50分，效益指标得分30分，满意度指标得分10分，部门整体支出绩效得分99.50分。")},
	{name: "the total after the indicators' score still differs", code: "N-TABLE-MISMATCH", found: true, sev: jixiao.SevError, stated: "99.50", want: "96.12分",
		report: replace("部门整体支出绩效得分99.50分。", "绩效指标得分90.00分（分值90分），自评总分96.12分。")},

	{name: "a document received in its year", code: "N-DATE-BEFORE-DOCUMENT", found: false,
		report: replace("预算编制不够精准。", "预算编制不够精准。2024年3月5日，我局收到《关于下达2024年法律援助补助资金的通知》（湘财行指〔2024〕12号）。")},
	{name: "a document received before its year", code: "N-DATE-BEFORE-DOCUMENT", found: true, sev: jixiao.SevError, stated: "2014年3月5日", want: "不早于 2024 年（如 2024年3月5日）",
		report: replace("预算编制不够精准。", "预算编制不够精准。2014年3月5日，我局收到《关于下达2024年法律援助补助资金的通知》（湘财行指〔2024〕12号）。")},
	{name: "high execution needs no reason", code: "N-EXEC-REASON", found: false,
		report: replace("，未执行部分主要原因是项目结转", "")},
	{name: "low execution explained", code: "N-EXEC-REASON", found: false,
		eval:   lowExecution,
		report: replace("决算数为95.00万元，预算执行率95.00%", "决算数为61.00万元，预算执行率61.00%")},
	{name: "low execution unexplained", code: "N-EXEC-REASON", found: true, sev: jixiao.SevWarning, stated: "61.00%",
		eval:   lowExecution,
		report: replace("决算数为95.00万元，预算执行率95.00%，未执行部分主要原因是项目结转", "决算数为61.00万元，预算执行率61.00%")},
	{name: "low execution in a table without a report", code: "N-EXEC-REASON", found: false,
		eval: lowExecution,
		report: func(string) string {
			return "绩效目标：落实各项就业创业扶持政策，做好各项就业工作。"
		}},
	{name: "low execution unexplained where required", code: "N-EXEC-REASON", found: true, sev: jixiao.SevError, stated: "61.00%",
		eval:   lowExecution,
		rules:  func(rs *jixiao.RuleSet) { rs.Deviation.ExecutionRequired = true },
		report: replace("决算数为95.00万元，预算执行率95.00%，未执行部分主要原因是项目结转", "决算数为61.00万元，预算执行率61.00%")},
}

// lowExecution makes the table's execution 61%.
func lowExecution(ev *jixiao.Evaluation) {
	ev.Budget.Executed, ev.Budget.Rate, ev.Budget.Score = notation.ParseFigure("61.00"), notation.ParseFigure("61.00%"), notation.ParseFigure("6.10")
	ev.StatedTotal = notation.ParseFigure("96.10")
}

func TestNarrative(t *testing.T) { runCases(t, narrativeCases) }

// TestNarrativeGoals checks that the goal texts are read once: after the
// report's paragraphs, unless a paragraph holds them already (a table
// copied as text keeps its cells among the paragraphs).
func TestNarrativeGoals(t *testing.T) {
	for _, c := range []struct {
		name, expected, actual string
		want                   int // goal paragraphs read
	}{
		{"both goal texts", "本项目共申请预算资金2026400元。", "本项目共完成预算资金1329120.67元。", 2},
		{"a goal text among the report's paragraphs", "2024年本年支出95.00万元", "本项目共完成预算资金1329120.67元。", 1},
		{"empty goal texts", "", " ", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			ev := baseEval()
			ev.Goal = jixiao.Goal{Expected: c.expected, Actual: c.actual}
			rt := readReport(readDoc(t, baseReport), nil)
			defer rt.release()
			n := readNarrative(&Input{Eval: ev}, rt)
			if len(n.goals) != c.want || len(n.set.Paras) != len(rt.paras)+c.want {
				t.Errorf("read %d goal paragraphs (%d in all for %d of the report), want %d", len(n.goals), len(n.set.Paras), len(rt.paras), c.want)
			}
		})
	}
}

// TestWordSet checks the one-pass word search against strings.Contains,
// on text around the words, cut mid-rune, and with bytes that are not
// UTF-8.
func TestWordSet(t *testing.T) {
	words := []string{"执行率", "结余", "因", "a值"}
	ws := newWordSet(words...)
	pieces := []string{"执行", "率", "结", "余", "因为", "a", "值", "，", "。", "x", "\xe6", "\xe6\x89", "\xff", "\ufffd", "𠀀", "é"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := ws.in(s), hasAnyWord(s, words); got != want {
			t.Fatalf("in(%q) = %v, strings.Contains says %v", s, got, want)
		}
	}
}

// TestExcerpt checks the byte-cutting excerpt against cutting a []rune.
func TestExcerpt(t *testing.T) {
	texts := []string{
		"",
		"短句。",
		strings.Repeat("预算执行率为61.23%，", 20),
		"开头" + strings.Repeat("字", 300) + "焦点" + strings.Repeat("尾", 300),
		"ascii only " + strings.Repeat("x", 250),
	}
	for _, s := range texts {
		for _, focus := range []string{"", "焦点", "61.23%", "没有", "x"} {
			for _, n := range []int{1, 10, 30, 120, 1000} {
				if got, want := excerpt(s, focus, n), excerptRunes(s, focus, n); got != want {
					t.Errorf("excerpt(%.20q…, %q, %d) = %q, want %q", s, focus, n, got, want)
				}
			}
		}
	}
}

func TestWordSetFindsKinds(t *testing.T) {
	u := unionWordSets(newWordSet("执行率", "结余"), newWordSet("问卷", "执行"))
	for _, c := range []struct {
		text string
		want uint8
	}{
		{"", 0}, {"没有相关内容", 0}, {"预算执行率为 90%", 3}, {"开展了问卷调查", 2}, {"资金结余", 1}, {"执行中", 2},
	} {
		if got := u.find(c.text, 3); got != c.want {
			t.Errorf("find(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
