package web

import "net/http"

// commentResolve answers POST /api/comments/{id}/resolve: the remark has
// been dealt with.
func (s *Server) commentResolve(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.cfg.Comments.ResolveComment(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
