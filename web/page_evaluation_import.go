package web

import (
	"net/http"
	"strconv"

	"jixiao"
)

// pageEvaluationImport answers POST /evaluations/import: the document
// read into a new evaluation for the task, then the editor, with what was
// read from where and what could not be read.
func (s *Server) pageEvaluationImport(w http.ResponseWriter, r *http.Request) error {
	up, err := s.readUpload(r)
	if err != nil {
		return err
	}
	req := evaluationCreateRequest{Kind: up.Fields["kind"], ProjectCode: up.Fields["project_code"]}
	if v := up.Fields["task_id"]; v != "" {
		if req.TaskID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return invalidField("task_id", "任务编号应为整数")
		}
	}
	ctx := r.Context()
	src := &jixiao.SourceFile{Name: up.Name, Format: up.Format, Content: up.Data, UploadedBy: jixiao.UserIDFromContext(ctx)}
	if err := s.cfg.Sources.CreateSource(ctx, src); err != nil {
		return err
	}
	rec, err := s.newRecord(r, req, up.Eval)
	if err != nil {
		return err
	}
	rec.SourceHash = src.Hash
	if err := s.cfg.Evaluations.CreateEvaluation(ctx, rec); err != nil {
		return err
	}
	if rec, err = s.cfg.Evaluations.FindEvaluationByID(ctx, rec.ID); err != nil {
		return err
	}
	d, err := s.newEditPage(ctx, rec, rec.Content, nil)
	if err != nil {
		return err
	}
	d.Notes = up.Notes
	return s.render(w, r, http.StatusOK, "edit", pageData{Title: "填报 · " + rec.Title,
		Flash: "已从 " + up.Name + " 读入自评表，请核对下方内容与右侧检查结果。", Data: d})
}
