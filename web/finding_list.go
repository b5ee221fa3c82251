package web

import "net/http"

// findingList answers GET /api/evaluations/{id}/revisions/{n}/findings:
// what the audit found in that revision.
func (s *Server) findingList(w http.ResponseWriter, r *http.Request) error {
	rev, err := s.findRevision(r)
	if err != nil {
		return err
	}
	fs := newFindingViews(rev.Findings)
	writeJSON(w, http.StatusOK, list[findingView]{Items: fs, Total: len(fs)})
	return nil
}
