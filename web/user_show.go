package web

import "net/http"

// userShow answers GET /api/users/{id}.
func (s *Server) userShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u, err := s.cfg.Users.FindUserByID(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newUserView(u))
	return nil
}
