package web

import (
	"fmt"
	"net/http"
	"strings"

	"jixiao"
)

// pageCommentCreate answers POST /evaluations/{id}/comments: a comment
// pinned to a field or indicator.
func (s *Server) pageCommentCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	c := &jixiao.Comment{EvaluationID: id, Path: r.PostForm.Get("path"), Body: strings.TrimSpace(r.PostForm.Get("body"))}
	if err := s.cfg.Comments.CreateComment(r.Context(), c); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/evaluations/%d?msg=comment#comments", id), http.StatusSeeOther)
	return nil
}
