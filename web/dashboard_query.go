package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"jixiao"
	"jixiao/dashboard"
)

// dashboardQuery selects what a dashboard counts; zero fields take all.
type dashboardQuery struct {
	Year   int         `json:"year,omitempty"`
	TaskID int64       `json:"task,omitempty"`
	Under  int64       `json:"under,omitempty"` // a department, or any organisation
	Kind   jixiao.Kind `json:"kind,omitempty"`
	// Part names the one aggregate the API answers with ("self_scores",
	// "filing", …, the JSON names of dashboardResult); "" for all. What a
	// part does not need is not read: filing reads no evaluations, the
	// others no obligations.
	Part string `json:"part,omitempty"`
	// Units is the page of units listed: ordered by units_order (one of
	// dashboard.UnitOrders), from units_offset, units_limit of them.
	Units dashboard.UnitPage `json:"units"`
}

// apiUnitRows and maxUnitRows are the units the API lists by default and
// at most; the workbook lists them all.
const (
	apiUnitRows = 50
	maxUnitRows = 1000
)

// dashboardParts are the names Part accepts.
var dashboardParts = []string{"filing", "evaluations", "self_scores", "execution_rates", "grades", "self_score_by_rate",
	"self_vs_review", "findings", "departments", "units"}

func readDashboardQuery(r *http.Request) (q dashboardQuery, err error) {
	if q.Year, err = queryInt(r, "year"); err != nil {
		return q, err
	}
	if q.TaskID, err = queryID(r, "task"); err != nil {
		return q, err
	}
	if q.Under, err = queryID(r, "under"); err != nil {
		return q, err
	}
	if q.Kind, err = queryKind(r, "kind"); err != nil {
		return q, err
	}
	if q.Units, err = readUnitPage(r); err != nil {
		return q, err
	}
	q.Part = r.URL.Query().Get("part")
	if q.Part != "" && !slices.Contains(dashboardParts, q.Part) {
		return q, invalidField("part", "参数 part 应为 %s 之一，而不是 %q", strings.Join(dashboardParts, "、"), q.Part)
	}
	return q, nil
}

func readUnitPage(r *http.Request) (p dashboard.UnitPage, err error) {
	p.Order = r.URL.Query().Get("units_order")
	if p.Order == "" {
		p.Order = "name"
	} else if !slices.Contains(dashboard.UnitOrders, p.Order) {
		return p, invalidField("units_order", "参数 units_order 应为 %s 之一，而不是 %q", strings.Join(dashboard.UnitOrders, "、"), p.Order)
	}
	if p.Offset, err = queryInt(r, "units_offset"); err != nil {
		return p, err
	}
	if p.Limit, err = queryInt(r, "units_limit"); err != nil {
		return p, err
	}
	if p.Limit > maxUnitRows {
		return p, invalidField("units_limit", "参数 units_limit 至多为 %d", maxUnitRows)
	}
	return p, nil
}

// values is q as a query string, for links that keep the selection (not
// the page of units).
func (q dashboardQuery) values() string {
	v := url.Values{}
	if q.Year != 0 {
		v.Set("year", strconv.Itoa(q.Year))
	}
	if q.TaskID != 0 {
		v.Set("task", itoa(q.TaskID))
	}
	if q.Under != 0 {
		v.Set("under", itoa(q.Under))
	}
	if q.Kind != "" {
		v.Set("kind", string(q.Kind))
	}
	return v.Encode()
}

// dashboardResult is a dashboard with the filing of its tasks.
type dashboardResult struct {
	Query  dashboardQuery      `json:"query"`
	Filing []dashboard.Filing  `json:"filing"`
	Board  dashboard.Dashboard `json:"dashboard"`
}

// tables are the result's tables, filing first.
func (d *dashboardResult) tables() []dashboard.Table {
	return append([]dashboard.Table{dashboard.FilingTable(d.Filing)}, d.Board.Tables()...)
}

// errNoDashboard refuses the dashboards to those who may not open them.
var errNoDashboard = jixiao.Errorf(jixiao.EForbidden, "看板只对主管部门与财政局的审核、管理人员开放")

// loadDashboard computes the dashboard of q for the caller: the
// evaluations they may view, the tasks they may see.
func (s *Server) loadDashboard(ctx context.Context, q dashboardQuery) (*dashboardResult, error) {
	if !jixiao.CanViewDashboards(jixiao.UserFromContext(ctx)) {
		return nil, errNoDashboard
	}
	out := &dashboardResult{Query: q, Filing: []dashboard.Filing{}}
	if q.Part != "filing" {
		b, err := s.cfg.Dashboard.Aggregate(ctx, jixiao.EvaluationFilter{TaskID: q.TaskID, Under: q.Under, Year: q.Year, Kind: q.Kind}, q.Part, q.Units)
		if err != nil {
			return nil, err
		}
		out.Board = *b
	}
	if q.Part != "" && q.Part != "filing" {
		return out, nil
	}
	tasks, _, err := s.cfg.Tasks.FindTasks(ctx, jixiao.TaskFilter{Year: q.Year, Limit: maxPage})
	if err != nil {
		return nil, err
	}
	for _, t := range tasks {
		if q.TaskID != 0 && t.ID != q.TaskID {
			continue
		}
		c, err := s.cfg.Dashboard.FilingCounts(ctx, t, q.Under, q.Kind)
		if err != nil {
			return nil, err
		}
		out.Filing = append(out.Filing, c.Filing(t, s.now()))
	}
	return out, nil
}

// dashboardOf reads the selection a dashboard request makes and computes
// it; the page and the workbook show every part whatever part says.
// units is the count of units listed when the request does not say; 0
// lists every unit whatever the request says (the workbook).
func (s *Server) dashboardOf(r *http.Request, parts bool, units int) (*dashboardResult, error) {
	q, err := readDashboardQuery(r)
	if err != nil {
		return nil, err
	}
	if !parts {
		q.Part = ""
	}
	switch {
	case units == 0:
		q.Units = dashboard.UnitPage{Order: q.Units.Order}
	case q.Units.Limit == 0:
		q.Units.Limit = units
	}
	return s.loadDashboard(r.Context(), q)
}
