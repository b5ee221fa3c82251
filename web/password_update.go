package web

import (
	"net/http"

	"jixiao"
)

// passwordUpdate answers PUT /api/users/{id}/password. A user changing
// their own password gives the current one; a system administrator sets
// anyone's. Every session of the account ends, the caller's included.
func (s *Server) passwordUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Current  string `json:"current"`
		Password string `json:"password"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	me := jixiao.UserFromContext(r.Context())
	if err := jixiao.ValidatePassword(req.Password); err != nil {
		return onField("password", err)
	}
	if me.ID == id && !me.HasRole(jixiao.RoleSystemAdmin) {
		if _, err := s.cfg.Users.Authenticate(r.Context(), me.Login, req.Current); err != nil {
			if jixiao.ErrorCode(err) == jixiao.EUnauthorized {
				return &fieldError{Field: "current", Err: jixiao.Errorf(jixiao.EForbidden, "当前密码不对")}
			}
			return err
		}
	}
	if err := s.cfg.Users.SetPassword(r.Context(), id, req.Password); err != nil {
		return err
	}
	if err := s.cfg.Sessions.DeleteUserSessions(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
