package web

import (
	"net/http"

	"jixiao"
)

// taskList answers GET /api/tasks: the tasks the caller may see, newest
// first, by year or by unit asked.
func (s *Server) taskList(w http.ResponseWriter, r *http.Request) error {
	var f jixiao.TaskFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	if f.Year, err = queryInt(r, "year"); err != nil {
		return err
	}
	if f.UnitID, err = queryID(r, "unit"); err != nil {
		return err
	}
	if f.OrgID, err = queryID(r, "org"); err != nil {
		return err
	}
	tasks, n, err := s.cfg.Tasks.FindTasks(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[taskView]{Items: []taskView{}, Total: n}
	for _, t := range tasks {
		out.Items = append(out.Items, newTaskView(t))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
