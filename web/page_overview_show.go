package web

import (
	"net/http"

	"jixiao"
)

// overviewPage is the finance bureau's view of its tasks: per task, every
// unit and kind it asks for, what has come in, what is missing or late.
type overviewPage struct {
	Tasks []taskOverview
}

type taskOverview struct {
	Task                        *jixiao.Task
	Rows                        []obligationView
	Delivered, Missing, Overdue int
}

// pageOverviewShow answers GET /overview: 任务总览.
func (s *Server) pageOverviewShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	tasks, _, err := s.cfg.Tasks.FindTasks(ctx, jixiao.TaskFilter{Limit: maxPage})
	if err != nil {
		return err
	}
	var d overviewPage
	for _, t := range tasks {
		obs, err := s.cfg.Tasks.FindObligations(ctx, jixiao.ObligationFilter{TaskID: t.ID})
		if err != nil {
			return err
		}
		to := taskOverview{Task: t}
		for _, o := range obs {
			v := newObligationView(o, s.now())
			to.Rows = append(to.Rows, v)
			if v.Delivered {
				to.Delivered++
			}
			if v.Missing {
				to.Missing++
			}
			if v.Overdue {
				to.Overdue++
			}
		}
		d.Tasks = append(d.Tasks, to)
	}
	return s.render(w, r, http.StatusOK, "overview", pageData{Title: "任务总览", Data: d})
}
