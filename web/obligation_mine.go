package web

import (
	"net/http"

	"jixiao"
)

// obligationMine answers GET /api/me/obligations: what the caller's unit
// owes, across the tasks that ask it, overdue ones first to see.
func (s *Server) obligationMine(w http.ResponseWriter, r *http.Request) error {
	me := jixiao.UserFromContext(r.Context())
	if me.OrgKind != jixiao.OrgUnit {
		return jixiao.Errorf(jixiao.EInvalid, "只有预算单位的用户有待交的自评表；审核人员请查看任务的提交情况")
	}
	year, err := queryInt(r, "year")
	if err != nil {
		return err
	}
	tasks, _, err := s.cfg.Tasks.FindTasks(r.Context(), jixiao.TaskFilter{UnitID: me.OrgID, Year: year, Limit: maxPage})
	if err != nil {
		return err
	}
	var all []*jixiao.Obligation
	for _, t := range tasks {
		obs, err := s.cfg.Tasks.FindObligations(r.Context(), jixiao.ObligationFilter{TaskID: t.ID, UnitID: me.OrgID})
		if err != nil {
			return err
		}
		all = append(all, obs...)
	}
	writeJSON(w, http.StatusOK, obligationViews(all, s.now()))
	return nil
}
