package web

import "net/http"

// scoreShow answers GET /api/evaluations/{id}/revisions/{n}/score: the
// score the engine gave that revision, row by row.
func (s *Server) scoreShow(w http.ResponseWriter, r *http.Request) error {
	rev, err := s.findRevision(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newScoreView(rev.Score))
	return nil
}
