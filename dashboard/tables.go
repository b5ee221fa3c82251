package dashboard

import (
	"strconv"

	"github.com/shopspring/decimal"

	"jixiao"
)

// Table is one aggregate as rows of text, for the table beside each chart
// on the page and for one sheet of the workbook: the same figures in both.
type Table struct {
	Key    string // stable name: "self_scores", "units", …
	Title  string // 中文 title, also the sheet name
	Header []string
	Rows   [][]Cell
}

// Cell is one figure or label. Num marks a number (a count, a mean) that
// a workbook stores as a number; shares are text ("30.00%").
type Cell struct {
	Text string
	Num  bool
}

func num(i int) Cell                 { return Cell{Text: strconv.Itoa(i), Num: true} }
func fixed(v decimal.Decimal) Cell   { return Cell{Text: v.StringFixed(2), Num: true} }
func text(s string) Cell             { return Cell{Text: s} }
func percent(v decimal.Decimal) Cell { return Cell{Text: Percent(v)} }

// Percent writes a fraction as a percentage of 2 places: 0.3 → "30.00%".
func Percent(v decimal.Decimal) string { return v.Shift(2).StringFixed(2) + "%" }

// FilingTable is the filing status of tasks.
func FilingTable(fs []Filing) Table {
	t := Table{Key: "filing", Title: "填报情况", Header: []string{"任务", "年度", "截止日期", "应交", "未开始", "已开始未提交", "已提交", "逾期", "迟交", "提交率"}}
	for _, f := range fs {
		t.Rows = append(t.Rows, []Cell{text(f.Task), num(f.Year), text(f.Deadline.Format("2006-01-02")), num(f.Obligations), num(f.Missing),
			num(f.Started), num(f.Delivered), num(f.Overdue), num(f.Late), percent(f.Delivery)})
	}
	return t
}

func bandTable(key, title, what string, bs []Band) Table {
	t := Table{Key: key, Title: title, Header: []string{what, "份数", "占比"}}
	for _, b := range bs {
		t.Rows = append(t.Rows, []Cell{text(b.Label), num(b.Count), percent(b.Share)})
	}
	return t
}

// Tables are the dashboard's aggregates, in the order the page shows them.
func (d *Dashboard) Tables() []Table {
	rates := bandTable("execution_rates", "执行率分布", "执行率", d.Rates.Bands)
	rates.Rows = append(rates.Rows, []Cell{text("未能计算"), num(d.Rates.Unknown), text("")})
	return []Table{
		bandTable("self_scores", "自评分分布", "自评分", d.SelfScores.Bands),
		bandTable("grades", "等级分布", "等级", d.Grades),
		rates,
		d.scoreByRateTable(),
		d.reviewTable(),
		bandTable("review_gaps", "复核差值分布", "复核得分 − 自评分", d.Review.Gaps.Bands),
		d.findingTable(),
		groupTable("departments", "主管部门", false, d.Departments),
		groupTable("units", "预算单位", true, d.Units),
	}
}

func (d *Dashboard) scoreByRateTable() Table {
	s := d.ScoreByRate
	t := Table{Key: "self_score_by_rate", Title: "自评分与执行率", Header: append([]string{"执行率", "份数", "平均自评分"}, prefixed("自评分 ", s.Scores)...)}
	for i, r := range s.Rates {
		mean := fixed(s.Mean[i])
		if s.N[i] == 0 {
			mean = text("—") // no evaluation: no mean, not a mean of 0
		}
		row := []Cell{text(r), num(s.N[i]), mean}
		for _, c := range s.Counts[i] {
			row = append(row, num(c))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (d *Dashboard) reviewTable() Table {
	r := d.Review
	t := Table{Key: "self_vs_review", Title: "自评分与复核得分", Header: append([]string{"自评分"}, prefixed("复核 ", r.Scores)...)}
	for i, s := range r.Scores {
		row := []Cell{text(s)}
		for _, c := range r.Counts[i] {
			row = append(row, num(c))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (d *Dashboard) findingTable() Table {
	t := Table{Key: "findings", Title: "常见问题", Header: []string{"代码", "级别", "份数", "次数", "占全部自评", "示例"}}
	for _, f := range d.Findings {
		t.Rows = append(t.Rows, []Cell{text(f.Code), text(jixiao.Severity(f.Severity).Label()), num(f.Evaluations), num(f.Occurrences), percent(f.Share), text(f.Message)})
	}
	return t
}

func groupTable(key, title string, units bool, gs []Group) Table {
	h := []string{"名称", "份数", "平均自评分", "平均执行率", "有错误", "高分低执行率", "已复核", "平均复核差值"}
	if units {
		h = append([]string{h[0], "主管部门"}, h[1:]...)
	}
	t := Table{Key: key, Title: title, Header: h}
	for _, g := range gs {
		row := []Cell{text(g.Name)}
		if units {
			row = append(row, text(g.Department))
		}
		row = append(row, num(g.Evaluations), fixed(g.MeanSelf), percent(g.MeanRate), num(g.WithErrors), num(g.Inflated), num(g.Reviewed), fixed(g.MeanGap))
		t.Rows = append(t.Rows, row)
	}
	return t
}

func prefixed(p string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = p + s
	}
	return out
}
