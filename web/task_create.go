package web

import (
	"net/http"
	"time"

	"jixiao"
	"jixiao/rules"
)

// taskCreate answers POST /api/tasks (finance admins): the bureau opens a
// year's self-evaluation task for its units.
func (s *Server) taskCreate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Name     string    `json:"name"`
		Year     int       `json:"year"`
		Kinds    []string  `json:"kinds"`
		UnitIDs  []int64   `json:"unit_ids"`
		Deadline time.Time `json:"deadline"`
		RuleSet  string    `json:"rule_set"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	me := jixiao.UserFromContext(r.Context())
	t := &jixiao.Task{OrgID: me.OrgID, Name: req.Name, Year: req.Year, UnitIDs: req.UnitIDs,
		Deadline: req.Deadline, RuleSet: req.RuleSet}
	if t.RuleSet == "" {
		t.RuleSet = rules.Default
	}
	if _, err := rules.Load(t.RuleSet); err != nil {
		return invalidField("rule_set", "规则集 %q 不存在", t.RuleSet)
	}
	for _, k := range req.Kinds {
		kind, err := parseKind("kinds", k)
		if err != nil {
			return err
		}
		t.Kinds = append(t.Kinds, kind)
	}
	if err := t.Validate(); err != nil {
		return err
	}
	if err := s.cfg.Tasks.CreateTask(r.Context(), t); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newTaskView(t))
	return nil
}
