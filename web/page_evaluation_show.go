package web

import (
	"context"
	"html/template"
	"net/http"

	"jixiao"
)

// showPage is the read-only view reviewers work from.
type showPage struct {
	Rec         *jixiao.EvaluationRecord // the row: its content is in Pieces
	Pieces      *pagePieces              // the table, the panel and the comment targets of this version
	Actions     []labelled
	Transitions []*jixiao.Transition
	Comments    []*jixiao.Comment
	CanComment  bool
	CanScore    bool
	Scores      []reviewRow
	ScoreRows   template.HTML // Scores as rows, when the version's piece shows them
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
	rec, transitions, comments, scores, pieces, err := s.findReviewPieces(ctx, id)
	if err != nil {
		return err
	}
	d := showPage{Rec: rec, Pieces: pieces, Downloads: downloads, CanComment: jixiao.CanComment(me, rec),
		CanScore: jixiao.CanReviewScore(me, rec), Editable: jixiao.CanEdit(me, rec), Transitions: transitions, Comments: comments}
	for _, a := range jixiao.NextActions(me, rec) {
		d.Actions = append(d.Actions, labelled{string(a), a.Label()})
	}
	if len(scores) == 0 && !d.CanScore {
		if d.ScoreRows, err = d.Pieces.Unscored(); err != nil {
			return err
		}
		d.Scores = d.Pieces.Rows
	} else {
		d.Scores, d.Gap = withReviews(d.Pieces.Rows, scores)
	}
	return s.renderShow(w, r, pageData{Title: "审核 · " + rec.Title, Flash: flash(r), Data: d})
}

// reviewReader is a store that reads all the review page shows in one
// transaction (sqldb's does); findReview falls back to the separate
// services for one that does not.
type reviewReader interface {
	FindEvaluationReview(ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error)
}

// reviewRowReader is a reviewReader that can leave the evaluation's latest
// revision out, reading its row alone (sqldb's can).
type reviewRowReader interface {
	FindEvaluationReviewRow(ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error)
}

// reviewKeptReader is a reviewRowReader that reads, in the same
// transaction, the latest revision of an evaluation whose version the
// caller does not keep (sqldb's does).
type reviewKeptReader interface {
	FindEvaluationReviewUnlessKept(ctx context.Context, id int64, kept func(*jixiao.EvaluationRecord) bool) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error)
}

// findReviewPieces is findReview with the pieces of the evaluation's
// version. When the pieces of the version its row names are kept, the
// row is all it reads of the evaluation: the revision (copied out of the
// store's cache for each caller) would only be rendered again into the
// same pieces. The row is read on every view, so the version is the one
// committed, whichever server saved it. When its pieces are not kept, the
// store that can reads the revision the row names in the same transaction
// (reviewKeptReader); otherwise what the row read is completed with that
// revision (revisions never change, so it is the content of that
// version); without a revision service the whole review is read again
// with the revision, in one transaction.
func (s *Server) findReviewPieces(ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, *pagePieces, error) {
	if rr, ok := s.cfg.Evaluations.(reviewKeptReader); ok {
		var kept *pagePieces
		rec, ts, cs, scores, err := rr.FindEvaluationReviewUnlessKept(ctx, id, func(rec *jixiao.EvaluationRecord) bool {
			kept, _ = s.pieces.items.Get(keyOf(rec))
			return kept != nil
		})
		if err != nil {
			return nil, nil, nil, nil, nil, err
		}
		if kept != nil {
			return rec, ts, cs, scores, kept, nil
		}
		p, err := s.piecesOf(ctx, rec)
		return rec, ts, cs, scores, p, err
	}
	if rr, ok := s.cfg.Evaluations.(reviewRowReader); ok {
		rec, ts, cs, scores, err := rr.FindEvaluationReviewRow(ctx, id)
		if err != nil {
			return nil, nil, nil, nil, nil, err
		}
		if p, ok := s.pieces.items.Get(keyOf(rec)); ok {
			return rec, ts, cs, scores, p, nil
		}
		if s.cfg.Revisions != nil {
			rev, err := s.cfg.Revisions.FindRevision(ctx, id, rec.Revision)
			if err != nil {
				return nil, nil, nil, nil, nil, err
			}
			rec.Content, rec.Provenance, rec.Score, rec.Findings = rev.Content, rev.Provenance, rev.Score, rev.Findings
			p, err := s.piecesOf(ctx, rec)
			return rec, ts, cs, scores, p, err
		}
	}
	rec, ts, cs, scores, err := s.findReview(ctx, id)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	p, err := s.piecesOf(ctx, rec)
	return rec, ts, cs, scores, p, err
}

// findReview reads the evaluation, its workflow steps, comments and
// review scores; the caller must be allowed to see its review.
func (s *Server) findReview(ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	if rr, ok := s.cfg.Evaluations.(reviewReader); ok {
		return rr.FindEvaluationReview(ctx, id)
	}
	return s.findReviewPlain(ctx, id)
}

// findReviewPlain is findReview through the separate services, each in
// its own transaction.
func (s *Server) findReviewPlain(ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	transitions, err := s.cfg.Evaluations.FindTransitions(ctx, id)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	var comments []*jixiao.Comment
	if jixiao.CanViewComments(jixiao.UserFromContext(ctx), rec) {
		if comments, err = s.cfg.Comments.FindComments(ctx, jixiao.CommentFilter{EvaluationID: id}); err != nil {
			return nil, nil, nil, nil, err
		}
	}
	scores, err := s.cfg.Reviews.FindReviewScores(ctx, jixiao.ReviewFilter{EvaluationID: id})
	if err != nil && jixiao.ErrorCode(err) != jixiao.EForbidden {
		return nil, nil, nil, nil, err
	}
	return rec, transitions, comments, scores, nil
}
