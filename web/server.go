package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"time"

	"jixiao"
	"jixiao/dashboard"
)

// Limits on what one request may send. A zero field takes its default.
const (
	DefaultMaxBody   = 1 << 20  // JSON bodies
	DefaultMaxUpload = 20 << 20 // uploaded documents
	DefaultMaxIntake = 1 << 30  // an intake's files, kept on disk until they are stored

	// DefaultSessionLifetime is how long a session lives unused.
	DefaultSessionLifetime = 12 * time.Hour
)

// Services are the storage services the handlers call. Each enforces
// authorization itself, from the user the middleware puts in the context.
type Services struct {
	Organisations jixiao.OrganisationService
	Users         jixiao.UserService
	Sessions      jixiao.SessionService
	Tokens        jixiao.TokenService
	Tasks         jixiao.TaskService
	Evaluations   jixiao.EvaluationService
	Revisions     jixiao.RevisionService
	Comments      jixiao.CommentService
	Reviews       jixiao.ReviewService
	Sources       jixiao.SourceService
	Log           jixiao.LogService
	Dashboard     dashboard.Store
	Intakes       jixiao.IntakeService
}

// Config is what a Server needs; cmd/jixiao fills it.
type Config struct {
	Services
	// SessionLifetime is how long an unused session lives; each use
	// extends it. Zero means DefaultSessionLifetime.
	SessionLifetime time.Duration
	// Logger receives one line per request and every internal error.
	Logger *slog.Logger
	// Ready reports whether the server can serve (its database answers);
	// nil means always ready.
	Ready func(context.Context) error
	// SecureCookies marks the session cookie Secure; set it behind HTTPS.
	SecureCookies bool
	// MaxBody and MaxUpload bound request bodies in bytes; MaxIntake
	// bounds an intake's upload (a .zip or several files).
	MaxBody, MaxUpload, MaxIntake int64
	// IntakeRoot is the folder on the server under which an intake may
	// name a folder to take in; empty forbids it.
	IntakeRoot string
	// UploadDir is where an intake's uploaded files are kept while the
	// intake is stored (the data folder's uploads); empty means the
	// system's temporary folder.
	UploadDir string
	// ContextWithAddress, when set, records the client's address in the
	// context for the audit log (sqldb.NewContextWithAddress).
	ContextWithAddress func(ctx context.Context, addr string) context.Context
	// Now is the clock, for tests; nil means time.Now.
	Now func() time.Time
}

// Server is the HTTP server of the system of record. It holds no state of
// its own beyond the login throttle and a cache of immutable evaluation
// versions: sessions live in the database, so any number of servers can
// share one.
type Server struct {
	cfg      Config
	logger   *slog.Logger
	now      func() time.Time
	routes   []route
	handler  http.Handler
	throttle *throttle
	openapi  []byte
	bodies   *versionCache[*evaluationBody]
	panels   *versionCache[checkPanel]
	pieces   *versionCache[*pagePieces]
	// editPanels are the editor's check panels, rendered (about 7 kB each)
	editPanels *versionCache[template.HTML]
	// plainSessions (tests) has no route join its read with the lookup of
	// the session, so that a test can hold the joined reads against it.
	plainSessions bool
}

// NewServer returns a Server for cfg with its routes registered.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.SessionLifetime <= 0 {
		cfg.SessionLifetime = DefaultSessionLifetime
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.MaxIntake <= 0 {
		cfg.MaxIntake = DefaultMaxIntake
	}
	doc, err := openAPIJSON()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, logger: cfg.Logger, now: cfg.Now, openapi: doc}
	s.throttle = newThrottle(cfg.Now)
	s.bodies, s.panels, s.pieces = newVersionCache[*evaluationBody](4096), newVersionCache[checkPanel](1024), newVersionCache[*pagePieces](4096)
	s.editPanels = newVersionCache[template.HTML](4096)
	mux := http.NewServeMux()
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
	}
	if err := s.registerPages(mux); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	mux.Handle("/", s.handle(s.noRoute(mux)))
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errCrossOrigin)
	}))
	s.handler = s.recoverPanic(s.logRequest(securityHeaders(csrf.Handler(s.authenticate(mux)))))
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Serve answers requests on ln until ctx is done, then stops accepting,
// lets requests in flight finish for up to grace and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute, // renders of big reports
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.logger.Info("shutting down", slog.Duration("grace", grace))
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
