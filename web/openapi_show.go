package web

import "net/http"

// openAPIShow answers GET /api/openapi.json with the API's description.
func (s *Server) openAPIShow(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := w.Write(s.openapi)
	return err
}
