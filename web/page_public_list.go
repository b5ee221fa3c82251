package web

import (
	"net/http"

	"jixiao"
)

// pagePublicList answers GET /public: the published evaluations, for
// anyone.
func (s *Server) pagePublicList(w http.ResponseWriter, r *http.Request) error {
	ctx := anonymous(r.Context())
	evs, _, err := s.cfg.Evaluations.FindEvaluations(ctx, jixiao.EvaluationFilter{Statuses: []jixiao.Status{jixiao.StatusPublished}, Limit: maxPage})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "public_list", pageData{Title: "公开的绩效自评", Data: evs})
}
