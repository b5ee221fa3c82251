package web

import (
	"net/http"

	"jixiao"
)

// userUpdate answers PATCH /api/users/{id} (system administrators): name,
// organisation, roles, or disabling the account. A disabled account is
// signed out everywhere.
func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Name     *string   `json:"name"`
		OrgID    *int64    `json:"org_id"`
		Roles    *[]string `json:"roles"`
		Disabled *bool     `json:"disabled"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	upd := jixiao.UserUpdate{Name: req.Name, OrgID: req.OrgID, Disabled: req.Disabled}
	if req.Roles != nil {
		roles, err := parseRoles("roles", *req.Roles)
		if err != nil {
			return err
		}
		upd.Roles = &roles
	}
	u, err := s.cfg.Users.UpdateUser(r.Context(), id, upd)
	if err != nil {
		return err
	}
	if u.Disabled {
		if err := s.cfg.Sessions.DeleteUserSessions(r.Context(), u.ID); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, newUserView(u))
	return nil
}
