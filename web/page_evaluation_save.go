package web

import (
	"fmt"
	"net/http"
	"strconv"

	"jixiao"
)

// pageEvaluationSave answers POST /evaluations/{id}/edit: the form saved as
// a new revision from the version the user had. A refused save shows the
// form again as the user left it, with the reason.
func (s *Server) pageEvaluationSave(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	if op := r.PostForm.Get("op"); op != "" {
		return s.pageEditorRows(w, r, rec, version, op)
	}
	content, from, err := s.contentFromForm(ctx, rec, r.PostForm)
	if err == nil {
		_, err = s.cfg.Evaluations.UpdateEvaluation(ctx, id, jixiao.EvaluationUpdate{Version: version, Content: content,
			Note: r.PostForm.Get("note"), Indicators: from})
	}
	if err != nil {
		return s.refusedSave(w, r, rec, content, from, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/evaluations/%d/edit?msg=saved", id), http.StatusSeeOther)
	return nil
}

// refusedSave shows the editor with what the user sent and why it was not
// saved; errors that are not the user's go to the error page.
func (s *Server) refusedSave(w http.ResponseWriter, r *http.Request, rec *jixiao.EvaluationRecord, content *jixiao.Evaluation, from []int, err error) error {
	code := jixiao.ErrorCode(err)
	if code != jixiao.EInvalid && code != jixiao.EConflict {
		return err
	}
	msg := err.Error()
	var de *jixiao.Error
	if errorsAs(err, &de) {
		msg = de.Message
	}
	if code == jixiao.EConflict {
		msg += "。请另开窗口查看最新内容，再把您的修改填入。"
	}
	if content == nil {
		content, from = rec.Content, nil
	}
	d, derr := s.newEditPage(r.Context(), rec, content, from)
	if derr != nil {
		return derr
	}
	return s.render(w, r, errorStatus(code), "edit", pageData{Title: "填报 · " + rec.Title, Error: "未保存：" + msg, Data: d})
}
