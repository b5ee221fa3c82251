package web

import (
	"net/http"

	"jixiao"
)

// userCreate answers POST /api/users (system administrators): a new
// account with its first password.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Login    string   `json:"login"`
		Name     string   `json:"name"`
		OrgID    int64    `json:"org_id"`
		Roles    []string `json:"roles"`
		Password string   `json:"password"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	roles, err := parseRoles("roles", req.Roles)
	if err != nil {
		return err
	}
	if err := jixiao.ValidatePassword(req.Password); err != nil {
		return onField("password", err)
	}
	u := &jixiao.User{Login: req.Login, Name: req.Name, OrgID: req.OrgID, Roles: roles}
	if err := u.Validate(); err != nil {
		return err
	}
	if err := s.cfg.Users.CreateUser(r.Context(), u, req.Password); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newUserView(u))
	return nil
}
