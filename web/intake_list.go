package web

import "net/http"

// intakeList answers GET /api/intakes: the caller's organisation's
// intakes, newest first.
func (s *Server) intakeList(w http.ResponseWriter, r *http.Request) error {
	ins, err := s.cfg.Intakes.FindIntakes(r.Context())
	if err != nil {
		return err
	}
	out := list[intakeView]{Items: []intakeView{}, Total: len(ins)}
	for _, in := range ins {
		out.Items = append(out.Items, newIntakeView(in))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
