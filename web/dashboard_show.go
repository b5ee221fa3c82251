package web

import (
	"net/http"
)

// dashboardShow answers GET /api/dashboard: every aggregate of the
// evaluations selected by year, task, under and kind.
func (s *Server) dashboardShow(w http.ResponseWriter, r *http.Request) error {
	d, err := s.dashboardOf(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}
