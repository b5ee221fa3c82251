package web

import "net/http"

// tokenDelete answers DELETE /api/tokens/{id}: the token is revoked.
func (s *Server) tokenDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.cfg.Tokens.RevokeToken(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
