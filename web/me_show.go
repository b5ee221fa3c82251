package web

import (
	"net/http"

	"jixiao"
)

// meShow answers GET /api/me with the caller's account.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, meView{User: newUserView(jixiao.UserFromContext(r.Context()))})
	return nil
}
