package web

import (
	"net/http"

	"jixiao"
)

// reviewScoreList answers GET /api/evaluations/{id}/review-scores
// (?stage=dept|finance): the reviewers' scores beside the unit's, with
// the gap and its reason.
func (s *Server) reviewScoreList(w http.ResponseWriter, r *http.Request) error {
	return s.writeReviewScores(w, r, false)
}

// publicReviewScoreList answers GET /api/public/evaluations/{id}/review-scores
// without login: the 复核 result of a published evaluation (any other is
// not found), without who the reviewers were.
func (s *Server) publicReviewScoreList(w http.ResponseWriter, r *http.Request) error {
	return s.writeReviewScores(w, r.WithContext(anonymous(r.Context())), true)
}

func (s *Server) writeReviewScores(w http.ResponseWriter, r *http.Request, public bool) error {
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
		v := newReviewScoreView(sc)
		if public {
			v.UserID, v.UserName = 0, ""
		}
		out.Items = append(out.Items, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
