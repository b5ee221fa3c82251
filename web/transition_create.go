package web

import (
	"net/http"

	"jixiao"
)

// transitionCreate answers POST /api/evaluations/{id}/transitions: one
// workflow step (submit, withdraw, dept_approve, dept_return,
// finance_approve, finance_return, publish) taken on the version the
// caller saw. A return says why, and may pin comments to fields or
// indicators ("indicators[3]", "budget.全年执行数").
func (s *Server) transitionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Action   string `json:"action"`
		Version  int    `json:"version"`
		Reason   string `json:"reason"`
		Comments []struct {
			Path string `json:"path"`
			Body string `json:"body"`
		} `json:"comments"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if jixiao.Action(req.Action).Label() == req.Action {
		return invalidField("action", "流程操作 %q 无效", req.Action)
	}
	if req.Version <= 0 {
		return invalidField("version", "须给出操作所依据的版本号（version）")
	}
	tr := jixiao.TransitionRequest{Action: jixiao.Action(req.Action), Version: req.Version, Reason: req.Reason}
	for _, c := range req.Comments {
		tr.Comments = append(tr.Comments, &jixiao.Comment{Path: c.Path, Body: c.Body})
	}
	ctx := r.Context()
	rec, err := s.cfg.Evaluations.TransitionEvaluation(ctx, id, tr)
	if err != nil {
		return err
	}
	if rec.Content == nil {
		// the step's answer is the whole evaluation, as GET gives it
		if rec, err = s.cfg.Evaluations.FindEvaluationByID(ctx, id); err != nil {
			return err
		}
	}
	v, err := s.newEvaluationView(rec, jixiao.UserFromContext(ctx), false)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusOK, v)
	return nil
}
