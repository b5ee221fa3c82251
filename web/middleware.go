package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"jixiao"
)

var (
	errNoRoute     = jixiao.Errorf(jixiao.ENotFound, "没有这个地址")
	errCrossOrigin = jixiao.Errorf(jixiao.EForbidden, "拒绝跨站请求：修改数据的请求必须来自本站页面")
	errLoginNeeded = jixiao.Errorf(jixiao.EUnauthorized, "请先登录")
)

// handle turns a handlerFunc into an http.Handler that answers its error.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// wrap looks up the caller's session (with the route's first read when it
// joins one) and applies the route's access rule and body limit to its
// handler.
func (s *Server) wrap(rt route) http.Handler {
	limit := rt.maxBody
	if limit == 0 {
		limit = s.cfg.MaxBody
	}
	h := rt.handle
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		r, err := s.withSession(w, r, rt.join)
		if err != nil {
			return err
		}
		if rt.access == user && !authenticated(r.Context()) {
			return errLoginNeeded
		}
		if r.ContentLength > limit {
			return jixiao.Errorf(eTooLarge, "请求体 %d 字节，超过 %d 字节的上限", r.ContentLength, limit)
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		return h(w, r)
	})
}

// securityHeaders sets the headers every answer carries: the API serves
// data, never pages to frame or scripts to run.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of an answer for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequest logs one structured line per request, with an id the client
// also gets in X-Request-Id to quote when it reports a problem.
func (s *Server) logRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		id := requestID()
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		info := &requestInfo{}
		next.ServeHTTP(sw, r.WithContext(withRequestInfo(r.Context(), info)))
		attrs := []slog.Attr{
			slog.String("id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
			slog.Duration("took", time.Since(start)), slog.String("remote", clientAddr(r)),
		}
		if info.user != "" {
			attrs = append(attrs, slog.String("user", info.user))
		}
		s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}

func requestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// recoverPanic answers a panicking handler with a 500 and logs the stack,
// so that one bad request never takes the server down.
func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil || v == http.ErrAbortHandler {
				if v != nil {
					panic(v)
				}
				return
			}
			s.logger.Error("panic", slog.String("path", r.URL.Path), slog.String("panic", fmt.Sprint(v)),
				slog.String("stack", string(debug.Stack())))
			s.writeError(w, r, fmt.Errorf("panic: %v", v))
		}()
		next.ServeHTTP(w, r)
	})
}
