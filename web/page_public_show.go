package web

import (
	"net/http"

	"jixiao"
)

// publicPage is a published evaluation as anyone may read it.
type publicPage struct {
	Rec      *jixiao.EvaluationRecord
	Ev       *jixiao.Evaluation
	Pieces   *pagePieces // the table and the findings of this version
	Reviewed []reviewRow
	Gap      string
}

// pagePublicShow answers GET /public/{id}: the table as HTML (printable),
// the findings that remained and the 复核 result, with the downloads.
func (s *Server) pagePublicShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := anonymous(r.Context())
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	d := publicPage{Rec: rec, Ev: rec.Content}
	if d.Pieces, err = s.piecesOf(ctx, rec); err != nil {
		return err
	}
	scores, err := s.cfg.Reviews.FindReviewScores(ctx, jixiao.ReviewFilter{EvaluationID: id})
	if err != nil {
		return err
	}
	if len(scores) > 0 {
		d.Reviewed, d.Gap = reviewRows(rec, scores)
	}
	return s.render(w, r, http.StatusOK, "public_show", pageData{Title: rec.Title + " " + itoa(int64(rec.Year)) + " 年度绩效自评", Data: d})
}
