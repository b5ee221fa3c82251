package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
)

// pageReviewScoreSave answers POST /evaluations/{id}/review-scores: the
// reviewer's score (复核评分) for one indicator, with the reason.
func (s *Server) pageReviewScoreSave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	f := r.PostForm
	score, err := decimal.NewFromString(strings.TrimSpace(f.Get("score")))
	if err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "复核得分“%s”不是数字", f.Get("score"))
	}
	rs := &jixiao.ReviewScore{EvaluationID: id, Path: f.Get("path"), Score: score, Reason: strings.TrimSpace(f.Get("reason"))}
	if err := s.cfg.Reviews.SaveReviewScore(r.Context(), rs); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/evaluations/%d?msg=score#review", id), http.StatusSeeOther)
	return nil
}
