package web

import (
	"context"
	"net/http"

	"jixiao"
)

// taskList answers GET /api/tasks: the tasks the caller may see, newest
// first, by year or by unit asked.
func (s *Server) taskList(w http.ResponseWriter, r *http.Request) error {
	tp, ok := joinedValue[taskListPage](r.Context())
	if !ok {
		f, err := taskFilterOf(r)
		if err != nil {
			return err
		}
		if tp.tasks, tp.total, err = s.cfg.Tasks.FindTasks(r.Context(), f); err != nil {
			return err
		}
	}
	out := list[taskView]{Items: []taskView{}, Total: tp.total}
	for _, t := range tp.tasks {
		out.Items = append(out.Items, newTaskView(t))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// taskFilterOf reads the task list's query.
func taskFilterOf(r *http.Request) (jixiao.TaskFilter, error) {
	var f jixiao.TaskFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return f, err
	}
	if f.Year, err = queryInt(r, "year"); err != nil {
		return f, err
	}
	if f.UnitID, err = queryID(r, "unit"); err != nil {
		return f, err
	}
	if f.OrgID, err = queryID(r, "org"); err != nil {
		return f, err
	}
	return f, nil
}

// taskListPage is a page of the task list and the length of the whole
// list, as joinTasks read it for the request's filter.
type taskListPage struct {
	tasks []*jixiao.Task
	total int
}

// sessionTaskReader is a store that lists tasks in the statement that
// looks the caller's session up (sqldb's does).
type sessionTaskReader interface {
	FindTasksBySession(ctx context.Context, token string, f jixiao.TaskFilter) (*jixiao.Session, []*jixiao.Task, int, error)
}

// joinTasks is taskList's joinRead.
func (s *Server) joinTasks(ctx context.Context, r *http.Request, token string) (*jixiao.Session, context.Context) {
	sr, ok := s.cfg.Tasks.(sessionTaskReader)
	if !ok {
		return nil, ctx
	}
	f, err := taskFilterOf(r)
	if err != nil {
		return nil, ctx
	}
	sess, tasks, n, err := sr.FindTasksBySession(ctx, token, f)
	if err != nil {
		return nil, ctx
	}
	return sess, withJoined(ctx, sess, taskListPage{tasks, n})
}
