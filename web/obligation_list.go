package web

import (
	"net/http"
	"time"

	"jixiao"
)

// obligationList answers GET /api/tasks/{id}/obligations: per unit and
// kind, what the task asks and what has been delivered; ?missing=1 keeps
// the units that have started nothing, ?overdue=1 those past the deadline
// without a submission.
func (s *Server) obligationList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := jixiao.ObligationFilter{TaskID: id, Missing: queryBool(r, "missing"), Overdue: queryBool(r, "overdue")}
	if f.UnitID, err = queryID(r, "unit"); err != nil {
		return err
	}
	obs, err := s.cfg.Tasks.FindObligations(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, obligationViews(obs, s.now()))
	return nil
}

func obligationViews(obs []*jixiao.Obligation, now time.Time) list[obligationView] {
	out := list[obligationView]{Items: []obligationView{}, Total: len(obs)}
	for _, o := range obs {
		out.Items = append(out.Items, newObligationView(o, now))
	}
	return out
}
