package web

import "net/http"

// taskShow answers GET /api/tasks/{id}.
func (s *Server) taskShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.cfg.Tasks.FindTaskByID(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newTaskView(t))
	return nil
}
