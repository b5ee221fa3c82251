package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// pageTransitionCreate answers POST /evaluations/{id}/transitions: one
// workflow step from a page's button, with the reason and an optional
// comment pinned to a field or indicator for a return.
func (s *Server) pageTransitionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	f := r.PostForm
	action := jixiao.Action(f.Get("action"))
	if action.Label() == string(action) {
		return jixiao.Errorf(jixiao.EInvalid, "流程操作 %q 无效", action)
	}
	version, _ := strconv.Atoi(f.Get("version"))
	tr := jixiao.TransitionRequest{Action: action, Version: version, Reason: strings.TrimSpace(f.Get("reason"))}
	if body := strings.TrimSpace(f.Get("comment")); body != "" {
		tr.Comments = append(tr.Comments, &jixiao.Comment{Path: f.Get("path"), Body: body})
	}
	if _, err := s.cfg.Evaluations.TransitionEvaluation(r.Context(), id, tr); err != nil {
		return err
	}
	to := fmt.Sprintf("/evaluations/%d?msg=%s", id, action)
	if action == jixiao.ActionWithdraw {
		to = fmt.Sprintf("/evaluations/%d/edit?msg=%s", id, action)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
