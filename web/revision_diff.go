package web

import (
	"net/http"

	"jixiao"
)

// revisionDiff answers GET /api/evaluations/{id}/diff?from=A&to=B: the
// fields that differ between revisions A and B (B defaults to the latest,
// A to the one before B).
func (s *Server) revisionDiff(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	from, err := queryInt(r, "from")
	if err != nil {
		return err
	}
	to, err := queryInt(r, "to")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if to == 0 {
		revs, _, err := s.cfg.Revisions.FindRevisions(ctx, jixiao.RevisionFilter{EvaluationID: id, Limit: 1})
		if err != nil {
			return err
		}
		if len(revs) == 0 {
			return jixiao.Errorf(jixiao.ENotFound, "自评表没有修订")
		}
		to = revs[0].Number
	}
	if from == 0 {
		from = to - 1
	}
	var a *jixiao.Evaluation // revision 0 is the empty table
	if from > 0 {
		ra, err := s.cfg.Revisions.FindRevision(ctx, id, from)
		if err != nil {
			return onField("from", err)
		}
		a = ra.Content
	}
	rb, err := s.cfg.Revisions.FindRevision(ctx, id, to)
	if err != nil {
		return onField("to", err)
	}
	writeJSON(w, http.StatusOK, struct {
		From    int          `json:"from"`
		To      int          `json:"to"`
		Changes []changeView `json:"changes"`
	}{from, to, newChangeViews(jixiao.DiffEvaluations(a, rb.Content))})
	return nil
}
