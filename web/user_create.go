package web

import (
	"context"
	"net/http"

	"jixiao"
)

// newUser is what a new account takes, from the API's JSON or the admin
// page's form.
type newUser struct {
	Login    string   `json:"login"`
	Name     string   `json:"name"`
	OrgID    int64    `json:"org_id"`
	Roles    []string `json:"roles"`
	Password string   `json:"password"`
}

// userCreate answers POST /api/users (system administrators): a new
// account with its first password.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	var req newUser
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	u, err := s.createUser(r.Context(), req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newUserView(u))
	return nil
}

// createUser checks and stores a new account; the store decides whether
// the caller may.
func (s *Server) createUser(ctx context.Context, req newUser) (*jixiao.User, error) {
	roles, err := parseRoles("roles", req.Roles)
	if err != nil {
		return nil, err
	}
	if err := jixiao.ValidatePassword(req.Password); err != nil {
		return nil, onField("password", err)
	}
	u := &jixiao.User{Login: req.Login, Name: req.Name, OrgID: req.OrgID, Roles: roles}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := s.cfg.Users.CreateUser(ctx, u, req.Password); err != nil {
		return nil, err
	}
	return u, nil
}
