package web

import (
	"net/http"
	"time"

	"jixiao"
)

// tokenCreate answers POST /api/tokens: a new personal API token for the
// caller. Its secret is in this answer only.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Name      string     `json:"name"`
		ExpiresAt *time.Time `json:"expires_at"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	t := &jixiao.APIToken{Name: req.Name, UserID: jixiao.UserIDFromContext(r.Context())}
	if req.ExpiresAt != nil {
		if !req.ExpiresAt.After(s.now()) {
			return invalidField("expires_at", "过期时间应在将来")
		}
		t.ExpiresAt = *req.ExpiresAt
	}
	if err := t.Validate(); err != nil {
		return onField("name", err)
	}
	if err := s.cfg.Tokens.CreateToken(r.Context(), t); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newTokenView(t))
	return nil
}
