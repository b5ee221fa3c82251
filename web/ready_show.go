package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// readyShow answers GET /readyz: 200 when the database answers, 503 when
// not, so that a load balancer sends requests only to servers that can
// serve them.
func (s *Server) readyShow(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.cfg.Ready(ctx); err != nil {
			s.logger.WarnContext(ctx, "not ready", slog.Any("err", err))
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
			return nil
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}
