package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"jixiao"
	"jixiao/rules"
)

// pageTaskCreate answers POST /overview/tasks: the finance bureau opens
// the year's self-evaluation task (任务下达) for the units it picks.
func (s *Server) pageTaskCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "表单无法读取")
	}
	f := r.PostForm
	me := jixiao.UserFromContext(r.Context())
	t := &jixiao.Task{OrgID: me.OrgID, Name: strings.TrimSpace(f.Get("name")), RuleSet: f.Get("rule_set")}
	var err error
	if t.Year, err = strconv.Atoi(strings.TrimSpace(f.Get("year"))); err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "年度应为四位数字的年份")
	}
	day, err := time.ParseInLocation("2006-01-02", f.Get("deadline"), chinaTime)
	if err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "截止日期应为日期，例如 2025-04-30")
	}
	t.Deadline = day.Add(18 * time.Hour) // the close of the office day
	if _, err := rules.Load(t.RuleSet); err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "规则集 %s 不存在", t.RuleSet)
	}
	for _, k := range f["kinds"] {
		kind, ok := jixiao.ParseKind(k)
		if !ok {
			return jixiao.Errorf(jixiao.EInvalid, "自评表类型 %s 无效", k)
		}
		t.Kinds = append(t.Kinds, kind)
	}
	for _, v := range f["unit_ids"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return jixiao.Errorf(jixiao.EInvalid, "单位编号 %s 无效", v)
		}
		t.UnitIDs = append(t.UnitIDs, id)
	}
	if err := t.Validate(); err != nil {
		return err
	}
	if err := s.cfg.Tasks.CreateTask(r.Context(), t); err != nil {
		return err
	}
	http.Redirect(w, r, "/overview?msg=task", http.StatusSeeOther)
	return nil
}
