package web

import (
	"net/http"

	"jixiao"
)

// publicEvaluationList answers GET /api/public/evaluations without login:
// the published evaluations, in their public form.
func (s *Server) publicEvaluationList(w http.ResponseWriter, r *http.Request) error {
	f, err := evaluationFilter(r)
	if err != nil {
		return err
	}
	f.Statuses, f.TaskID = []jixiao.Status{jixiao.StatusPublished}, 0
	return s.writeEvaluationList(w, r, f, true)
}
