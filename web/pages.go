package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"jixiao"
	"jixiao/dashboard"
)

// The web pages: server-rendered HTML over the same services, session and
// cross-origin protection as the API. Every page works without JavaScript;
// static/app.js only adds the live check and the row buttons.

//go:embed templates/*.html
var templateFiles embed.FS

// pageCSP is the Content-Security-Policy of every page: scripts, styles
// and images from this server only, no inline script.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// pageRoute is one page action. view is the template it renders; a POST
// that answers with a redirect has none.
type pageRoute struct {
	method, path string
	handle       handlerFunc
	view         string
	login        bool  // anonymous callers are sent to the login page
	maxBody      int64 // 0: Config.MaxBody
}

// pageRoutes lists every page of the web app.
func (s *Server) pageRoutes() []pageRoute {
	return []pageRoute{
		{method: "GET", path: "/assets/{hash}/{file...}", handle: s.assetShow},
		{method: "GET", path: "/login", handle: s.pageLoginShow, view: "login"},
		{method: "POST", path: "/login", handle: s.pageLoginCreate, view: "login"},
		{method: "POST", path: "/logout", handle: s.pageLogoutCreate},
		{method: "GET", path: "/{$}", handle: s.pageTaskList, view: "tasks", login: true},
		{method: "GET", path: "/overview", handle: s.pageOverviewShow, view: "overview", login: true},
		{method: "POST", path: "/overview/tasks", handle: s.pageTaskCreate, login: true},
		{method: "GET", path: "/admin", handle: s.pageAdminShow, view: "admin", login: true},
		{method: "POST", path: "/admin/users", handle: s.pageUserCreate, view: "admin", login: true},
		{method: "GET", path: "/admin/users/{id}", handle: s.pageUserEdit, view: "admin_user", login: true},
		{method: "POST", path: "/admin/users/{id}", handle: s.pageUserUpdate, view: "admin_user", login: true},
		{method: "POST", path: "/admin/users/{id}/password", handle: s.pagePasswordUpdate, view: "admin_user", login: true},
		{method: "POST", path: "/admin/organisations", handle: s.pageOrganisationCreate, view: "admin", login: true},
		{method: "GET", path: "/admin/organisations/{id}", handle: s.pageOrganisationEdit, view: "admin_org", login: true},
		{method: "POST", path: "/admin/organisations/{id}", handle: s.pageOrganisationUpdate, view: "admin_org", login: true},
		{method: "POST", path: "/evaluations/import", handle: s.pageEvaluationImport, view: "edit", login: true},
		{method: "GET", path: "/evaluations/{id}/edit", handle: s.pageEvaluationEdit, view: "edit", login: true},
		{method: "POST", path: "/evaluations/{id}/edit", handle: s.pageEvaluationSave, view: "edit", login: true},
		{method: "POST", path: "/evaluations/{id}/check", handle: s.pageEvaluationCheck, view: "check", login: true},
		{method: "GET", path: "/evaluations/{id}", handle: s.pageEvaluationShow, view: "show", login: true},
		{method: "GET", path: "/evaluations/{id}/diff", handle: s.pageRevisionDiff, view: "diff", login: true},
		{method: "POST", path: "/evaluations/{id}/transitions", handle: s.pageTransitionCreate, login: true},
		{method: "POST", path: "/evaluations/{id}/comments", handle: s.pageCommentCreate, login: true},
		{method: "POST", path: "/comments/{id}/resolve", handle: s.pageCommentResolve, login: true},
		{method: "POST", path: "/evaluations/{id}/review-scores", handle: s.pageReviewScoreSave, login: true},
		{method: "GET", path: "/dashboard", handle: s.pageDashboardShow, view: "dashboard", login: true},
		{method: "GET", path: "/units/{id}/years", handle: s.pageYearsShow, view: "years", login: true},
		{method: "GET", path: "/intakes", handle: s.pageIntakeList, view: "intakes", login: true},
		{method: "POST", path: "/intakes", handle: s.pageIntakeCreate, view: "intakes", login: true, maxBody: s.cfg.MaxIntake},
		{method: "GET", path: "/intakes/{id}", handle: s.pageIntakeShow, view: "intake", login: true},
		{method: "POST", path: "/intake-items/{id}/assign", handle: s.pageIntakeAssign, login: true},
		{method: "GET", path: "/public", handle: s.pagePublicList, view: "public_list"},
		{method: "GET", path: "/public/{id}", handle: s.pagePublicShow, view: "public_show"},
	}
}

// pages holds the parsed templates and the static files' hashed URLs,
// made once at start-up.
type pages struct {
	// plain renders every page with its templates, never a writer that
	// stands for one (renderShow): for the tests that hold the two together.
	plain  bool
	views  map[string]*template.Template
	assets map[string]string // file name → /assets/<hash>/<name>
	hashes map[string]string // file name → hash
}

// serverViews are rendered by the server itself, not by one route.
var serverViews = []string{"error"}

// partials are the templates every view may use; they are not views.
var partials = []string{"layout", "panel", "table"}

// partialFiles are the partials' template files.
func partialFiles() []string {
	var files []string
	for _, n := range partials {
		files = append(files, "templates/_"+n+".html")
	}
	return files
}

// newPages parses every template and hashes every static file. A view no
// route renders, or a route whose view does not exist, is an error: a
// page nobody can reach, or a route that cannot answer.
func newPages(routes []pageRoute) (*pages, error) {
	p := &pages{views: map[string]*template.Template{}, assets: map[string]string{}, hashes: map[string]string{}}
	err := fs.WalkDir(staticFiles, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel := strings.TrimPrefix(name, "static/")
		p.hashes[rel] = hex.EncodeToString(sum[:6])
		p.assets[rel] = "/assets/" + p.hashes[rel] + "/" + rel
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("hashing static files: %w", err)
	}
	funcs := templateFuncs(p)
	partialFiles := partialFiles()
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, file := range names {
		base := strings.TrimSuffix(path.Base(file), ".html")
		if strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New(base+".html").Funcs(funcs).ParseFS(templateFiles, append([]string{file}, partialFiles...)...)
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", file, err)
		}
		p.views[base] = t
	}
	if err := checkViews(p.views, routes); err != nil {
		return nil, err
	}
	return p, nil
}

// checkViews reports a view without a route or a route without its view.
func checkViews(views map[string]*template.Template, routes []pageRoute) error {
	used := map[string]bool{}
	var problems []string
	for _, rt := range routes {
		if rt.view == "" {
			continue
		}
		used[rt.view] = true
		if views[rt.view] == nil {
			problems = append(problems, fmt.Sprintf("route %s %s renders %q, which does not exist", rt.method, rt.path, rt.view))
		}
	}
	for name := range views {
		if !used[name] && !slices.Contains(serverViews, name) {
			problems = append(problems, fmt.Sprintf("template %s.html has no route", name))
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		return errors.New("web: " + strings.Join(problems, "; "))
	}
	return nil
}

// registerPages parses the templates and adds the page routes to mux.
func (s *Server) registerPages(mux *http.ServeMux) error {
	routes := s.pageRoutes()
	p, err := newPages(routes)
	if err != nil {
		return err
	}
	pagesByServer.Store(s, p)
	for _, rt := range routes {
		mux.Handle(rt.method+" "+rt.path, s.wrapPage(rt))
	}
	return nil
}

// pageData is what every view gets.
type pageData struct {
	Title string
	User  *jixiao.User
	Path  string // the request path, for the navigation's current item
	Flash string
	Error string
	Data  any
	// Refresh, when set, reloads the page after so many seconds: a page
	// of progress that works without JavaScript.
	Refresh int
}

// wrapPage looks the caller up as the API's authenticate middleware and
// route wrapper do (they cover /api/ only), applies the page CSP and
// answers errors as pages.
func (s *Server) wrapPage(rt pageRoute) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", pageCSP)
		if s.cfg.ContextWithAddress != nil {
			r = r.WithContext(s.cfg.ContextWithAddress(r.Context(), clientAddr(r)))
		}
		r, err := s.identify(r)
		if err == nil {
			r, err = s.withSession(w, r, nil)
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		if rt.login && !authenticated(r.Context()) {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		limit := s.cfg.MaxBody
		if rt.path == "/evaluations/import" {
			limit = s.cfg.MaxUpload + 1<<20
		}
		if rt.maxBody > 0 {
			limit = rt.maxBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if err := rt.handle(w, r); err != nil {
			s.pageError(w, r, err)
		}
	})
}

// render writes view with data as a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, view string, d pageData) error {
	p := s.pages()
	t := p.views[view]
	if t == nil {
		return fmt.Errorf("web: no view %q", view)
	}
	d.User = jixiao.UserFromContext(r.Context())
	d.Path = r.URL.Path
	return writePage(w, status, func(buf *bytes.Buffer) error {
		if err := t.ExecuteTemplate(buf, view+".html", d); err != nil {
			return fmt.Errorf("web: rendering %s: %w", view, err)
		}
		return nil
	})
}

// writePage answers with the page fill writes into a pooled buffer, in one
// write with its length, not chunked.
func writePage(w http.ResponseWriter, status int, fill func(*bytes.Buffer) error) error {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledPage {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := fill(buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// pageBuffers hold rendered pages until they are written: a page of the
// review pages is some 40 kB, which a fresh buffer reaches by doubling,
// every time. Write copies the page out, so the buffer is free after.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledPage is the largest buffer kept for the next page; a rare large
// page does not pin its buffer.
const maxPooledPage = 256 << 10

// pageError answers an error as a page: the domain's message, or a
// generic one for anything else (logged, never shown).
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := jixiao.ErrorCode(err)
	msg := "服务器内部错误，已记录，请稍后再试或联系管理员"
	var de *jixiao.Error
	if code != jixiao.EInternal && errors.As(err, &de) {
		msg = de.Message
	} else {
		s.logger.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	if code == jixiao.EUnauthorized {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	if rerr := s.render(w, r, errorStatus(code), "error", pageData{Title: "出错了", Error: msg}); rerr != nil {
		http.Error(w, msg, errorStatus(code))
	}
}

// assetShow answers GET /assets/{hash}/{file}: a static file under its
// content hash, so browsers may keep it for good.
func (s *Server) assetShow(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	if h, ok := s.pages().hashes[name]; !ok || h != r.PathValue("hash") {
		return errNoRoute
	}
	sub, _ := fs.Sub(staticFiles, "static")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeFileFS(w, r, sub, name)
	return nil
}

// templateFuncs are the helpers the templates call.
func templateFuncs(p *pages) template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) string { return p.assets[name] },
		"date":  dateText,
		"hasRole": func(u *jixiao.User, roles ...string) bool {
			if u == nil {
				return false
			}
			for _, r := range u.Roles {
				if slices.Contains(roles, string(r)) {
					return true
				}
			}
			return false
		},
		"add":     func(a, b int) int { return a + b },
		"percent": dashboard.Percent,
	}
}

// dateText is a time as the pages show it (the templates' date).
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(chinaTime).Format("2006-01-02 15:04")
}

// chinaTime is the time zone the pages show times in.
var chinaTime = time.FixedZone("CST", 8*3600)

// pagesByServer holds each Server's pages. It lives beside Server rather
// than in it so that the page layer adds files without reshaping the
// API's.
var pagesByServer sync.Map // *Server → *pages

func (s *Server) pages() *pages {
	v, _ := pagesByServer.Load(s)
	p, _ := v.(*pages)
	if p == nil {
		return &pages{}
	}
	return p
}
