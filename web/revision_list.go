package web

import (
	"net/http"

	"jixiao"
)

// revisionList answers GET /api/evaluations/{id}/revisions: every save,
// newest first, with who, when and what changed.
func (s *Server) revisionList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := jixiao.RevisionFilter{EvaluationID: id}
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	revs, n, err := s.cfg.Revisions.FindRevisions(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[revisionView]{Items: []revisionView{}, Total: n}
	for _, rev := range revs {
		v, err := newRevisionView(rev, false)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
