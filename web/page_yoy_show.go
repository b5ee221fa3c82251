package web

import (
	"net/http"
)

// pageYearsShow answers GET /units/{id}/years: 历年对比 of one unit.
func (s *Server) pageYearsShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	kind, err := queryKind(r, "kind")
	if err != nil {
		return err
	}
	y, err := s.loadYears(r.Context(), id, kind, r.URL.Query().Get("project"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "years", pageData{Title: y.Unit + " 历年对比", Data: y})
}
