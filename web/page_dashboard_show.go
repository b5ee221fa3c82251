package web

import (
	"fmt"
	"html/template"
	"net/http"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/dashboard"
	"jixiao/dashboard/chart"
)

// dashboardPage is the 看板: the selection form, then each aggregate as a
// chart with its table beside it.
type dashboardPage struct {
	Query       dashboardQuery
	Tasks       []*jixiao.Task
	Departments []*jixiao.Organisation
	Kinds       []jixiao.Kind
	Result      *dashboardResult
	Sections    []dashboardSection
	Units       []dashboard.Group // the page of the units table, with links to each unit's years
	UnitsFrom   int               // 1-based positions of the first and last units shown
	UnitsTo     int
	Prev, Next  string // the pages of units before and after; "" when none
	Orders      []unitOrderLink
	Workbook    string // the workbook's URL, same selection
}

// unitOrderLink lists the units in another order.
type unitOrderLink struct {
	Label, URL string
	Current    bool
}

// unitOrderLabels name dashboard.UnitOrders.
var unitOrderLabels = map[string]string{"name": "名称", "evaluations": "份数", "with_errors": "有错误", "inflated": "高分低执行率", "reviewed": "已复核"}

// dashboardSection is one aggregate: its table, and its chart when one
// reads better than the table alone.
type dashboardSection struct {
	Table dashboard.Table
	Chart template.HTML
	Note  string
}

// pageUnitRows is the units a page of the 看板 lists; the workbook has all.
const pageUnitRows = 200

// pageDashboardShow answers GET /dashboard.
func (s *Server) pageDashboardShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	res, err := s.dashboardOf(r, false, pageUnitRows)
	if err != nil {
		return err
	}
	q := res.Query
	d := dashboardPage{Query: q, Result: res, Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject},
		Workbook: "/api/dashboard/workbook?" + q.values()}
	if d.Tasks, _, err = s.cfg.Tasks.FindTasks(ctx, jixiao.TaskFilter{Limit: maxPage}); err != nil {
		return err
	}
	if d.Departments, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Kind: jixiao.OrgDepartment, Limit: maxPage}); err != nil {
		return err
	}
	d.Sections = dashboardSections(res)
	d.Units = res.Board.Units
	pg := res.Board.UnitPage
	d.UnitsFrom, d.UnitsTo = pg.Offset+1, pg.Offset+len(d.Units)
	link := func(order string, off int) string {
		v := q.values()
		if v != "" {
			v += "&"
		}
		return fmt.Sprintf("/dashboard?%sunits_order=%s&units_offset=%d&units_limit=%d#units", v, order, off, pg.Limit)
	}
	if pg.Offset > 0 {
		d.Prev = link(pg.Order, max(pg.Offset-pg.Limit, 0))
	}
	if pg.Offset+len(d.Units) < res.Board.UnitsTotal {
		d.Next = link(pg.Order, pg.Offset+len(d.Units))
	}
	for _, o := range dashboard.UnitOrders {
		d.Orders = append(d.Orders, unitOrderLink{Label: unitOrderLabels[o], URL: link(o, 0), Current: o == pg.Order})
	}
	return s.render(w, r, http.StatusOK, "dashboard", pageData{Title: "看板", Data: d})
}

// dashboardSections pairs each table but the units' with its chart.
func dashboardSections(res *dashboardResult) []dashboardSection {
	b := &res.Board
	var out []dashboardSection
	for _, t := range res.tables() {
		sec := dashboardSection{Table: t}
		switch t.Key {
		case "filing":
			var bars []chart.Bar
			for _, f := range res.Filing {
				bars = append(bars, chart.Bar{Label: f.Task, Value: f.Delivery, Text: fmt.Sprintf("%d/%d（%s）", f.Delivered, f.Obligations, dashboard.Percent(f.Delivery))})
			}
			sec.Chart = barChart(t, bars)
		case "self_scores":
			sec.Chart = bandChart(t, b.SelfScores.Bands)
			sec.Note = fmt.Sprintf("共 %d 份，平均 %s 分。", b.SelfScores.Total, b.SelfScores.Mean.StringFixed(2))
		case "grades":
			sec.Chart = bandChart(t, b.Grades)
		case "execution_rates":
			sec.Chart = bandChart(t, b.Rates.Bands)
			sec.Note = fmt.Sprintf("能计算执行率的 %d 份，平均 %s；未能计算 %d 份。", b.Rates.Total, dashboard.Percent(b.Rates.Mean), b.Rates.Unknown)
		case "self_score_by_rate":
			sr := b.ScoreByRate
			var bars []chart.Bar
			for j, l := range sr.Rates {
				text := "无"
				if sr.N[j] > 0 {
					text = fmt.Sprintf("平均 %s 分（%d 份）", sr.Mean[j].StringFixed(2), sr.N[j])
				}
				bars = append(bars, chart.Bar{Label: "执行率 " + l, Value: sr.Mean[j], Text: text})
			}
			sec.Chart = barChart(t, bars)
			sec.Note = fmt.Sprintf("自评分不低于 %s 而执行率低于 %s 的 %d 份（与风险排序的 R-INFLATED 相同）。",
				sr.ScoreAtLeast.String(), dashboard.Percent(sr.RateBelow), sr.Inflated)
		case "self_vs_review":
			rv := b.Review
			sec.Chart = barChart(t, []chart.Bar{
				{Label: "平均自评分", Value: rv.MeanSelf, Text: rv.MeanSelf.StringFixed(2)},
				{Label: "平均复核得分", Value: rv.MeanReview, Text: rv.MeanReview.StringFixed(2)},
			})
			sec.Note = fmt.Sprintf("已复核评分 %d 份，复核得分平均比自评分 %s 分（行：自评分区间；列：复核得分区间）。", rv.Reviewed, signed(rv.MeanGap))
		case "review_gaps":
			sec.Chart = bandChart(t, b.Review.Gaps.Bands)
		case "findings":
			var bars []chart.Bar
			for _, f := range b.Findings {
				bars = append(bars, chart.Bar{Label: f.Code, Value: decimal.NewFromInt(int64(f.Evaluations)), Text: fmt.Sprintf("%d 份（%s）", f.Evaluations, dashboard.Percent(f.Share))})
			}
			sec.Chart = barChart(t, bars)
		case "departments":
			var bars []chart.Bar
			for _, g := range b.Departments {
				bars = append(bars, chart.Bar{Label: g.Name, Value: g.MeanSelf, Text: fmt.Sprintf("平均 %s 分，执行率 %s", g.MeanSelf.StringFixed(2), dashboard.Percent(g.MeanRate))})
			}
			sec.Chart = barChart(t, bars)
		case "units":
			continue // its own table on the page, with links
		}
		out = append(out, sec)
	}
	return out
}

func signed(v decimal.Decimal) string {
	if v.IsNegative() {
		return "低 " + v.Neg().StringFixed(2)
	}
	return "高 " + v.StringFixed(2)
}

func bandChart(t dashboard.Table, bs []dashboard.Band) template.HTML {
	bars := make([]chart.Bar, len(bs))
	for j, b := range bs {
		bars[j] = chart.Bar{Label: b.Label, Value: decimal.NewFromInt(int64(b.Count)), Text: fmt.Sprintf("%d（%s）", b.Count, dashboard.Percent(b.Share))}
	}
	return barChart(t, bars)
}

// barChart draws bars under the table's title; the chart escapes every
// text it writes, so its SVG is safe to embed.
func barChart(t dashboard.Table, bars []chart.Bar) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	return template.HTML(chart.Bars{Title: t.Title, Bars: bars}.SVG())
}
