package web

import (
	"fmt"
	"net/http"
	"strings"

	"jixiao"
)

// pageLoginCreate answers POST /login: the same check, throttle and
// database session as POST /api/login, then back to the page asked for.
func (s *Server) pageLoginCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "表单无法读取")
	}
	form := loginForm{Login: strings.TrimSpace(r.PostForm.Get("login")), Next: localPath(r.PostForm.Get("next"))}
	fail := func(msg string) error {
		return s.render(w, r, http.StatusUnauthorized, "login", pageData{Title: "登录", Error: msg, Data: form})
	}
	login, addr := strings.ToLower(form.Login), clientAddr(r)
	if login == "" {
		return fail("请输入登录名")
	}
	if wait := s.throttle.retryAfter(login, addr); wait > 0 {
		return fail(fmt.Sprintf("登录失败次数过多，请 %d 分钟后再试", int(wait.Minutes())+1))
	}
	u, err := s.cfg.Users.Authenticate(r.Context(), form.Login, r.PostForm.Get("password"))
	if jixiao.ErrorCode(err) == jixiao.EUnauthorized {
		s.throttle.failed(login, addr)
		return fail("登录名或密码错误")
	} else if err != nil {
		return err
	}
	s.throttle.succeeded(login)
	ctx := jixiao.NewContextWithUser(r.Context(), u)
	sess := &jixiao.Session{UserID: u.ID, Address: addr, UserAgent: truncate(r.UserAgent(), 200),
		ExpiresAt: s.now().Add(s.cfg.SessionLifetime)}
	if err := s.cfg.Sessions.CreateSession(ctx, sess); err != nil {
		return fmt.Errorf("creating a session: %w", err)
	}
	s.setSessionCookie(w, sess.Token, sess.ExpiresAt)
	requestInfoFrom(r.Context()).user = u.Login
	http.Redirect(w, r, form.Next, http.StatusSeeOther)
	return nil
}
