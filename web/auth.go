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
//
// A session cookie it leaves to the route (wrap, then withSession): a
// route whose first read can be made in the statement that looks the
// session up (route.join) saves a round trip to the database on every
// request, and only the route knows its read.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !needsCaller(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if s.cfg.ContextWithAddress != nil {
			r = r.WithContext(s.cfg.ContextWithAddress(r.Context(), clientAddr(r)))
		}
		r, err := s.identify(r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// identify puts the user of a personal API token in the request's context,
// or the token of a session cookie for withSession to look up.
func (s *Server) identify(r *http.Request) (*http.Request, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		u, err := s.bearer(r.Context(), h)
		if err != nil {
			return r, err
		}
		return withUser(r, u), nil
	}
	if token := s.sessionToken(r); token != "" {
		return r.WithContext(context.WithValue(r.Context(), pendingSessionKey{}, token)), nil
	}
	return r, nil
}

// pendingSessionKey holds, in a request's context, the token of the
// session cookie that identify left to the route to look up.
type pendingSessionKey struct{}

// withSession looks up the session cookie identify left to the route, if
// any, with the route's first read when it has one (join), and returns
// the request with the session's user in its context.
func (s *Server) withSession(w http.ResponseWriter, r *http.Request, join joinRead) (*http.Request, error) {
	token, _ := r.Context().Value(pendingSessionKey{}).(string)
	if token == "" {
		return r, nil
	}
	if s.plainSessions {
		join = nil
	}
	return s.sessionUser(w, r, token, join)
}

// needsCaller reports whether a path's answer may depend on who asks:
// the API's, except its description. Static files and probes are the same
// for everyone, so a browser's cookie costs them no database lookup.
func needsCaller(path string) bool {
	return strings.HasPrefix(path, "/api/") && path != "/api/openapi.json"
}

// bearer returns the user of the personal API token an Authorization
// header carries.
func (s *Server) bearer(ctx context.Context, header string) (*jixiao.User, error) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || s.cfg.Tokens == nil {
		return nil, jixiao.Errorf(jixiao.EUnauthorized, "Authorization 应为 Bearer 加个人令牌")
	}
	u, err := s.cfg.Tokens.FindUserByToken(ctx, strings.TrimSpace(token))
	if err != nil {
		return nil, tokenError(err)
	}
	return u, nil
}

// sessionToken is the session cookie's token, or "" when there is none
// to look up.
func (s *Server) sessionToken(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil || s.cfg.Sessions == nil {
		return ""
	}
	return c.Value
}

// joinRead is a route's first read made in the statement that looks the
// caller's session up (sqldb's …BySession reads). It returns the session
// and the context for the handler, which carries what it read (withJoined);
// a nil session when the statement could not answer alone: no live
// session with token, or nothing to read, or nothing the session's user
// may read. Then the plain steps follow, the session looked up alone and
// the handler reading as ever, and they answer, clear the cookie and log
// a refusal as they always have.
type joinRead func(ctx context.Context, r *http.Request, token string) (*jixiao.Session, context.Context)

// sessionUser looks up the session with token, in join's read when join
// answers, else alone; moves its expiry when it was last seen more than
// touchEvery ago; and returns the request with the session's user in its
// context. A stale session's cookie is cleared and the request goes on
// anonymous.
func (s *Server) sessionUser(w http.ResponseWriter, r *http.Request, token string, join joinRead) (*http.Request, error) {
	ctx := r.Context()
	var sess *jixiao.Session
	if join != nil {
		if sess, ctx = join(ctx, r, token); sess == nil {
			ctx = r.Context()
		}
	}
	if sess == nil {
		var err error
		sess, err = s.cfg.Sessions.FindSessionByToken(ctx, token)
		if c := jixiao.ErrorCode(err); c == jixiao.EUnauthorized || c == jixiao.ENotFound {
			s.clearSessionCookie(w)
			return r, nil
		} else if err != nil {
			return r, err
		}
	}
	now := s.now()
	if now.Sub(sess.SeenAt) > touchEvery {
		if err := s.cfg.Sessions.TouchSession(ctx, token, now.Add(s.cfg.SessionLifetime)); err != nil {
			return r, err
		}
	}
	return withUser(r.WithContext(ctx), sess.User), nil
}

// withUser returns r with u as its caller, for the handlers and the
// request log.
func withUser(r *http.Request, u *jixiao.User) *http.Request {
	requestInfoFrom(r.Context()).user = u.Login
	return r.WithContext(jixiao.NewContextWithUser(r.Context(), u))
}

// joinedKey holds, in a request's context, what the route's joinRead read
// with the session (joinedValue).
type joinedKey struct{}

// joined is a read made with the session, and the user it was made for:
// a handler that reads as someone else (anonymous) must read again.
type joined struct {
	user *jixiao.User
	v    any
}

// withJoined returns ctx carrying v, read with sess.
func withJoined(ctx context.Context, sess *jixiao.Session, v any) context.Context {
	return context.WithValue(ctx, joinedKey{}, joined{sess.User, v})
}

// joinedValue returns what the route's joinRead read for the caller of
// ctx, if it read a T.
func joinedValue[T any](ctx context.Context) (T, bool) {
	j, ok := ctx.Value(joinedKey{}).(joined)
	if !ok || j.user == nil || j.user != jixiao.UserFromContext(ctx) {
		var zero T
		return zero, false
	}
	v, ok := j.v.(T)
	return v, ok
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
