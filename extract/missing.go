package extract

import (
	"strconv"

	"jixiao"
)

// missing lists what the table's reading looked for and did not find, for
// Evaluation.Missing: a block whose header or main row was not seen, a
// column its header does not have. A cell that is there but empty is
// stated empty and is not listed.
func (x *extractor) missing() []jixiao.Missing {
	if !x.found {
		return []jixiao.Missing{{Path: "table", Reason: "未在文档中找到自评表（未识别到预算或绩效指标表头）"}}
	}
	out := append([]jixiao.Missing(nil), x.unread...)
	switch {
	case !x.budgetSeen:
		out = append(out, jixiao.Missing{Path: "budget", Reason: "未读到预算执行情况表"})
	case !x.budgetRead:
		out = append(out, jixiao.Missing{Path: "budget", Reason: "未读到年度资金总额一行"})
	default:
		// A template may have no 全年执行数 or 年初预算数 column, and then the
		// table states none (a rate stated without its 全年执行数 is the
		// document's fault); every template has a 全年预算数, and a budget
		// 分值 when its indicators' weights add up to 100 with it.
		for _, key := range [...]string{colFullYear, colWeight} {
			if _, ok := x.budgetHdr.col(key); !ok {
				out = append(out, jixiao.Missing{Path: "budget." + key, Reason: "预算表中没有“" + key + "”一栏"})
			}
		}
	}
	if why := misaligned(&x.ev.Budget); why != "" && x.budgetRead {
		out = append(out, jixiao.Missing{Path: "budget", Reason: why})
	}
	switch {
	case !x.indSeen:
		out = append(out, jixiao.Missing{Path: "indicators", Reason: "未读到绩效指标表"})
	case len(x.ev.Indicators) == 0:
		out = append(out, jixiao.Missing{Path: "indicators", Reason: "绩效指标表中未读到任何指标"})
	default:
		for _, k := range [...]icol{iWeight, iScore} {
			if x.indAt[k] < 0 {
				out = append(out, jixiao.Missing{Path: "indicators." + icolNames[k], Reason: "绩效指标表中没有“" + icolNames[k] + "”一栏"})
			}
		}
	}
	if n := len(x.ev.Indicators); n > 0 && !x.indClosed {
		// the copy ends inside the indicator list: its last row is a name
		// with no figure, and no 合计 or 总分 row follows
		if last := &x.ev.Indicators[n-1]; !last.Weight.Stated() && !last.Score.Stated() && !last.Target.Stated() && !last.Actual.Stated() {
			out = append(out, jixiao.Missing{Path: "indicators[", Reason: "指标表在“" + last.Name + "”一行中途结束，其后的指标未读到（原文在此截断）"},
				// the row itself was cut, not left empty: its figures are not read
				jixiao.Missing{Path: "indicators[" + strconv.Itoa(n-1) + "]", Reason: "原文在“" + last.Name + "”一行中途截断，该行各栏未读到"})
		}
	}
	for i := range x.ev.Indicators {
		// a row read against the wrong columns: its figures are not trusted,
		// nor any total over the rows
		switch in := &x.ev.Indicators[i]; {
		case notPoints(&in.Weight) || notPoints(&in.Score):
			out = append(out, jixiao.Missing{Path: "indicators[" + strconv.Itoa(i) + "]", Reason: "指标“" + in.Name + "”一行的分值或得分一栏读到的不是分数（各栏无法按表头对齐）"})
		case in.Target.Raw == unreadMark || in.Actual.Raw == unreadMark:
			// the words of the name, target and actual run together and
			// could not be cut: nothing is judged on the row's values
			out = append(out, jixiao.Missing{Path: "indicators[" + strconv.Itoa(i) + "]", Reason: "指标“" + in.Name + "”一行的名称、年度指标值与实际完成值粘连，无法拆分"})
		}
	}
	if !x.totalRead {
		out = append(out, jixiao.Missing{Path: "total", Reason: "未读到总分一行"})
	}
	return out
}

// misaligned says why the budget row's figures cannot be what their
// columns say, when they cannot: an amount, 分值 or 得分 read as a
// percentage, a rate or an amount read as words. The row was then read
// against the wrong columns, and none of its figures is trusted.
func misaligned(b *jixiao.Budget) string {
	for _, f := range [...]*jixiao.Figure{&b.Initial, &b.FullYear, &b.Executed, &b.Weight, &b.Score} {
		if f.Valid && f.Percent {
			return "预算执行情况各栏无法按表头对齐（金额、分值或得分一栏读到百分比 " + f.Text + "）"
		}
	}
	for _, f := range [...]*jixiao.Figure{&b.Initial, &b.FullYear, &b.Executed, &b.Rate, &b.Weight, &b.Score} {
		if f.Text == unreadMark || f.Stated() && !f.Valid && hasHan(f.Text) && !isValueText(f.Text) {
			return "预算执行情况各栏无法按表头对齐（数字一栏读到文字“" + f.Text + "”）"
		}
	}
	return ""
}

// notPoints reports a weight or score that is not points: a percentage,
// or words.
func notPoints(w *jixiao.Figure) bool {
	return w.Valid && w.Percent || w.Text == unreadMark || w.Stated() && !w.Valid && hasHan(w.Text) && !isValueText(w.Text)
}
