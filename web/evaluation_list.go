package web

import (
	"net/http"
	"strings"

	"jixiao"
)

// evaluationList answers GET /api/evaluations: the evaluations the caller
// may see, filtered by task, unit, subtree, year, kind, project code and
// status (a comma-separated list), without their content.
func (s *Server) evaluationList(w http.ResponseWriter, r *http.Request) error {
	f, err := evaluationFilter(r)
	if err != nil {
		return err
	}
	return s.writeEvaluationList(w, r, f, false)
}

func evaluationFilter(r *http.Request) (jixiao.EvaluationFilter, error) {
	var f jixiao.EvaluationFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return f, err
	}
	if f.TaskID, err = queryID(r, "task"); err != nil {
		return f, err
	}
	if f.UnitID, err = queryID(r, "unit"); err != nil {
		return f, err
	}
	if f.Under, err = queryID(r, "under"); err != nil {
		return f, err
	}
	if f.Year, err = queryInt(r, "year"); err != nil {
		return f, err
	}
	if f.Kind, err = queryKind(r, "kind"); err != nil {
		return f, err
	}
	f.ProjectCode = r.URL.Query().Get("project_code")
	if st := r.URL.Query().Get("status"); st != "" {
		for _, s := range strings.Split(st, ",") {
			status := jixiao.Status(strings.TrimSpace(s))
			if !status.Valid() {
				return f, invalidField("status", "流程状态 %q 无效", s)
			}
			f.Statuses = append(f.Statuses, status)
		}
	}
	return f, nil
}

func (s *Server) writeEvaluationList(w http.ResponseWriter, r *http.Request, f jixiao.EvaluationFilter, public bool) error {
	ctx := r.Context()
	if public {
		ctx = anonymous(ctx)
	}
	recs, n, err := s.cfg.Evaluations.FindEvaluations(ctx, f)
	if err != nil {
		return err
	}
	u := jixiao.UserFromContext(ctx)
	out := list[evaluationView]{Items: []evaluationView{}, Total: n}
	for _, rec := range recs {
		v, err := s.newEvaluationView(rec, u, public)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
