package web

import "net/http"

// intakeShow answers GET /api/intakes/{id}: the intake's progress.
func (s *Server) intakeShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in, err := s.cfg.Intakes.FindIntakeByID(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newIntakeView(in))
	return nil
}
