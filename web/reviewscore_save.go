package web

import (
	"net/http"

	"github.com/shopspring/decimal"

	"jixiao"
)

// reviewScoreSave answers POST /api/evaluations/{id}/review-scores: the
// reviewer's score (复核评分) for one indicator ("indicators[3]") or for the
// budget execution item ("budget"), replacing their earlier one. A score
// that differs from the unit's needs a reason.
func (s *Server) reviewScoreSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Path   string `json:"path"`
		Score  string `json:"score"`
		Reason string `json:"reason"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	score, err := decimal.NewFromString(req.Score)
	if err != nil {
		return invalidField("score", "复核得分 %q 不是数字", req.Score)
	}
	rs := &jixiao.ReviewScore{EvaluationID: id, Path: req.Path, Score: score, Reason: req.Reason}
	if err := s.cfg.Reviews.SaveReviewScore(r.Context(), rs); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newReviewScoreView(rs))
	return nil
}
