package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"jixiao"
)

// sessionCreate answers POST /api/login: it checks the login and password,
// throttled per account and per address, and starts a session stored in
// the database, handed to the browser as an HttpOnly cookie.
func (s *Server) sessionCreate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Login    string `json:"login"`
		Password string `json:"password"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	login, addr := strings.ToLower(strings.TrimSpace(req.Login)), clientAddr(r)
	if login == "" {
		return invalidField("login", "请输入登录名")
	}
	if wait := s.throttle.retryAfter(login, addr); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Round(time.Second)/time.Second)))
		return jixiao.Errorf(eThrottled, "登录失败次数过多，请 %d 分钟后再试", int(wait.Minutes())+1)
	}
	u, err := s.cfg.Users.Authenticate(r.Context(), req.Login, req.Password)
	if jixiao.ErrorCode(err) == jixiao.EUnauthorized {
		s.throttle.failed(login, addr)
		return jixiao.Errorf(jixiao.EUnauthorized, "登录名或密码错误")
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
	writeJSON(w, http.StatusOK, meView{User: newUserView(u), ExpiresAt: timePtr(sess.ExpiresAt)})
	return nil
}

// meView is the signed-in user, with when the session ends.
type meView struct {
	User      userView   `json:"user"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
