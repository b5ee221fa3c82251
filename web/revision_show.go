package web

import (
	"net/http"
	"strconv"

	"jixiao"
)

// revisionShow answers GET /api/evaluations/{id}/revisions/{n}: one saved
// state, with its content, score and findings as they were then.
func (s *Server) revisionShow(w http.ResponseWriter, r *http.Request) error {
	rev, err := s.findRevision(r)
	if err != nil {
		return err
	}
	v, err := newRevisionView(rev, true)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// findRevision finds the revision named by the {id} and {n} path values.
func (s *Server) findRevision(r *http.Request) (*jixiao.Revision, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n <= 0 {
		return nil, invalidField("n", "修订号 %q 无效", r.PathValue("n"))
	}
	return s.cfg.Revisions.FindRevision(r.Context(), id, n)
}
