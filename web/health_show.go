package web

import "net/http"

// healthShow answers GET /healthz: the process is up. It checks nothing
// else, so that an orchestrator restarts only a server that cannot answer.
func (s *Server) healthShow(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
