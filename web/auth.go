package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"jixiao"
)

// sessionCookie is the name of the session cookie.
const sessionCookie = "jixiao_session"

// touchEvery is how stale a session's last-seen time may get before a
// request refreshes it: refreshing on every request would make every read
// a database write.
const touchEvery = 5 * time.Minute

// authenticate finds who is calling, from a personal API token
// (Authorization: Bearer) or the session cookie, and puts the user in the
// request's context. A bad token is refused at once, since a script must
// know; a stale cookie is dropped and the request goes on anonymous, since
// public pages must still work. Whether an anonymous caller may do
// something is for the route and the domain to say.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !needsCaller(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if s.cfg.ContextWithAddress != nil {
			r = r.WithContext(s.cfg.ContextWithAddress(r.Context(), clientAddr(r)))
		}
		u, err := s.caller(w, r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if u != nil {
			requestInfoFrom(r.Context()).user = u.Login
			r = r.WithContext(jixiao.NewContextWithUser(r.Context(), u))
		}
		next.ServeHTTP(w, r)
	})
}

// needsCaller reports whether a path's answer may depend on who asks:
// the API's, except its description. Static files and probes are the same
// for everyone, so a browser's cookie costs them no database lookup.
func needsCaller(path string) bool {
	return strings.HasPrefix(path, "/api/") && path != "/api/openapi.json"
}

// caller returns the authenticated user, or nil for an anonymous request.
func (s *Server) caller(w http.ResponseWriter, r *http.Request) (*jixiao.User, error) {
	ctx := r.Context()
	if h := r.Header.Get("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || s.cfg.Tokens == nil {
			return nil, jixiao.Errorf(jixiao.EUnauthorized, "Authorization 应为 Bearer 加个人令牌")
		}
		u, err := s.cfg.Tokens.FindUserByToken(ctx, strings.TrimSpace(token))
		if err != nil {
			return nil, tokenError(err)
		}
		return u, nil
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || s.cfg.Sessions == nil {
		return nil, nil
	}
	sess, err := s.cfg.Sessions.FindSessionByToken(ctx, c.Value)
	if jixiao.ErrorCode(err) == jixiao.EUnauthorized || jixiao.ErrorCode(err) == jixiao.ENotFound {
		s.clearSessionCookie(w)
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	if now.Sub(sess.SeenAt) > touchEvery {
		if err := s.cfg.Sessions.TouchSession(ctx, c.Value, now.Add(s.cfg.SessionLifetime)); err != nil {
			return nil, err
		}
	}
	return sess.User, nil
}

func tokenError(err error) error {
	if c := jixiao.ErrorCode(err); c == jixiao.EUnauthorized || c == jixiao.ENotFound {
		return jixiao.Errorf(jixiao.EUnauthorized, "个人令牌无效、已撤销或已过期")
	}
	return err
}

// setSessionCookie hands the browser its session token. HttpOnly keeps it
// from scripts; SameSite=Lax from other sites' forms, with the
// cross-origin check behind it.
func (s *Server) setSessionCookie(w http.ResponseWriter, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// authenticated reports whether the request's caller is a known user.
func authenticated(ctx context.Context) bool {
	return jixiao.UserFromContext(ctx) != nil
}

// anonymous returns ctx without its user: public routes show what anyone
// may see, whoever asks.
func anonymous(ctx context.Context) context.Context {
	return jixiao.NewContextWithUser(ctx, nil)
}

var errNoService = errors.New("web: storage service not configured")
