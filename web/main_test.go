package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao"
	"jixiao/internal/wire"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
	"jixiao/web"
)

// The API tests run the real server (httptest on 127.0.0.1) over a real
// database: SQLite always, PostgreSQL too when JIXIAO_TEST_POSTGRES names
// one (each test in a fresh schema).

// engines, eachEngine and MustDSN: the shared per-engine databases.
var (
	engines    = sqldbtest.Engines
	eachEngine = sqldbtest.EachEngine
	MustDSN    = sqldbtest.MustDSN
)

// MustOpenDB opens dsn with cheap password hashing.
func MustOpenDB(tb testing.TB, dsn string) *sqldb.DB {
	tb.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 1024, Threads: 1}
	tb.Cleanup(func() { db.Close() })
	return db
}

// testPassword is every test user's password.
const testPassword = "correct-horse-battery"

// world is a running server over a fresh database holding this tree and
// one user per role:
//
//	财政局 F ─ 司法局 D ─ 司法所 U, 公证处 V
//	       └─ 教育局 E ─ 一中 W
type world struct {
	t     testing.TB
	dsn   string
	db    *sqldb.DB
	svc   web.Services
	url   string
	orgs  map[string]*jixiao.Organisation
	users map[string]*jixiao.User

	editorClient *client
}

// editor returns a client signed in as U's editor, made once.
func (w *world) editor() *client {
	if w.editorClient == nil {
		w.editorClient = w.login("editorU")
	}
	return w.editorClient
}

// The users of a world, by name: who they are is in the name.
var worldUsers = []struct {
	name, org string
	role      jixiao.Role
}{
	{"editorU", "U", jixiao.RoleUnitEditor},
	{"approverU", "U", jixiao.RoleUnitApprover},
	{"editorV", "V", jixiao.RoleUnitEditor},
	{"editorW", "W", jixiao.RoleUnitEditor},
	{"reviewerD", "D", jixiao.RoleDeptReviewer},
	{"reviewerE", "E", jixiao.RoleDeptReviewer},
	{"financeReviewer", "F", jixiao.RoleFinanceReviewer},
	{"financeAdmin", "F", jixiao.RoleFinanceAdmin},
	{"admin", "F", jixiao.RoleSystemAdmin},
}

func mustWorld(t testing.TB, dsn string) *world {
	t.Helper()
	db := MustOpenDB(t, dsn)
	w := &world{t: t, dsn: dsn, db: db, svc: wire.Services(db), orgs: map[string]*jixiao.Organisation{}, users: map[string]*jixiao.User{}}
	console := jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
	for _, o := range []struct {
		key, code, name, parent string
		kind                    jixiao.OrgKind
	}{
		{"F", "F00", "测试财政局", "", jixiao.OrgFinance},
		{"D", "D00", "测试司法局", "F", jixiao.OrgDepartment},
		{"E", "E00", "测试教育局", "F", jixiao.OrgDepartment},
		{"U", "U00", "测试司法所", "D", jixiao.OrgUnit},
		{"V", "V00", "测试公证处", "D", jixiao.OrgUnit},
		{"W", "W00", "测试一中", "E", jixiao.OrgUnit},
	} {
		org := &jixiao.Organisation{Code: o.code, Name: o.name, Kind: o.kind}
		if o.parent != "" {
			org.ParentID = w.orgs[o.parent].ID
		}
		if err := w.svc.Organisations.CreateOrganisation(console, org); err != nil {
			t.Fatal(err)
		}
		w.orgs[o.key] = org
	}
	for _, u := range worldUsers {
		nu := &jixiao.User{Login: strings.ToLower(u.name), Name: u.name, OrgID: w.orgs[u.org].ID, Roles: []jixiao.Role{u.role}}
		if err := w.svc.Users.CreateUser(console, nu, testPassword); err != nil {
			t.Fatal(err)
		}
		full, err := w.svc.Users.FindUserByID(console, nu.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.users[u.name] = full
	}
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := web.NewServer(web.Config{Services: w.svc, Ready: db.Ping, ContextWithAddress: sqldb.NewContextWithAddress, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	w.url = ts.URL
	return w
}

// testWriter sends the server's warnings and errors to the test log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// as returns a context acting as the named user, for setting up state
// through the services directly.
func (w *world) as(name string) context.Context {
	u := w.users[name]
	if u == nil {
		w.t.Fatalf("no user %s", name)
	}
	return jixiao.NewContextWithUser(context.Background(), u)
}

// client talks to a world's server as one user (or nobody).
type client struct {
	t    testing.TB
	base string
	hc   *http.Client
	// header is added to every request (Authorization, Origin …).
	header http.Header
}

// anon returns a client not signed in.
func (w *world) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: w.t, base: w.url, hc: &http.Client{Jar: jar}, header: http.Header{}}
}

// login returns a client signed in as the named user through POST /api/login.
func (w *world) login(name string) *client {
	return loginAt(w.t, w.url, strings.ToLower(name))
}

func loginAt(t testing.TB, base, login string) *client {
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: base, hc: &http.Client{Jar: jar}, header: http.Header{}}
	c.must("POST", "/api/login", map[string]string{"login": login, "password": testPassword}, 200, nil)
	return c
}

// call sends a request with a JSON body (nil for none) and returns the
// status and the body.
func (c *client) call(method, path string, body any) (int, []byte) {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			c.t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req)
}

func (c *client) send(req *http.Request) (int, []byte) {
	c.t.Helper()
	for k, v := range c.header {
		req.Header[k] = v
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp.StatusCode, b
}

// must sends a request, fails the test unless the status is want, and
// decodes the answer into out (when not nil).
func (c *client) must(method, path string, body any, want int, out any) {
	c.t.Helper()
	status, b := c.call(method, path, body)
	if status != want {
		c.t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			c.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
}

// upload posts a file with form fields to path.
func (c *client) upload(path, filename string, data []byte, fields map[string]string) (int, []byte) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req, err := http.NewRequest("POST", c.base+path, &buf)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.send(req)
}

// evaluation is the part of an evaluation answer the tests read.
type evaluation struct {
	ID      int64                   `json:"id"`
	Version int                     `json:"version"`
	Errors  int                     `json:"errors"`
	Status  struct{ Code string }   `json:"status"`
	Content map[string]any          `json:"evaluation"`
	Actions []struct{ Code string } `json:"actions"`
	Notes   []string                `json:"notes"`
	Score   struct {
		Total string `json:"total"`
		Rows  []struct {
			Path  string `json:"path"`
			Score string `json:"score"`
		} `json:"rows"`
	} `json:"score"`
	Findings []struct {
		Code string `json:"code"`
	} `json:"findings"`
}

// errorBody is an error answer.
type errorBody struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Field   string         `json:"field"`
	Details map[string]any `json:"details"`
}

func decodeError(tb testing.TB, b []byte) errorBody {
	tb.Helper()
	var e errorBody
	if err := json.Unmarshal(b, &e); err != nil {
		tb.Fatalf("error body %s: %v", b, err)
	}
	return e
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
