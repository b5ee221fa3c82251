package web

import (
	"net/http"
)

// dashboardShow answers GET /api/dashboard: every aggregate of the
// evaluations selected by year, task, under and kind, or with part only
// that one: {"query": …, "<part>": …}. Units are listed a page at a
// time (units_order, units_offset, units_limit; apiUnitRows by default),
// with units_total beside them.
func (s *Server) dashboardShow(w http.ResponseWriter, r *http.Request) error {
	d, err := s.dashboardOf(r, true, apiUnitRows)
	if err != nil {
		return err
	}
	if d.Query.Part == "" {
		writeJSON(w, http.StatusOK, d)
		return nil
	}
	out := map[string]any{"query": d.Query, d.Query.Part: d.part()}
	if d.Query.Part == "units" {
		// a page of them: how many there are, and which page this is
		out["units_total"], out["units_page"] = d.Board.UnitsTotal, d.Board.UnitPage
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// part is the aggregate d.Query.Part names.
func (d *dashboardResult) part() any {
	b := &d.Board
	switch d.Query.Part {
	case "filing":
		return d.Filing
	case "evaluations":
		return b.Evaluations
	case "self_scores":
		return b.SelfScores
	case "execution_rates":
		return b.Rates
	case "grades":
		return b.Grades
	case "self_score_by_rate":
		return b.ScoreByRate
	case "self_vs_review":
		return b.Review
	case "findings":
		return b.Findings
	case "departments":
		return b.Departments
	}
	return b.Units
}
