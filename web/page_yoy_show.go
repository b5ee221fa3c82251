package web

import (
	"net/http"
)

// pageYearsShow answers GET /units/{id}/years: 历年对比 of one unit.
func (s *Server) pageYearsShow(w http.ResponseWriter, r *http.Request) error {
	y, err := s.yearsOf(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "years", pageData{Title: y.Unit + " 历年对比", Data: y})
}
