package web

import (
	"net/http"
	"strconv"
	"strings"
)

// pageUserCreate answers POST /admin/users: a system administrator adds
// an account with its first password, through the API's createUser.
func (s *Server) pageUserCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := postedForm(r)
	if err != nil {
		return err
	}
	req := newUser{Login: strings.TrimSpace(f.Get("login")), Name: strings.TrimSpace(f.Get("name")), Roles: f["roles"], Password: f.Get("password")}
	req.OrgID, _ = strconv.ParseInt(f.Get("org_id"), 10, 64)
	u, err := s.createUser(r.Context(), req)
	if err != nil {
		f.Del("password") // never written back into a page
		return formRefused(err, func(msg string, status int) error { return s.renderAdmin(w, r, status, msg, "new-user", f) })
	}
	http.Redirect(w, r, "/admin?msg=user_created#user-"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return nil
}
