package web

import "net/http"

// transitionList answers GET /api/evaluations/{id}/transitions: the
// workflow history, oldest first, with reasons and pinned comments.
func (s *Server) transitionList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ts, err := s.cfg.Evaluations.FindTransitions(r.Context(), id)
	if err != nil {
		return err
	}
	out := list[transitionView]{Items: []transitionView{}, Total: len(ts)}
	for _, t := range ts {
		out.Items = append(out.Items, newTransitionView(t))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
