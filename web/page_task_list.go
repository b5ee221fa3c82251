package web

import (
	"net/http"

	"jixiao"
)

// taskPage is the home page: what the user's organisation owes (units) or
// has to review (departments, the finance bureau).
type taskPage struct {
	Unit        bool
	Obligations []owedRow
	Evaluations []*jixiao.EvaluationRecord
}

// owedRow is one table the unit owes, with the task asking for it.
type owedRow struct {
	obligationView
	TaskName string
}

// pageTaskList answers GET /: 我的任务.
func (s *Server) pageTaskList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	me := jixiao.UserFromContext(ctx)
	var d taskPage
	filter := jixiao.EvaluationFilter{Under: me.OrgID, Limit: maxPage}
	if me.OrgKind == jixiao.OrgUnit {
		d.Unit = true
		tasks, _, err := s.cfg.Tasks.FindTasks(ctx, jixiao.TaskFilter{UnitID: me.OrgID, Limit: maxPage})
		if err != nil {
			return err
		}
		for _, t := range tasks {
			obs, err := s.cfg.Tasks.FindObligations(ctx, jixiao.ObligationFilter{TaskID: t.ID, UnitID: me.OrgID})
			if err != nil {
				return err
			}
			for _, o := range obs {
				d.Obligations = append(d.Obligations, owedRow{newObligationView(o, s.now()), t.Name})
			}
		}
		filter = jixiao.EvaluationFilter{UnitID: me.OrgID, Limit: maxPage}
	}
	evs, _, err := s.cfg.Evaluations.FindEvaluations(ctx, filter)
	if err != nil {
		return err
	}
	d.Evaluations = evs
	return s.render(w, r, http.StatusOK, "tasks", pageData{Title: "我的任务", Flash: flash(r), Data: d})
}

// flash is the one-line notice a redirect carries in ?msg=, from the
// fixed set below so that a link cannot put words in the page.
func flash(r *http.Request) string {
	return flashes[r.URL.Query().Get("msg")]
}

var flashes = map[string]string{
	"saved":           "已保存为新的修订。",
	"submit":          "已提交，等待主管部门审核。",
	"withdraw":        "已撤回，可以继续修改。",
	"dept_approve":    "主管部门审核已通过，已送财政复核。",
	"dept_return":     "已退回单位修改。",
	"finance_approve": "财政复核已通过。",
	"finance_return":  "已退回单位修改。",
	"publish":         "已公开。",
	"resolved":        "意见已标为已处理。",
	"comment":         "意见已保存。",
	"task":            "任务已下达，各单位登录后即可看到。",
	"score":           "复核评分已保存。",
	"user_created":    "用户已新建，可用所设密码登录。",
	"user_saved":      "用户已修改。",
	"password":        "密码已重设，该用户须用新密码重新登录。",
	"org_created":     "单位已新建。",
	"org_saved":       "单位已修改。",
	"intake":          "已收下，正在后台逐个导入；本页会自动刷新进度。",
	"intake_assigned": "已指定单位与年度，正在重新导入。",
}
