package web

import (
	"net/http"
	"strconv"

	"jixiao"
)

// pagePasswordUpdate answers POST /admin/users/{id}/password: a system
// administrator sets an account's password (the account is signed out
// everywhere), through the API's setPassword.
func (s *Server) pagePasswordUpdate(w http.ResponseWriter, r *http.Request) error {
	id, f, err := postedFormFor(r)
	if err != nil {
		return err
	}
	if err := s.setPassword(r.Context(), id, f.Get("current"), f.Get("password")); err != nil {
		return formRefused(err, func(msg string, status int) error {
			u, ferr := s.cfg.Users.FindUserByID(r.Context(), id)
			if ferr != nil {
				return ferr
			}
			return s.renderUserEdit(w, r, status, msg, u)
		})
	}
	if me := jixiao.UserFromContext(r.Context()); me.ID == id {
		// the caller's own sessions ended with the change
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/admin/users/"+strconv.FormatInt(id, 10)+"?msg=password", http.StatusSeeOther)
	return nil
}
