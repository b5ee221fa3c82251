package web

import (
	"net/http"

	"jixiao"
)

// commentCreate answers POST /api/evaluations/{id}/comments: a remark,
// pinned to a field or indicator path or about the whole evaluation.
func (s *Server) commentCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Path string `json:"path"`
		Body string `json:"body"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	c := &jixiao.Comment{EvaluationID: id, Path: req.Path, Body: req.Body}
	if err := c.Validate(); err != nil {
		return onField("body", err)
	}
	if err := s.cfg.Comments.CreateComment(r.Context(), c); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newCommentView(c))
	return nil
}
