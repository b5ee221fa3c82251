package web

import (
	"net/http"

	"jixiao"
)

// sessionDelete answers POST /api/logout: the session is deleted from the
// database, so the cookie is worthless on every server, and the cookie is
// cleared.
func (s *Server) sessionDelete(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.cfg.Sessions.DeleteSession(r.Context(), c.Value); err != nil && jixiao.ErrorCode(err) != jixiao.ENotFound {
			return err
		}
	}
	s.clearSessionCookie(w)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
