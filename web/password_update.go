package web

import (
	"context"
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
	if err := s.setPassword(r.Context(), id, req.Current, req.Password); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// setPassword sets account id's password, checking current when the
// caller changes their own without being a system administrator, and
// ends every session of the account.
func (s *Server) setPassword(ctx context.Context, id int64, current, password string) error {
	me := jixiao.UserFromContext(ctx)
	if err := jixiao.ValidatePassword(password); err != nil {
		return onField("password", err)
	}
	if me.ID == id && !me.HasRole(jixiao.RoleSystemAdmin) {
		if _, err := s.cfg.Users.Authenticate(ctx, me.Login, current); err != nil {
			if jixiao.ErrorCode(err) == jixiao.EUnauthorized {
				return &fieldError{Field: "current", Err: jixiao.Errorf(jixiao.EForbidden, "当前密码不对")}
			}
			return err
		}
	}
	if err := s.cfg.Users.SetPassword(ctx, id, password); err != nil {
		return err
	}
	return s.cfg.Sessions.DeleteUserSessions(ctx, id)
}
