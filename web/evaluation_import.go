package web

import (
	"net/http"
	"strconv"

	"jixiao"
)

// evaluationImport answers POST /api/evaluations/import: a multipart form
// with the document (file) and the fields of evaluationCreateRequest
// (unit_id, task_id, year, kind, project_code, rule_set), any of which the
// document may supply. The document is kept as the evaluation's source,
// by content; each figure keeps where it was read.
func (s *Server) evaluationImport(w http.ResponseWriter, r *http.Request) error {
	up, err := s.readUpload(r)
	if err != nil {
		return err
	}
	req := evaluationCreateRequest{Kind: up.Fields["kind"], ProjectCode: up.Fields["project_code"],
		RuleSet: up.Fields["rule_set"]}
	for field, dst := range map[string]*int64{"unit_id": &req.UnitID, "task_id": &req.TaskID} {
		if v := up.Fields[field]; v != "" {
			if *dst, err = strconv.ParseInt(v, 10, 64); err != nil {
				return invalidField(field, "%s 应为整数", field)
			}
		}
	}
	if v := up.Fields["year"]; v != "" {
		if req.Year, err = strconv.Atoi(v); err != nil {
			return invalidField("year", "年度应为整数")
		}
	}
	ctx := r.Context()
	// the record is checked before the document is stored, so that a
	// refused import leaves no orphan source behind
	rec, err := s.newRecord(r, req, up.Eval)
	if err != nil {
		return err
	}
	src := &jixiao.SourceFile{Name: up.Name, Format: up.Format, Content: up.Data, UploadedBy: jixiao.UserIDFromContext(ctx)}
	if err := s.cfg.Sources.CreateSource(ctx, src); err != nil {
		return err
	}
	rec.SourceHash = src.Hash
	if err := s.cfg.Evaluations.CreateEvaluation(ctx, rec); err != nil {
		return err
	}
	notes := up.Notes
	if notes == nil {
		notes = []string{}
	}
	return s.writeCreated(w, r, rec, notes)
}
