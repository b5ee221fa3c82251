package web

import (
	"net/http"

	"jixiao"
)

// evaluationShow answers GET /api/evaluations/{id}: the evaluation with
// its content in the file form, its latest score and findings, and the
// workflow steps the caller may take.
func (s *Server) evaluationShow(w http.ResponseWriter, r *http.Request) error {
	return s.writeEvaluation(w, r, false)
}

func (s *Server) writeEvaluation(w http.ResponseWriter, r *http.Request, public bool) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if public {
		ctx = anonymous(ctx)
	}
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	v, err := s.newEvaluationView(rec, jixiao.UserFromContext(ctx), public)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusOK, v)
	return nil
}

func etag(version int) string { return `"v` + itoa(int64(version)) + `"` }
