package web

import (
	"net/http"
	"time"

	"jixiao"
	"jixiao/rules"
)

// overviewPage is the finance bureau's view of its tasks: per task, every
// unit and kind it asks for, what has come in, what is missing or late.
type overviewPage struct {
	Tasks []taskOverview
	// the form to open a task, for the finance admin
	CanOpen  bool
	Units    []*jixiao.Organisation
	RuleSets []string
	Year     int
	Deadline string
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
	me := jixiao.UserFromContext(ctx)
	if jixiao.CanCreateTask(me, &jixiao.Task{OrgID: me.OrgID}) {
		d.CanOpen, d.RuleSets = true, rules.Names()
		d.Year = s.now().In(chinaTime).Year() - 1
		// 自评 of a year is due in the spring after it; a later start gets a month
		due := time.Date(d.Year+1, 4, 30, 0, 0, 0, 0, chinaTime)
		if now := s.now(); due.Before(now) {
			due = now.In(chinaTime).AddDate(0, 1, 0)
		}
		d.Deadline = due.Format("2006-01-02")
		if d.Units, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Kind: jixiao.OrgUnit, Under: me.OrgID, Limit: maxPage}); err != nil {
			return err
		}
	}
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
	return s.render(w, r, http.StatusOK, "overview", pageData{Title: "任务总览", Flash: flash(r), Data: d})
}
