package web

import (
	"net/http"

	"jixiao"
)

// reviewScoreList answers GET /api/evaluations/{id}/review-scores
// (?stage=dept|finance): the reviewers' scores beside the unit's, with
// the gap and its reason.
func (s *Server) reviewScoreList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := jixiao.ReviewFilter{EvaluationID: id, Stage: jixiao.ReviewStage(r.URL.Query().Get("stage"))}
	if f.Stage != "" && f.Stage != jixiao.StageDept && f.Stage != jixiao.StageFinance {
		return invalidField("stage", "审核阶段 %q 无效：应为 dept 或 finance", f.Stage)
	}
	scores, err := s.cfg.Reviews.FindReviewScores(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[reviewScoreView]{Items: []reviewScoreView{}, Total: len(scores)}
	for _, sc := range scores {
		out.Items = append(out.Items, newReviewScoreView(sc))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
