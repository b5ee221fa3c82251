package web

import (
	"net/http"

	"jixiao"
)

// commentList answers GET /api/evaluations/{id}/comments (?path=…,
// ?unresolved=1): the review's remarks, oldest first.
func (s *Server) commentList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cs, err := s.cfg.Comments.FindComments(r.Context(), jixiao.CommentFilter{EvaluationID: id,
		Path: r.URL.Query().Get("path"), Unresolved: queryBool(r, "unresolved")})
	if err != nil {
		return err
	}
	out := list[commentView]{Items: []commentView{}, Total: len(cs)}
	for _, c := range cs {
		out.Items = append(out.Items, newCommentView(c))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
