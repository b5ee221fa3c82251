package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
	"jixiao/web"
)

// sessionCounter counts the session lookups and touches a server makes.
type sessionCounter struct {
	jixiao.SessionService
	finds, touches atomic.Int64
}

func (c *sessionCounter) FindSessionByToken(ctx context.Context, token string) (*jixiao.Session, error) {
	c.finds.Add(1)
	return c.SessionService.FindSessionByToken(ctx, token)
}

func (c *sessionCounter) TouchSession(ctx context.Context, token string, expiresAt time.Time) error {
	c.touches.Add(1)
	return c.SessionService.TouchSession(ctx, token, expiresAt)
}

// lockedBuffer is a request log written by one server's requests.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// take returns what was logged since the last take.
func (l *lockedBuffer) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	l.b.Reset()
	return s
}

// answer is all a request leaves behind that a user or an auditor sees.
type answer struct {
	Status    int
	Body      string
	SetCookie []string
	Log       []string // the audit log entries it appended
	User      string   // the user in the request log's line
	Touches   int64
}

var logUser = regexp.MustCompile(`msg=request .* user=(\S+)`)

// TestJoinedSessionMatchesPlain holds the reads that look the session up
// in their own statement (GET /api/evaluations/{id}, GET /api/tasks)
// against the plain steps, the session looked up alone and then the read:
// the same status, body, cookies, audit log entries, request log user and
// session writes, in every case the joined statement cannot answer alone
// too (then it must fall back, and the plain steps answer).
func TestJoinedSessionMatchesPlain(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		var elapsed atomic.Int64
		start := time.Now().UTC().Truncate(time.Second)
		now := func() time.Time { return start.Add(time.Duration(elapsed.Load())) }
		w.db.Now = now
		type server struct {
			name     string
			srv      *web.Server
			sessions *sessionCounter
			log      *lockedBuffer
		}
		var servers [2]*server
		for i, name := range []string{"plain", "joined"} {
			svc := w.svc
			sc := &sessionCounter{SessionService: svc.Sessions}
			svc.Sessions = sc
			buf := &lockedBuffer{}
			srv, err := web.NewServer(web.Config{Services: svc, ContextWithAddress: sqldb.NewContextWithAddress, Now: now,
				Logger: slog.New(slog.NewTextHandler(buf, nil))})
			if err != nil {
				t.Fatal(err)
			}
			if name == "plain" {
				web.PlainSessions(srv)
			}
			servers[i] = &server{name, srv, sc, buf}
		}

		draft := w.seedEvaluation(jixiao.StatusDraft)
		published := w.seedEvaluation(jixiao.StatusPublished)
		tasks := w.svc.Tasks
		// two bureaus' tasks: a unit's members list only their own bureau's
		deadline := start.Add(30 * 24 * time.Hour)
		for _, task := range []*jixiao.Task{
			{Name: "2024 年项目自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindProject}, UnitIDs: []int64{w.orgs["U"].ID, w.orgs["W"].ID}, Deadline: deadline, RuleSet: "hunan"},
			{Name: "2023 年项目自评", Year: 2023, Kinds: []jixiao.Kind{jixiao.KindProject}, UnitIDs: []int64{w.orgs["W"].ID}, Deadline: deadline, RuleSet: "hunan"},
		} {
			if err := tasks.CreateTask(w.as("financeAdmin"), task); err != nil {
				t.Fatal(err)
			}
		}
		console := jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
		other := &jixiao.Organisation{Code: "G00", Name: "另一财政局", Kind: jixiao.OrgFinance}
		otherUnit := &jixiao.Organisation{Code: "G01", Name: "另一单位", Kind: jixiao.OrgUnit}
		if err := w.svc.Organisations.CreateOrganisation(console, other); err != nil {
			t.Fatal(err)
		}
		otherUnit.ParentID = other.ID
		if err := w.svc.Organisations.CreateOrganisation(console, otherUnit); err != nil {
			t.Fatal(err)
		}
		otherAdmin := &jixiao.User{Login: "financeadming", Name: "另一管理员", OrgID: other.ID, Roles: []jixiao.Role{jixiao.RoleFinanceAdmin}}
		if err := w.svc.Users.CreateUser(console, otherAdmin, testPassword); err != nil {
			t.Fatal(err)
		}
		if err := tasks.CreateTask(jixiao.NewContextWithUser(context.Background(), otherAdmin), &jixiao.Task{Name: "另一局的任务", Year: 2024,
			Kinds: []jixiao.Kind{jixiao.KindProject}, UnitIDs: []int64{otherUnit.ID}, Deadline: deadline, RuleSet: "hunan"}); err != nil {
			t.Fatal(err)
		}
		apiToken := &jixiao.APIToken{Name: "脚本"}
		if err := w.svc.Tokens.CreateToken(w.as("editorU"), apiToken); err != nil {
			t.Fatal(err)
		}
		raw, err := sql.Open(map[bool]string{true: "pgx", false: "sqlite"}[strings.HasPrefix(dsn, "postgres")], dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		toggleDisabled := func(login string) {
			if _, err := raw.Exec(fmt.Sprintf(`UPDATE users SET disabled = NOT disabled WHERE id = %d`, w.users[login].ID)); err != nil {
				t.Fatal(err)
			}
		}

		// A credential is how a case's request says who it is: a session
		// of the named user, made for each server alike, or a fixed header.
		type credential struct {
			user    string        // a session of this user
			expires time.Duration // the session's lifetime, 0: the default
			cookie  string        // else this cookie
			bearer  bool          // else editorU's API token
		}
		for _, c := range []struct {
			name string
			cred credential
			path string
			// before runs once the sessions are made, after ends its change
			before, after func()
			advance       time.Duration // the clock moves on after the sessions are made
			// alone: the joined server looks the session up alone, the
			// joined statement having found nothing to answer
			alone bool
		}{
			{name: "own unit's draft", cred: credential{user: "editorU"}, path: "/api/evaluations/{draft}"},
			{name: "another unit's draft", cred: credential{user: "editorV"}, path: "/api/evaluations/{draft}", alone: true},
			{name: "published, another unit", cred: credential{user: "editorV"}, path: "/api/evaluations/{published}"},
			{name: "published, stale cookie", cred: credential{cookie: "no-such-session"}, path: "/api/evaluations/{published}", alone: true},
			{name: "published, no cookie", path: "/api/evaluations/{published}"},
			{name: "public read, stale cookie", cred: credential{cookie: "no-such-session"}, path: "/api/public/evaluations/{published}", alone: true},
			{name: "expired session", cred: credential{user: "editorU", expires: time.Minute}, advance: time.Minute, path: "/api/evaluations/{draft}", alone: true},
			{name: "disabled user", cred: credential{user: "editorU"}, path: "/api/evaluations/{draft}",
				before: func() { toggleDisabled("editorU") }, after: func() { toggleDisabled("editorU") }, alone: true},
			{name: "no such evaluation", cred: credential{user: "editorU"}, path: "/api/evaluations/99999", alone: true},
			{name: "bad id", cred: credential{user: "editorU"}, path: "/api/evaluations/x", alone: true},
			{name: "bearer token", cred: credential{bearer: true}, path: "/api/evaluations/{draft}"},
			{name: "session due for touching", cred: credential{user: "editorU"}, advance: 6 * time.Minute, path: "/api/evaluations/{draft}"},
			{name: "tasks of own unit", cred: credential{user: "editorU"}, path: "/api/tasks?unit={U}"},
			{name: "tasks of another unit", cred: credential{user: "editorU"}, path: "/api/tasks?unit={W}"},
			{name: "tasks, all", cred: credential{user: "editorU"}, path: "/api/tasks"},
			{name: "tasks, a page", cred: credential{user: "financeAdmin"}, path: "/api/tasks?offset=1&limit=1"},
			{name: "tasks of a year", cred: credential{user: "editorW"}, path: "/api/tasks?year=2023"},
			{name: "tasks, none", cred: credential{user: "editorU"}, path: "/api/tasks?year=2020"},
			{name: "tasks, the other bureau", cred: credential{user: "financeadming"}, path: "/api/tasks"},
			{name: "tasks, stale cookie", cred: credential{cookie: "no-such-session"}, path: "/api/tasks?unit={U}", alone: true},
			{name: "tasks, bad filter", cred: credential{user: "editorU"}, path: "/api/tasks?year=x", alone: true},
			{name: "tasks, session due for touching", cred: credential{user: "editorU"}, advance: 6 * time.Minute, path: "/api/tasks?unit={U}"},
		} {
			t.Run(c.name, func(t *testing.T) {
				path := strings.NewReplacer("{draft}", fmt.Sprint(draft.id), "{published}", fmt.Sprint(published.id),
					"{U}", fmt.Sprint(w.orgs["U"].ID), "{W}", fmt.Sprint(w.orgs["W"].ID)).Replace(c.path)
				// one session for each server, made alike
				var tokens [2]string
				if c.cred.user != "" {
					uid := otherAdmin.ID
					if c.cred.user != otherAdmin.Login {
						uid = w.users[c.cred.user].ID
					}
					for i := range tokens {
						s := &jixiao.Session{UserID: uid}
						if c.cred.expires != 0 {
							s.ExpiresAt = now().Add(c.cred.expires)
						}
						if err := w.svc.Sessions.CreateSession(context.Background(), s); err != nil {
							t.Fatal(err)
						}
						tokens[i] = s.Token
					}
				}
				elapsed.Add(int64(c.advance))
				if c.before != nil {
					c.before()
				}
				if c.after != nil {
					defer c.after()
				}
				var answers [2]answer
				for i, s := range servers {
					seq := lastSeq(t, w)
					finds, touches := s.sessions.finds.Load(), s.sessions.touches.Load()
					s.log.take()
					req := httptest.NewRequest("GET", path, nil)
					switch {
					case c.cred.user != "":
						req.AddCookie(&http.Cookie{Name: "jixiao_session", Value: tokens[i]})
					case c.cred.cookie != "":
						req.AddCookie(&http.Cookie{Name: "jixiao_session", Value: c.cred.cookie})
					case c.cred.bearer:
						req.Header.Set("Authorization", "Bearer "+apiToken.Token)
					}
					rec := httptest.NewRecorder()
					s.srv.ServeHTTP(rec, req)
					a := answer{Status: rec.Code, Body: rec.Body.String(), SetCookie: rec.Result().Header.Values("Set-Cookie"),
						Log: logSince(t, w, seq), Touches: s.sessions.touches.Load() - touches}
					if m := logUser.FindStringSubmatch(s.log.take()); m != nil {
						a.User = m[1]
					}
					answers[i] = a
					if alone := s.sessions.finds.Load() > finds; i == 1 && alone != c.alone {
						t.Errorf("the joined server looked the session up alone: %v, want %v", alone, c.alone)
					}
				}
				if fmt.Sprint(answers[0]) != fmt.Sprint(answers[1]) {
					t.Errorf("GET %s\nplain:  %+v\njoined: %+v", path, answers[0], answers[1])
				}
				t.Logf("%d %s touches %d log %q cookies %q body %.120s", answers[1].Status, answers[1].User, answers[1].Touches, answers[1].Log, answers[1].SetCookie, answers[1].Body)
			})
		}
	})
}

// lastSeq is the audit log's last entry.
func lastSeq(t *testing.T, w *world) int64 {
	t.Helper()
	_, n, err := w.svc.Log.FindLogEntries(w.as("admin"), jixiao.LogFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return int64(n)
}

// logSince returns the audit log's entries after seq, as the log shows
// them: time, who, what, on what, and from where.
func logSince(t *testing.T, w *world, seq int64) []string {
	t.Helper()
	es, _, err := w.svc.Log.FindLogEntries(w.as("admin"), jixiao.LogFilter{AfterSeq: seq})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %d %s %s %s %s %s", e.Time.Format(time.RFC3339Nano), e.UserID, e.UserName, e.Action, e.Object, e.Detail, e.Address))
	}
	return out
}
