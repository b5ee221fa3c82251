package web

import (
	"encoding/json"
	"net/http"

	"jixiao"
)

// evaluationUpdate answers PUT /api/evaluations/{id}: a save of new
// content made from the given version, stored as a new revision, scored
// and audited. A save from an older version is refused with 409, whose
// body lists who saved since and what they changed, so that nobody's
// update is lost. Comments and review scores pinned to indicator rows
// follow their indicators: to where indicator_origins says each saved
// indicator stood (-1 for one added), or else where the storage finds
// them by their names.
func (s *Server) evaluationUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Version    int             `json:"version"`
		Evaluation json.RawMessage `json:"evaluation"`
		Note       string          `json:"note"`
		Origins    []int           `json:"indicator_origins"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if req.Version <= 0 {
		return invalidField("version", "须给出修改所依据的版本号（version）")
	}
	content, err := decodeEvaluation(req.Evaluation)
	if err != nil {
		return err
	}
	ctx := r.Context()
	rec, err := s.cfg.Evaluations.UpdateEvaluation(ctx, id, jixiao.EvaluationUpdate{Version: req.Version, Content: content, Note: req.Note, Indicators: req.Origins})
	if jixiao.ErrorCode(err) == jixiao.EConflict {
		return s.conflict(r, id, req.Version, err)
	} else if err != nil {
		return err
	}
	v, err := s.newEvaluationView(rec, jixiao.UserFromContext(ctx), false)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusOK, v)
	return nil
}

// conflict adds to a version conflict the revisions saved since the
// caller's version: who, when, and the fields they changed.
func (s *Server) conflict(r *http.Request, id int64, since int, err error) error {
	revs, _, ferr := s.cfg.Revisions.FindRevisions(r.Context(), jixiao.RevisionFilter{EvaluationID: id, Limit: 50})
	if ferr != nil {
		return err
	}
	saved := []revisionView{}
	for _, rev := range revs {
		if rev.Version > since {
			v, _ := newRevisionView(rev, false)
			saved = append(saved, v)
		}
	}
	return &detailedError{Err: err, Details: map[string]any{"your_version": since, "saved_since": saved}}
}
