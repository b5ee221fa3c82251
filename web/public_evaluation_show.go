package web

import "net/http"

// publicEvaluationShow answers GET /api/public/evaluations/{id} without
// login: a published evaluation in its public form; any other is not
// found, whoever asks.
func (s *Server) publicEvaluationShow(w http.ResponseWriter, r *http.Request) error {
	return s.writeEvaluation(w, r, true)
}
