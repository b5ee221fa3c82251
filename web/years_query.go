package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"

	"jixiao"
	"jixiao/dashboard"
)

// yearsResult is one unit's history of one kind and project, with the
// other histories the caller may open for the same unit.
type yearsResult struct {
	dashboard.Years
	Series []yearSeries `json:"series"`
}

// yearSeries names one history of a unit: its 部门整体 tables, or one
// project's.
type yearSeries struct {
	Kind        jixiao.Kind `json:"kind"`
	ProjectCode string      `json:"project_code,omitempty"`
	Title       string      `json:"title"`
	Years       int         `json:"years"`
}

// loadYears reads the unit's evaluations the caller may view and builds
// the history of the kind and project asked; with no kind, the 部门整体
// one if there is any, else the project of the latest evaluation.
func (s *Server) loadYears(ctx context.Context, unitID int64, kind jixiao.Kind, project string) (*yearsResult, error) {
	recs, _, err := s.cfg.Evaluations.FindEvaluations(ctx, jixiao.EvaluationFilter{UnitID: unitID, Limit: maxPage})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, jixiao.Errorf(jixiao.ENotFound, "单位 %d 没有可查看的自评", unitID)
	}
	out := &yearsResult{}
	seen := map[[2]string]int{}
	for _, r := range recs { // newest first
		k := [2]string{string(r.Kind), r.ProjectCode}
		if i, ok := seen[k]; ok {
			out.Series[i].Years++
			continue
		}
		seen[k] = len(out.Series)
		out.Series = append(out.Series, yearSeries{Kind: r.Kind, ProjectCode: r.ProjectCode, Title: r.Title, Years: 1})
	}
	slices.SortStableFunc(out.Series, func(a, b yearSeries) int {
		return cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind))
	})
	if kind == "" {
		kind, project = out.Series[0].Kind, out.Series[0].ProjectCode
	} else if kind == jixiao.KindProject && project == "" {
		for _, sr := range out.Series {
			if sr.Kind == kind {
				project = sr.ProjectCode
				break
			}
		}
	}
	var full []*jixiao.EvaluationRecord
	for _, r := range recs {
		if r.Kind != kind || r.ProjectCode != project {
			continue
		}
		f, err := s.cfg.Evaluations.FindEvaluationByID(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		full = append(full, f)
	}
	if len(full) == 0 {
		return nil, jixiao.Errorf(jixiao.ENotFound, "单位 %d 没有可查看的%s自评 %s", unitID, kind, project)
	}
	if out.Years, err = dashboard.UnitYears(full); err != nil {
		return nil, err
	}
	return out, nil
}

// kindOrder lists 部门整体 before 项目.
func kindOrder(k jixiao.Kind) int {
	if k == jixiao.KindDepartment {
		return 0
	}
	return 1
}

// yearsOf reads the unit, kind and project a years request names, and
// loads that history.
func (s *Server) yearsOf(r *http.Request) (*yearsResult, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	kind, err := queryKind(r, "kind")
	if err != nil {
		return nil, err
	}
	return s.loadYears(r.Context(), id, kind, r.URL.Query().Get("project"))
}

// yearsShow answers GET /api/units/{id}/years: one unit's indicators,
// scores, reused text and lowered targets year over year.
func (s *Server) yearsShow(w http.ResponseWriter, r *http.Request) error {
	y, err := s.yearsOf(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, y)
	return nil
}
