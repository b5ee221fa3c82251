package web

import (
	"fmt"
	"net/http"
	"strconv"

	"jixiao"
)

// pageCommentResolve answers POST /comments/{id}/resolve: the unit marks
// a reviewer's comment as dealt with, and goes back to the page it came
// from (the editor or the review page of the evaluation).
func (s *Server) pageCommentResolve(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	ev, err := strconv.ParseInt(r.PostForm.Get("evaluation"), 10, 64)
	if err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "缺少自评表编号")
	}
	if err := s.cfg.Comments.ResolveComment(r.Context(), id); err != nil {
		return err
	}
	to := fmt.Sprintf("/evaluations/%d?msg=resolved#comments", ev)
	if r.PostForm.Get("back") == "edit" {
		to = fmt.Sprintf("/evaluations/%d/edit?msg=resolved", ev)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
