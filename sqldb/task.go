package sqldb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"jixiao"
)

// TaskService implements jixiao.TaskService.
type TaskService struct{ db *DB }

var _ jixiao.TaskService = (*TaskService)(nil)

// NewTaskService returns the tasks of db.
func NewTaskService(db *DB) *TaskService { return &TaskService{db} }

func formatKinds(ks []jixiao.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

// taskByID reads a task with its units; a task never changes once opened,
// so what a read transaction read is kept.
func (tx *Tx) taskByID(id int64) (*jixiao.Task, error) {
	if t, ok := tx.db.tasks.get(id); ok {
		return t, nil
	}
	t, err := tx.readTask(id)
	if err == nil && tx.readOnly {
		tx.db.tasks.put(id, t)
	}
	return t, err
}

func (tx *Tx) readTask(id int64) (*jixiao.Task, error) {
	t := &jixiao.Task{}
	var kinds string
	err := tx.queryRow(`SELECT id, org_id, name, year, kinds, deadline, rule_set, created_by, created_at FROM tasks WHERE id = ?`, id).
		Scan(&t.ID, &t.OrgID, &t.Name, &t.Year, &kinds, scanTime{&t.Deadline}, &t.RuleSet, &t.CreatedBy, scanTime{&t.CreatedAt})
	if err != nil {
		return nil, notFound(err, "任务 %d 不存在", id)
	}
	for _, k := range strings.Split(kinds, ",") {
		t.Kinds = append(t.Kinds, jixiao.Kind(k))
	}
	rows, err := tx.query(`SELECT unit_id FROM task_units WHERE task_id = ? ORDER BY unit_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		t.UnitIDs = append(t.UnitIDs, u)
	}
	return t, rows.Err()
}

// FindTaskByID returns a task the user may see.
func (s *TaskService) FindTaskByID(ctx context.Context, id int64) (*jixiao.Task, error) {
	var t *jixiao.Task
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		if t, err = tx.taskByID(id); err != nil {
			return err
		}
		if !jixiao.CanViewTask(tx.user, t) {
			return refuse(jixiao.ENotFound, "查看任务", fmt.Sprintf("task/%d", id), "任务 %d 不存在", id)
		}
		return nil
	})
	return t, err
}

// FindTasks returns the tasks of the bureaus above the user. It needs no
// transaction: one statement lists the tasks, and a task, once committed
// with its units, never changes, so reading each after it (or taking it
// from the cache) sees it as the list did.
func (s *TaskService) FindTasks(ctx context.Context, f jixiao.TaskFilter) ([]*jixiao.Task, int, error) {
	var out []*jixiao.Task
	err := s.db.readCommitted(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		where, args := []string{"1 = 1"}, []any{}
		if len(u.OrgPath) > 0 {
			where, args = append(where, "t.org_id = ?"), append(args, u.OrgPath[0])
		}
		where, args = taskWhere(f, where, args)
		ids, err := tx.queryIDs(`SELECT t.id FROM tasks t WHERE `+strings.Join(where, " AND ")+taskOrder, args...)
		if err != nil {
			return err
		}
		out, err = tx.viewableTasks(u, ids)
		return err
	})
	out, n := pageTasks(out, f)
	return out, n, err
}

// FindTasksBySession is FindSessionByToken and then, as the session's
// user, FindTasks, in one statement while the tasks listed are in the
// cache: a request's session and what it reads cost one round trip. The
// statement lists the tasks of every bureau that match f, and the user's
// bureau is kept in Go, which is the condition FindTasks puts in SQL. When
// there is no live session with the token it returns an error, and the
// caller takes the plain steps, which say why.
func (s *TaskService) FindTasksBySession(ctx context.Context, token string, f jixiao.TaskFilter) (*jixiao.Session, []*jixiao.Task, int, error) {
	type listed struct {
		sess       *jixiao.Session
		id, bureau *int64 // nil in the one row of a session without tasks
	}
	var sess *jixiao.Session
	var out []*jixiao.Task
	err := s.db.readCommitted(ctx, func(tx *Tx) error {
		where, args := taskWhere(f, []string{"1 = 1"}, nil)
		rows, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (l listed, err error) {
			l.sess, err = scanSession(sc, func(sc interface{ Scan(...any) error }) error { return sc.Scan(&l.id, &l.bureau) })
			return l, err
		}, `SELECT `+sessionColumns+`, t.id, t.org_id`+sessionFrom+` LEFT JOIN tasks t ON `+strings.Join(where, " AND ")+
			` WHERE s.token_hash = ?`+taskOrder, append(args, jixiao.HashSecret(token))...)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return errSessionExpired
		}
		sess = rows[0].sess
		if err := liveSession(sess, tx.now); err != nil {
			return err
		}
		u := sess.User
		var ids []int64
		for _, l := range rows {
			if l.id != nil && (len(u.OrgPath) == 0 || *l.bureau == u.OrgPath[0]) {
				ids = append(ids, *l.id)
			}
		}
		out, err = tx.viewableTasks(u, ids)
		return err
	})
	if err != nil {
		return nil, nil, 0, err
	}
	out, n := pageTasks(out, f)
	return sess, out, n, nil
}

// taskWhere adds f's conditions on the tasks t to where and args.
func taskWhere(f jixiao.TaskFilter, where []string, args []any) ([]string, []any) {
	if f.OrgID != 0 {
		where, args = append(where, "t.org_id = ?"), append(args, f.OrgID)
	}
	if f.Year != 0 {
		where, args = append(where, "t.year = ?"), append(args, f.Year)
	}
	if f.UnitID != 0 {
		where, args = append(where, "t.id IN (SELECT task_id FROM task_units WHERE unit_id = ?)"), append(args, f.UnitID)
	}
	return where, args
}

// taskOrder is the order of task lists: newest first.
const taskOrder = ` ORDER BY t.year DESC, t.id DESC`

// viewableTasks reads the tasks listed, from the cache where it can, and
// keeps those u may view.
func (tx *Tx) viewableTasks(u *jixiao.User, ids []int64) ([]*jixiao.Task, error) {
	var out []*jixiao.Task
	for _, id := range ids {
		t, err := tx.taskByID(id)
		if err != nil {
			return nil, err
		}
		if jixiao.CanViewTask(u, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// pageTasks cuts f's page out of a list and returns it with the list's
// length.
func pageTasks(out []*jixiao.Task, f jixiao.TaskFilter) ([]*jixiao.Task, int) {
	n := len(out)
	if f.Offset > 0 {
		out = out[min(f.Offset, len(out)):]
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, n
}

// CreateTask opens a task for units under the admin's bureau.
func (s *TaskService) CreateTask(ctx context.Context, t *jixiao.Task) error {
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		if t.OrgID == 0 {
			t.OrgID = u.OrgID
		}
		if !jixiao.CanCreateTask(u, t) {
			return refuse(jixiao.EForbidden, "下达任务", fmt.Sprintf("org/%d", t.OrgID), "只有财政局的财政管理员可以为本局下达自评任务")
		}
		if err := t.Validate(); err != nil {
			return err
		}
		if _, err := ruleSet(t.RuleSet); err != nil {
			return err
		}
		t.UnitIDs = slices.Compact(slices.Sorted(slices.Values(t.UnitIDs)))
		for _, id := range t.UnitIDs {
			o, err := tx.orgByID(id)
			if err != nil {
				return err
			}
			if o.Kind != jixiao.OrgUnit || !o.Path.Above(t.OrgID) {
				return jixiao.Errorf(jixiao.EInvalid, "%s 不是本局下属的预算单位", o.Name)
			}
		}
		t.CreatedBy, t.CreatedAt = u.ID, tx.now
		id, err := tx.insert(`INSERT INTO tasks (org_id, name, year, kinds, deadline, rule_set, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			t.OrgID, t.Name, t.Year, formatKinds(t.Kinds), tx.time(t.Deadline), t.RuleSet, u.ID, tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: create task: %w", err)
		}
		t.ID = id
		for _, unit := range t.UnitIDs {
			if _, err := tx.exec(`INSERT INTO task_units (task_id, unit_id) VALUES (?, ?)`, id, unit); err != nil {
				return err
			}
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogTaskCreate, Object: fmt.Sprintf("task/%d", id),
			Detail: fmt.Sprintf("%s：%d 年，%d 个单位，%s，截止 %s，规则集 %s", t.Name, t.Year, len(t.UnitIDs), formatKinds(t.Kinds), timeValue{t.Deadline}.local(), t.RuleSet)})
	})
}

// FindObligations lists what each unit of a task owes and has delivered,
// limited to the units the user may see.
func (s *TaskService) FindObligations(ctx context.Context, f jixiao.ObligationFilter) ([]*jixiao.Obligation, error) {
	var out []*jixiao.Obligation
	err := s.db.read(ctx, func(tx *Tx) error {
		t, err := tx.taskByID(f.TaskID)
		if err != nil {
			return err
		}
		if !jixiao.CanViewTask(tx.user, t) {
			return refuse(jixiao.ENotFound, "查看任务", fmt.Sprintf("task/%d", t.ID), "任务 %d 不存在", t.ID)
		}
		// only the units the user may see, and the one asked for: a unit's
		// own list must not read every evaluation of the task
		where, args := []string{"tu.task_id = ?"}, []any{t.Year, t.ID}
		if f.UnitID != 0 {
			where, args = append(where, "tu.unit_id = ?"), append(args, f.UnitID)
		}
		scope, scopeArgs := obligationScope(tx.user)
		where, args = append(where, scope), append(args, scopeArgs...)
		rows, err := tx.query(`SELECT o.id, o.name, o.path, e.id, e.kind, e.project_code, e.status, e.submitted_at
			FROM task_units tu JOIN organisations o ON o.id = tu.unit_id
			LEFT JOIN evaluations e ON e.unit_id = tu.unit_id AND e.year = ?
			WHERE `+strings.Join(where, " AND ")+` ORDER BY o.path, e.kind, e.project_code`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		type key struct {
			unit int64
			kind jixiao.Kind
		}
		byKey := map[key]*jixiao.Obligation{}
		for rows.Next() {
			var unit int64
			var name, path string
			var evID *int64
			var kind, code, status *string
			var sub timeValue
			if err := rows.Scan(&unit, &name, &path, &evID, &kind, &code, &status, scanTime{&sub.t}); err != nil {
				return err
			}
			p, err := jixiao.ParseOrgPath(path)
			if err != nil {
				return err
			}
			if (f.UnitID != 0 && unit != f.UnitID) || !jixiao.CanViewObligation(tx.user, p) {
				continue
			}
			for _, k := range t.Kinds {
				if byKey[key{unit, k}] == nil {
					o := &jixiao.Obligation{TaskID: t.ID, UnitID: unit, UnitName: name, Kind: k, Deadline: t.Deadline}
					byKey[key{unit, k}] = o
					out = append(out, o)
				}
			}
			if evID == nil {
				continue
			}
			if o := byKey[key{unit, jixiao.Kind(*kind)}]; o != nil {
				o.Evaluations = append(o.Evaluations, jixiao.ObligationItem{EvaluationID: *evID, ProjectCode: *code, Status: jixiao.Status(*status), SubmittedAt: sub.t})
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	now := s.db.now()
	kept := out[:0]
	for _, o := range out {
		if (f.Missing && !o.Missing()) || (f.Overdue && !o.Overdue(now)) {
			continue
		}
		kept = append(kept, o)
	}
	return kept, nil
}

// obligationScope is CanViewObligation as SQL: a unit's members see their
// unit, reviewers and admins the units below them. Rows are checked with
// the predicate again as they are read.
func obligationScope(u *jixiao.User) (string, []any) {
	clauses, args := []string{"1 = 0"}, []any{}
	if u.HasRole(jixiao.RoleUnitEditor) || u.HasRole(jixiao.RoleUnitApprover) {
		clauses, args = append(clauses, "o.id = ?"), append(args, u.OrgID)
	}
	if u.HasRole(jixiao.RoleDeptReviewer) || u.HasRole(jixiao.RoleFinanceReviewer) || u.HasRole(jixiao.RoleFinanceAdmin) {
		clauses, args = append(clauses, "(o.path LIKE ? AND o.id <> ?)"), append(args, u.OrgPath.String()+"%", u.OrgID)
	}
	return "(" + strings.Join(clauses, " OR ") + ")", args
}
