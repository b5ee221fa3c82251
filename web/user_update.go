package web

import (
	"context"
	"net/http"

	"jixiao"
)

// userChange is a change to an account, from the API's JSON or the admin
// page's form; nil leaves a field as it is.
type userChange struct {
	Name     *string   `json:"name"`
	OrgID    *int64    `json:"org_id"`
	Roles    *[]string `json:"roles"`
	Disabled *bool     `json:"disabled"`
}

// userUpdate answers PATCH /api/users/{id} (system administrators): name,
// organisation, roles, or disabling the account. A disabled account is
// signed out everywhere.
func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req userChange
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	u, err := s.updateUser(r.Context(), id, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newUserView(u))
	return nil
}

// updateUser applies a change to account id and, when it leaves the
// account disabled, ends its sessions.
func (s *Server) updateUser(ctx context.Context, id int64, req userChange) (*jixiao.User, error) {
	upd := jixiao.UserUpdate{Name: req.Name, OrgID: req.OrgID, Disabled: req.Disabled}
	if req.Roles != nil {
		roles, err := parseRoles("roles", *req.Roles)
		if err != nil {
			return nil, err
		}
		upd.Roles = &roles
	}
	u, err := s.cfg.Users.UpdateUser(ctx, id, upd)
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		if err := s.cfg.Sessions.DeleteUserSessions(ctx, u.ID); err != nil {
			return nil, err
		}
	}
	return u, nil
}
