package web

import "net/http"

// pageLoginShow answers GET /login: the login form.
func (s *Server) pageLoginShow(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "login", pageData{Title: "登录", Data: loginForm{Next: localPath(r.URL.Query().Get("next"))}})
}

type loginForm struct {
	Login, Next string
}

// localPath returns p when it is a path on this site, else "/": a login
// link must not send the user elsewhere.
func localPath(p string) string {
	if len(p) > 1 && p[0] == '/' && p[1] != '/' && p[1] != '\\' {
		return p
	}
	return "/"
}
