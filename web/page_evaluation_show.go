package web

import (
	"net/http"

	"github.com/shopspring/decimal"

	"jixiao"
)

// showPage is the read-only view reviewers work from.
type showPage struct {
	Rec         *jixiao.EvaluationRecord
	Ev          *jixiao.Evaluation
	Panel       checkPanel
	Actions     []labelled
	Transitions []*jixiao.Transition
	Comments    []*jixiao.Comment
	Paths       []labelled        // what a comment may be pinned to
	Labels      map[string]string // a comment's path in words
	CanComment  bool
	CanScore    bool
	Scores      []reviewRow
	Gap         string
	Downloads   []download
	Editable    bool
}

// reviewRow is one indicator with the unit's score and the reviewers'.
type reviewRow struct {
	Index                         int
	Path, Name, Weight, UnitScore string
	Review                        *jixiao.ReviewScore
	Gap                           string
}

// pageEvaluationShow answers GET /evaluations/{id}.
func (s *Server) pageEvaluationShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	me := jixiao.UserFromContext(ctx)
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	d := showPage{Rec: rec, Ev: rec.Content, Downloads: downloads, CanComment: jixiao.CanComment(me, rec),
		CanScore: jixiao.CanReviewScore(me, rec), Editable: jixiao.CanEdit(me, rec)}
	if d.Panel, err = s.checkContent(ctx, rec, rec.Content); err != nil {
		return err
	}
	d.Panel = d.Panel.readOnly()
	for _, a := range jixiao.NextActions(me, rec) {
		d.Actions = append(d.Actions, labelled{string(a), a.Label()})
	}
	if d.Transitions, err = s.cfg.Evaluations.FindTransitions(ctx, id); err != nil {
		return err
	}
	if jixiao.CanViewComments(me, rec) {
		if d.Comments, err = s.cfg.Comments.FindComments(ctx, jixiao.CommentFilter{EvaluationID: id}); err != nil {
			return err
		}
	}
	d.Paths, d.Labels = commentTargets(rec.Content), targetLabels(rec.Content)
	scores, err := s.cfg.Reviews.FindReviewScores(ctx, jixiao.ReviewFilter{EvaluationID: id})
	if err != nil && jixiao.ErrorCode(err) != jixiao.EForbidden {
		return err
	}
	byPath := map[string]*jixiao.ReviewScore{}
	for _, sc := range scores {
		byPath[sc.Path] = sc // later stages come later and win
	}
	gap := decimal.Zero
	for _, row := range rec.Score.Rows {
		rr := reviewRow{Index: row.Index, Path: indicatorPath(row.Index), Name: row.Name, Weight: row.Weight.String(), UnitScore: row.Score.StringFixed(2)}
		if sc := byPath[rr.Path]; sc != nil {
			rr.Review, rr.Gap = sc, sc.Gap().StringFixed(2)
			gap = gap.Add(sc.Gap())
		}
		d.Scores = append(d.Scores, rr)
	}
	if len(scores) > 0 {
		d.Gap = gap.StringFixed(2)
	}
	return s.render(w, r, http.StatusOK, "show", pageData{Title: "审核 · " + rec.Title, Flash: flash(r), Data: d})
}
