package web

import (
	"net/http"

	"jixiao"
)

// pageLogoutCreate answers POST /logout: the session ends in the database,
// not only in this browser.
func (s *Server) pageLogoutCreate(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.cfg.Sessions.DeleteSession(r.Context(), c.Value); err != nil && jixiao.ErrorCode(err) != jixiao.ENotFound {
			return err
		}
	}
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
