package web

import (
	"net/http"

	"jixiao"
)

// userList answers GET /api/users (system administrators).
func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	var f jixiao.UserFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	if f.OrgID, err = queryID(r, "org"); err != nil {
		return err
	}
	f.Login = r.URL.Query().Get("login")
	users, n, err := s.cfg.Users.FindUsers(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[userView]{Items: []userView{}, Total: n}
	for _, u := range users {
		out.Items = append(out.Items, newUserView(u))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
