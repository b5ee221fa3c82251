package web

import (
	"net/http"

	"jixiao"
)

// diffPage compares two revisions field by field.
type diffPage struct {
	Rec       *jixiao.EvaluationRecord
	From, To  int
	Revisions []*jixiao.Revision
	Changes   []changeRow
}

// changeRow is one changed field, named as the table names it.
type changeRow struct {
	Path, Where, Old, New string
}

// pageRevisionDiff answers GET /evaluations/{id}/diff?from=&to=: what
// changed between two revisions (by default the latest and the one
// before).
func (s *Server) pageRevisionDiff(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	from, err := queryInt(r, "from")
	if err != nil {
		return err
	}
	to, err := queryInt(r, "to")
	if err != nil {
		return err
	}
	ctx := r.Context()
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	revs, _, err := s.cfg.Revisions.FindRevisions(ctx, jixiao.RevisionFilter{EvaluationID: id, Limit: 100})
	if err != nil {
		return err
	}
	if to <= 0 || to > rec.Revision {
		to = rec.Revision
	}
	if r.URL.Query().Get("from") == "" || from < 0 || from >= to {
		from = to - 1
	}
	var a *jixiao.Evaluation // revision 0 is the empty table
	if from > 0 {
		ra, err := s.cfg.Revisions.FindRevision(ctx, id, from)
		if err != nil {
			return err
		}
		a = ra.Content
	}
	rb, err := s.cfg.Revisions.FindRevision(ctx, id, to)
	if err != nil {
		return err
	}
	d := diffPage{Rec: rec, From: from, To: to, Revisions: revs}
	for _, c := range jixiao.DiffEvaluations(a, rb.Content) {
		d.Changes = append(d.Changes, changeRow{Path: c.Path, Where: fieldWords(rb.Content, c.Path), Old: c.Old, New: c.New})
	}
	return s.render(w, r, http.StatusOK, "diff", pageData{Title: "修订对比 · " + rec.Title, Data: d})
}
