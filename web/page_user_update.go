package web

import (
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// pageUserUpdate answers POST /admin/users/{id}: a system administrator
// changes an account's name, organisation, roles or state, through the
// API's updateUser. A field the form does not send stays as it is, so
// that the list's 停用/启用 button sends the state alone; the roles are
// sent with a "roles_sent" marker, since no box ticked sends nothing.
func (s *Server) pageUserUpdate(w http.ResponseWriter, r *http.Request) error {
	id, f, err := postedFormFor(r)
	if err != nil {
		return err
	}
	var req userChange
	if _, ok := f["name"]; ok {
		name := strings.TrimSpace(f.Get("name"))
		req.Name = &name
	}
	if v := f.Get("org_id"); v != "" {
		org, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return jixiao.Errorf(jixiao.EInvalid, "单位编号 %s 无效", v)
		}
		req.OrgID = &org
	}
	if f.Get("roles_sent") != "" {
		roles := f["roles"]
		req.Roles = &roles
	}
	if v := f.Get("disabled"); v != "" {
		off := v == "1"
		req.Disabled = &off
	}
	u, err := s.updateUser(r.Context(), id, req)
	if err != nil {
		return formRefused(err, func(msg string, status int) error {
			shown, ferr := s.cfg.Users.FindUserByID(r.Context(), id)
			if ferr != nil {
				return ferr
			}
			return s.renderUserEdit(w, r, status, msg, userAsPosted(shown, req))
		})
	}
	back := "/admin?msg=user_saved#user-" + strconv.FormatInt(u.ID, 10)
	if f.Get("back") == "edit" {
		back = "/admin/users/" + strconv.FormatInt(u.ID, 10) + "?msg=user_saved"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// userAsPosted is u with a refused change written over it, for the form
// to show what the administrator typed.
func userAsPosted(u *jixiao.User, req userChange) *jixiao.User {
	c := *u
	if req.Name != nil {
		c.Name = *req.Name
	}
	if req.OrgID != nil {
		c.OrgID = *req.OrgID
	}
	if req.Roles != nil {
		c.Roles = nil
		for _, name := range *req.Roles {
			if r, ok := jixiao.ParseRole(name); ok {
				c.Roles = append(c.Roles, r)
			}
		}
	}
	if req.Disabled != nil {
		c.Disabled = *req.Disabled
	}
	return &c
}
