package web

import (
	"context"
	"net/http"

	"jixiao"
)

// evaluationShow answers GET /api/evaluations/{id}: the evaluation with
// its content in the file form, its latest score and findings, and the
// workflow steps the caller may take.
func (s *Server) evaluationShow(w http.ResponseWriter, r *http.Request) error {
	return s.writeEvaluation(w, r, false)
}

func (s *Server) writeEvaluation(w http.ResponseWriter, r *http.Request, public bool) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if public {
		ctx = anonymous(ctx)
	}
	rec, body, err := s.findEvaluationBody(ctx, id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusOK, evaluationViewOf(rec, body, jixiao.UserFromContext(ctx), public))
	return nil
}

// rowReader is a store that reads an evaluation's row alone, without its
// latest revision, and then the revision a row names (sqldb's does).
type rowReader interface {
	FindEvaluationRow(ctx context.Context, id int64) (*jixiao.EvaluationRecord, error)
	FindEvaluationLatest(ctx context.Context, row *jixiao.EvaluationRecord) (*jixiao.EvaluationRecord, error)
}

// sessionRowReader is a store that reads an evaluation's row in the
// statement that looks the caller's session up (sqldb's does).
type sessionRowReader interface {
	FindEvaluationRowBySession(ctx context.Context, token string, id int64) (*jixiao.Session, *jixiao.EvaluationRecord, error)
}

// joinEvaluationRow is evaluationShow's joinRead: the evaluation's row,
// for findEvaluationBody.
func (s *Server) joinEvaluationRow(ctx context.Context, r *http.Request, token string) (*jixiao.Session, context.Context) {
	sr, ok := s.cfg.Evaluations.(sessionRowReader)
	if !ok {
		return nil, ctx
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, ctx
	}
	sess, row, err := sr.FindEvaluationRowBySession(ctx, token, id)
	if err != nil {
		return nil, ctx
	}
	return sess, withJoined(ctx, sess, row)
}

// findEvaluationBody reads evaluation id and the body of its version.
// When the body of the version its row names is kept, the row is all it
// reads: the revision (decoded, or copied out of the store's cache for
// this caller) would only be encoded again into the same body; when it is
// not, the revision that row names. The row is read from the database on
// every call (with the session, when the route joined it: joinEvaluationRow),
// so the version it names is the one committed, whichever server saved it.
func (s *Server) findEvaluationBody(ctx context.Context, id int64) (*jixiao.EvaluationRecord, *evaluationBody, error) {
	var rec *jixiao.EvaluationRecord
	var err error
	if rr, ok := s.cfg.Evaluations.(rowReader); ok {
		row, ok := joinedValue[*jixiao.EvaluationRecord](ctx)
		if !ok || row.ID != id {
			if row, err = rr.FindEvaluationRow(ctx, id); err != nil {
				return nil, nil, err
			}
		}
		if b, ok := s.bodies.items.Get(keyOf(row)); ok {
			return row, b, nil
		}
		if rec, err = rr.FindEvaluationLatest(ctx, row); err != nil {
			return nil, nil, err
		}
	} else if rec, err = s.cfg.Evaluations.FindEvaluationByID(ctx, id); err != nil {
		return nil, nil, err
	}
	b, err := s.bodies.get(rec, func() (*evaluationBody, error) { return newEvaluationBody(rec) })
	return rec, b, err
}

func etag(version int) string { return `"v` + itoa(int64(version)) + `"` }
