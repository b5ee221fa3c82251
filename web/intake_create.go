package web

import "net/http"

// intakeCreate answers POST /api/intakes: a batch of submissions (files,
// .zip files, or a folder on the server) queued for import; the answer is
// the intake with its progress, which GET /api/intakes/{id} follows.
func (s *Server) intakeCreate(w http.ResponseWriter, r *http.Request) error {
	in, err := s.createIntake(r)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/intakes/"+itoa(in.ID))
	writeJSON(w, http.StatusCreated, newIntakeView(in))
	return nil
}
