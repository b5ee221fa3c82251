package audit

import (
	"strconv"
	"strings"

	"jixiao"
)

// Not read is not blank. An imported table lists in Evaluation.Missing
// what its reader looked for and did not find; a check that judged such a
// figure would judge the reader, not the document. gateUnread is the one
// place that enforces it: every finding passes through it on its way into
// the collector, and a finding that rests on a figure the reader did not
// find becomes an I-UNREAD warning saying what could not be read, however
// severe the check thought it was. Checks themselves stay unaware of it.
func gateUnread(ev *jixiao.Evaluation, f jixiao.Finding) jixiao.Finding {
	if ev == nil || len(ev.Missing) == 0 || f.Severity == jixiao.SevInfo || f.Code == codeUnread {
		return f
	}
	for _, p := range restsOn(f) {
		if m, ok := ev.NotRead(p); ok {
			return jixiao.Finding{
				Code: codeUnread, Severity: jixiao.SevWarning,
				Message:  "未能从文档中读出" + describePath(m.Path) + "（" + m.Reason + "），未作核对：" + f.Message,
				Stated:   f.Stated,
				Evidence: f.Code,
				Location: f.Location,
			}
		}
	}
	return f
}

// codeUnread is the code of a finding the gate turned into a note on what
// could not be read.
const codeUnread = "I-UNREAD"

// restsOn lists the field paths a finding's figures come from: its own
// block and column, and for the findings that add up a whole block, the
// blocks they add.
func restsOn(f jixiao.Finding) []string {
	l := f.Location
	if f.Code == "Q-INFLATED" {
		// a high total against a low 执行率: the total as stated (a header's
		// 自评总分 over a cut indicator list) or as the rows read give it,
		// which unread rows only lower
		return []string{"total", "budget.执行率"}
	}
	var out []string
	switch l.Block {
	case "budget", "indicators", "goal":
		out = append(out, l.Block)
		if l.Column != "" {
			out = append(out, l.Block+"."+l.Column)
		}
		if l.Block == "indicators" && l.Row > 0 {
			out = append(out, "indicators["+strconv.Itoa(l.Row-1)+"]")
		}
	case "total":
		// the total adds every row
		out = append(out, "total", "indicators", "indicators.得分", "indicators[", "budget.得分")
		if f.Code != "T-TOTAL-IMPLIED" {
			// (a total over weights proven from the scores rests on no 分值 read)
			out = append(out, "indicators.分值", "budget.分值")
		}
	case "report":
		if f.Code == "N-TABLE-MISMATCH" || f.Code == "N-EXEC-REASON" {
			out = append(out, "table")
		}
	default:
		if strings.HasPrefix(f.Code, "T-") {
			out = append(out, "table")
		}
	}
	switch {
	case f.Code == "T-WEIGHT-TOTAL":
		// weights add up only over a whole table: one cut before its
		// total (a page or an excerpt ending) has rows not read
		out = append(out, "budget", "budget.分值", "indicators.分值", "indicators[", "total")
	case f.Code == "T-LEVEL1-MISSING" || f.Code == "T-WEIGHT-LEVEL1":
		out = append(out, "total", "indicators[")
	case l.Block == "budget" && l.Column == "得分":
		// the execution score is 分值 × 执行率: without the 分值 read, the
		// rule set's weight would be set against the table's own
		out = append(out, "budget.全年预算数", "budget.分值")
	case l.Block == "budget":
		out = append(out, "budget.全年预算数") // the denominator of every execution check
	}
	return out
}

// describePath names a Missing path for the user.
func describePath(p string) string {
	switch p {
	case "table":
		return "自评表"
	case "budget":
		return "预算执行情况"
	case "indicators":
		return "绩效指标"
	case "total":
		return "总分"
	case "goal":
		return "年度总体目标"
	}
	if strings.HasPrefix(p, "indicators[") {
		return "绩效指标第 " + strings.TrimSuffix(strings.TrimPrefix(p, "indicators["), "]") + " 项（从 0 起）"
	}
	if block, col, ok := strings.Cut(p, "."); ok {
		return describePath(block) + "的“" + col + "”一栏"
	}
	return p
}
