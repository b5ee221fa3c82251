package web

import "net/http"

// publicDownloadShow answers GET /api/public/evaluations/{id}/downloads/{file}
// without login: a published evaluation's table or report, without the
// audit's findings.
func (s *Server) publicDownloadShow(w http.ResponseWriter, r *http.Request) error {
	return s.writeDownload(w, r, anonymous(r.Context()), false)
}
