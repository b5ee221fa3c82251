package sqldb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"jixiao"
	"jixiao/rules"
)

// EvaluationService implements jixiao.EvaluationService.
type EvaluationService struct{ db *DB }

var _ jixiao.EvaluationService = (*EvaluationService)(nil)

// NewEvaluationService returns the evaluations of db.
func NewEvaluationService(db *DB) *EvaluationService { return &EvaluationService{db} }

const evalColumns = `e.id, COALESCE(e.task_id, 0), e.unit_id, o.path, o.name, e.year, e.kind, e.project_code, e.title, e.rule_set,
	e.status, e.version, e.revision, COALESCE(e.source_hash, ''), e.score_total, e.grade, e.errors, e.warnings,
	e.created_by, e.updated_by, e.updated_name, e.created_at, e.updated_at, e.submitted_at, e.published_at`
const evalFrom = ` FROM evaluations e JOIN organisations o ON o.id = e.unit_id`

func scanEval(sc interface{ Scan(...any) error }) (*jixiao.EvaluationRecord, error) {
	r := &jixiao.EvaluationRecord{}
	var path, kind, status string
	if err := sc.Scan(&r.ID, &r.TaskID, &r.UnitID, &path, &r.UnitName, &r.Year, &kind, &r.ProjectCode, &r.Title, &r.RuleSet,
		&status, &r.Version, &r.Revision, &r.SourceHash, &r.Score.Total, &r.Score.Grade, &r.Errors, &r.Warnings,
		&r.CreatedBy, &r.UpdatedBy, &r.UpdatedName, scanTime{&r.CreatedAt}, scanTime{&r.UpdatedAt}, scanTime{&r.SubmittedAt}, scanTime{&r.PublishedAt}); err != nil {
		return nil, err
	}
	r.Kind, r.Status, r.Score.Rules = jixiao.Kind(kind), jixiao.Status(status), r.RuleSet
	var err error
	r.UnitPath, err = jixiao.ParseOrgPath(path)
	return r, err
}

func evalObject(id int64) string { return fmt.Sprintf("evaluation/%d", id) }

// evalByID reads an evaluation row, locked for update in write
// transactions on PostgreSQL. The row's updated_at, which every save and
// step sets, names its latest revision in the cache: a save made again
// after a restore brought back an older state is made later.
func (tx *Tx) evalByID(id int64, lock bool) (*jixiao.EvaluationRecord, error) {
	q := `SELECT ` + evalColumns + evalFrom + ` WHERE e.id = ?`
	if lock {
		q += tx.db.d.forUpdate("e")
	}
	r, err := scanEval(tx.queryRow(q, id))
	if err != nil {
		return nil, notFound(err, "自评表 %d 不存在", id)
	}
	tx.madeAt(revisionRef{id, r.Revision}, r.UpdatedAt)
	return r, nil
}

// viewable reads an evaluation the acting user may view; one they may not
// is reported as not found, and the refusal logged.
func (tx *Tx) viewable(id int64, lock bool, action string) (*jixiao.EvaluationRecord, error) {
	r, err := tx.evalByID(id, lock)
	if err != nil {
		return nil, err
	}
	if !jixiao.CanView(tx.user, r) {
		return nil, refuse(jixiao.ENotFound, action, evalObject(id), "自评表 %d 不存在", id)
	}
	return r, nil
}

// loadLatest fills the record's content, provenance, score and findings
// from its latest revision.
func (tx *Tx) loadLatest(r *jixiao.EvaluationRecord) error {
	return tx.loadLatestKeeping(r, true)
}

// loadLatestKeeping is loadLatest, with the revision put in the cache only
// when keep says so (readRevision).
func (tx *Tx) loadLatestKeeping(r *jixiao.EvaluationRecord, keep bool) error {
	rev, err := tx.readRevision(r.ID, r.Revision, true, keep)
	if err != nil {
		return err
	}
	r.Content, r.Provenance, r.Score, r.Findings = rev.Content, rev.Provenance, rev.Score, rev.Findings
	return nil
}

// FindEvaluationByID returns an evaluation with its latest content. It
// needs no transaction: the evaluation's row names its latest revision,
// which was committed with it and never changes.
func (s *EvaluationService) FindEvaluationByID(ctx context.Context, id int64) (*jixiao.EvaluationRecord, error) {
	var r *jixiao.EvaluationRecord
	err := s.db.readCommitted(ctx, func(tx *Tx) (err error) {
		if r, err = tx.viewable(id, false, "查看自评表"); err != nil {
			return err
		}
		return tx.loadLatest(r)
	})
	return r, err
}

// FindEvaluationRow returns an evaluation as its row holds it, without
// the content, provenance, score and findings of its latest revision: for
// a reader that keeps what it made of each version (web's version caches)
// and needs the row only to name the version.
func (s *EvaluationService) FindEvaluationRow(ctx context.Context, id int64) (*jixiao.EvaluationRecord, error) {
	var r *jixiao.EvaluationRecord
	err := s.db.readCommitted(ctx, func(tx *Tx) (err error) {
		r, err = tx.viewable(id, false, "查看自评表")
		return err
	})
	return r, err
}

// FindEvaluationRowBySession is FindSessionByToken and then, as the
// session's user, FindEvaluationRow, in one statement: a request's session
// and what it reads cost one round trip. It answers only when both are
// there and the session's user may view the evaluation; otherwise (no such
// session, expired, disabled, no such evaluation, one hidden from the
// user) it returns an error and logs nothing, and the caller takes the
// plain steps, which say why and log a refusal as ever.
func (s *EvaluationService) FindEvaluationRowBySession(ctx context.Context, token string, id int64) (*jixiao.Session, *jixiao.EvaluationRecord, error) {
	var sess *jixiao.Session
	var r *jixiao.EvaluationRecord
	err := s.db.readCommitted(ctx, func(tx *Tx) (err error) {
		sess, err = scanSession(tx.queryRow(`SELECT `+sessionColumns+`, ev.*`+sessionFrom+
			` CROSS JOIN (SELECT `+evalColumns+evalFrom+` WHERE e.id = ?) ev WHERE s.token_hash = ?`, id, jixiao.HashSecret(token)),
			func(sc interface{ Scan(...any) error }) (err error) {
				r, err = scanEval(sc)
				return err
			})
		if err != nil {
			return notFound(err, "会话或自评表 %d 不存在", id)
		}
		if err := liveSession(sess, tx.now); err != nil {
			return err
		}
		if !jixiao.CanView(sess.User, r) {
			return jixiao.Errorf(jixiao.ENotFound, "自评表 %d 不存在", id) // not refuse: the plain steps log it
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return sess, r, nil
}

// FindEvaluationLatest returns row, as FindEvaluationRow read it, with
// the content, provenance, score and findings of the revision it names:
// FindEvaluationByID without reading the row a second time, for the reader
// that looked in its caches with the row first. The revision is committed
// and never changes, so it is the one the row named whenever it is read.
func (s *EvaluationService) FindEvaluationLatest(ctx context.Context, row *jixiao.EvaluationRecord) (*jixiao.EvaluationRecord, error) {
	r := *row
	err := s.db.readCommitted(ctx, func(tx *Tx) error {
		if !jixiao.CanView(tx.user, &r) {
			return refuse(jixiao.ENotFound, "查看自评表", evalObject(r.ID), "自评表 %d 不存在", r.ID)
		}
		tx.madeAt(revisionRef{r.ID, r.Revision}, r.UpdatedAt)
		return tx.loadLatest(&r)
	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// visibility is CanView as SQL, so that lists page over what the user may
// see; each row is checked with CanView again as it is read.
func visibility(u *jixiao.User) (string, []any) {
	clauses, args := scopeClauses(u)
	return "(" + strings.Join(append([]string{"e.status = 'published'"}, clauses...), " OR ") + ")", args
}

// scopeClauses are the conditions under which an evaluation concerns u
// (jixiao's inScope): its unit's members always, the reviewers above it
// once it is no longer a draft.
func scopeClauses(u *jixiao.User) (clauses []string, args []any) {
	if u.HasRole(jixiao.RoleUnitEditor) || u.HasRole(jixiao.RoleUnitApprover) {
		clauses, args = append(clauses, "e.unit_id = ?"), append(args, u.OrgID)
	}
	if u.HasRole(jixiao.RoleDeptReviewer) || u.HasRole(jixiao.RoleFinanceReviewer) || u.HasRole(jixiao.RoleFinanceAdmin) {
		clauses = append(clauses, "(e.status <> 'draft' AND o.path LIKE ? AND e.unit_id <> ?)")
		args = append(args, u.OrgPath.String()+"%", u.OrgID)
	}
	return clauses, args
}

// FindEvaluations lists the evaluations the user may view.
func (s *EvaluationService) FindEvaluations(ctx context.Context, f jixiao.EvaluationFilter) ([]*jixiao.EvaluationRecord, int, error) {
	var out []*jixiao.EvaluationRecord
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		w, args, err := tx.evalWhere(f)
		if err != nil {
			return err
		}
		if err := tx.queryRow(`SELECT COUNT(*)`+evalFrom+` WHERE `+w, args...).Scan(&n); err != nil {
			return err
		}
		rows, err := tx.query(`SELECT `+evalColumns+evalFrom+` WHERE `+w+` ORDER BY e.year DESC, o.path, e.kind, e.project_code`+limitClause(f.Offset, f.Limit), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanEval(rows)
			if err != nil {
				return err
			}
			if jixiao.CanView(tx.user, r) {
				out = append(out, r)
			}
		}
		return rows.Err()
	})
	return out, n, err
}

// evalWhere is the WHERE clause (over evalFrom) of the evaluations the
// acting user may view that match f, and its arguments.
func (tx *Tx) evalWhere(f jixiao.EvaluationFilter) (string, []any, error) {
	vis, args := visibility(tx.user)
	where := []string{vis}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.TaskID != 0 {
		add("e.task_id = ?", f.TaskID)
	}
	if f.UnitID != 0 {
		add("e.unit_id = ?", f.UnitID)
	}
	if f.Under != 0 {
		o, err := tx.orgByID(f.Under)
		if err != nil {
			return "", nil, err
		}
		add("o.path LIKE ?", o.Path.String()+"%")
	}
	if f.Year != 0 {
		add("e.year = ?", f.Year)
	}
	if f.Kind != "" {
		add("e.kind = ?", string(f.Kind))
	}
	if f.ProjectCode != "" {
		add("e.project_code = ?", f.ProjectCode)
	}
	if len(f.Statuses) > 0 {
		ph := make([]string, len(f.Statuses))
		for i, st := range f.Statuses {
			ph[i] = "?"
			args = append(args, string(st))
		}
		where = append(where, "e.status IN ("+strings.Join(ph, ", ")+")")
	}
	return strings.Join(where, " AND "), args, nil
}

// CreateEvaluation stores a new draft as revision 1.
func (s *EvaluationService) CreateEvaluation(ctx context.Context, r *jixiao.EvaluationRecord) error {
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		unit, err := tx.orgByID(r.UnitID)
		if err != nil {
			return err
		}
		r.UnitPath, r.UnitName = unit.Path, unit.Name
		if !jixiao.CanCreateEvaluation(u, unit.Path) {
			return refuse(jixiao.EForbidden, "新建自评表", fmt.Sprintf("org/%d", unit.ID), "只有%s的填报人员可以为其新建自评表", unit.Name)
		}
		r.Status = jixiao.StatusDraft
		return tx.createEvaluation(r, unit, u)
	})
}

// createEvaluation stores r, whose creation u may do, as revision 1 in
// r.Status: a draft, or submitted for an intake's.
func (tx *Tx) createEvaluation(r *jixiao.EvaluationRecord, unit *jixiao.Organisation, u *jixiao.User) error {
	return tx.addEvaluation(r, unit, u, false)
}

// addEvaluation is createEvaluation; sourceStored tells that r's source
// is known to be stored (an intake item's is, by its foreign key), so
// that it is not looked up again.
func (tx *Tx) addEvaluation(r *jixiao.EvaluationRecord, unit *jixiao.Organisation, u *jixiao.User, sourceStored bool) error {
	r.UnitPath, r.UnitName = unit.Path, unit.Name
	if err := r.Validate(); err != nil {
		return err
	}
	if err := tx.linkTask(r); err != nil {
		return err
	}
	if r.SourceHash != "" && !sourceStored {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM sources WHERE hash = ?`, r.SourceHash).Scan(&n); err != nil || n == 0 {
			return jixiao.Errorf(jixiao.EInvalid, "源文件 %s 不存在，请先上传", r.SourceHash)
		}
	}
	r.Title = unit.Name
	if r.Kind == jixiao.KindProject {
		r.Title = r.Content.Project
		if r.Title == "" {
			r.Title = r.ProjectCode
		}
	}
	var err error
	r.Score, r.Findings, err = tx.check(r.Content, r.RuleSet, r.SourceHash)
	if err != nil {
		return err
	}
	r.Errors, r.Warnings = countFindings(r.Findings)
	r.Version, r.Revision = 1, 1
	if r.Status == jixiao.StatusSubmitted {
		r.SubmittedAt = tx.now
	}
	r.CreatedBy, r.UpdatedBy, r.UpdatedName, r.CreatedAt, r.UpdatedAt = u.ID, u.ID, u.Name, tx.now, tx.now
	var taskID, source any
	if r.TaskID != 0 {
		taskID = r.TaskID
	}
	if r.SourceHash != "" {
		source = r.SourceHash
	}
	// the dashboard facts of revision 1 go in with the row (storeFacts)
	f := factsOf(recordFacts(r))
	id, err := tx.insert(`INSERT INTO evaluations (task_id, unit_id, year, kind, project_code, title, rule_set, status, version, revision, source_hash,
		score_total, grade, errors, warnings, created_by, updated_by, updated_name, created_at, updated_at, submitted_at,
		facts_revision, self_score, rate_known, rate, has_errors)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		taskID, r.UnitID, r.Year, string(r.Kind), r.ProjectCode, r.Title, r.RuleSet, string(r.Status), r.Version, r.Revision, source,
		r.Score.Total, r.Score.Grade, r.Errors, r.Warnings, u.ID, u.ID, u.Name, tx.time(tx.now), tx.time(tx.now), tx.time(r.SubmittedAt),
		r.Revision, f.self, f.rateKnown, f.rate, f.errors)
	if tx.db.d.isUnique(err) {
		what := string(r.Kind)
		if r.Kind == jixiao.KindProject {
			what += "（" + r.ProjectCode + "）"
		}
		return jixiao.Errorf(jixiao.EConflict, "%s %d 年%s自评表已存在", unit.Name, r.Year, what)
	} else if err != nil {
		return fmt.Errorf("sqldb: create evaluation: %w", err)
	}
	r.ID = id
	if r.Provenance == nil {
		r.Provenance = r.Content.Provenance
	}
	if err := tx.insertRevision(r, "", nil); err != nil {
		return err
	}
	if err := tx.storeFacts(r); err != nil {
		return err
	}
	return tx.log(&jixiao.LogEntry{Action: jixiao.LogEvaluationCreate, Object: evalObject(id),
		Detail: fmt.Sprintf("%s %d 年%s自评表，版本 1，得分 %s", unit.Name, r.Year, r.Kind, r.Score.Total.StringFixed(2))})
}

// linkTask finds the task the evaluation answers: the one named, which
// must ask for it, or else the latest task of its year that does. The
// task's rule set applies. A unit's tasks read for a whole batch
// (prefetchTasks) are taken instead of a query.
func (tx *Tx) linkTask(r *jixiao.EvaluationRecord) error {
	ts, ok := tx.unitTasks[r.UnitID]
	if !ok || r.TaskID != 0 {
		q := `SELECT t.id, t.rule_set, t.kinds, t.year FROM tasks t JOIN task_units tu ON tu.task_id = t.id WHERE tu.unit_id = ?`
		args := []any{r.UnitID}
		if r.TaskID != 0 {
			q, args = q+` AND t.id = ?`, append(args, r.TaskID)
		} else {
			q, args = q+` AND t.year = ?`, append(args, r.Year)
		}
		var err error
		if ts, err = queryAll(tx, scanTaskRow, q+` ORDER BY t.id DESC`, args...); err != nil {
			return err
		}
	}
	return pickTask(r, ts)
}

// taskRow is a task a unit is asked to file for, as linkTask reads it.
type taskRow struct {
	id            int64
	ruleSet, kind string // kind: the task's kinds, comma-separated
	year          int
}

func scanTaskRow(sc interface{ Scan(...any) error }) (t taskRow, err error) {
	return t, sc.Scan(&t.id, &t.ruleSet, &t.kind, &t.year)
}

// pickTask links r to the first of ts, latest first, that asks for its
// year and kind.
func pickTask(r *jixiao.EvaluationRecord, ts []taskRow) error {
	for _, t := range ts {
		if t.year == r.Year && strings.Contains(","+t.kind+",", ","+string(r.Kind)+",") {
			r.TaskID, r.RuleSet = t.id, t.ruleSet
			return nil
		}
	}
	if r.TaskID != 0 {
		return jixiao.Errorf(jixiao.EInvalid, "任务 %d 没有要求该单位提交 %d 年%s自评表", r.TaskID, r.Year, r.Kind)
	}
	if r.RuleSet == "" {
		r.RuleSet = r.Content.Rules
	}
	if r.RuleSet == "" {
		r.RuleSet = rules.Default
	}
	return nil
}

// prefetchTasks reads the tasks of every unit of units in one query, for
// linkTask to take for the rest of the transaction: a batch of intake
// links its evaluations without a query each.
func (tx *Tx) prefetchTasks(units []any) error {
	tx.unitTasks = make(map[int64][]taskRow, len(units))
	for _, u := range units {
		tx.unitTasks[u.(int64)] = nil
	}
	if len(units) == 0 {
		return nil
	}
	type row struct {
		unit int64
		taskRow
	}
	rows, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (r row, err error) {
		return r, sc.Scan(&r.unit, &r.id, &r.ruleSet, &r.kind, &r.year)
	}, `SELECT tu.unit_id, t.id, t.rule_set, t.kinds, t.year FROM tasks t JOIN task_units tu ON tu.task_id = t.id
		WHERE tu.unit_id IN `+inList(len(units))+` ORDER BY t.id DESC`, units...)
	if err != nil {
		tx.unitTasks = nil
		return fmt.Errorf("sqldb: tasks of the units: %w", err)
	}
	for _, r := range rows {
		tx.unitTasks[r.unit] = append(tx.unitTasks[r.unit], r.taskRow)
	}
	return nil
}

// insertRevision stores r's content and results as revision r.Revision.
func (tx *Tx) insertRevision(r *jixiao.EvaluationRecord, note string, changes []jixiao.Change) error {
	b, err := encodeRevision(r.Content, r.Provenance, r.Score, r.Findings, changes)
	if err != nil {
		return err
	}
	return tx.storeRevision(r, note, changes, b)
}

// storeRevision stores revision r.Revision with its parts b, encoded from
// r's content and results. Its dashboard facts are the caller's to store,
// with the row's other columns where it writes them.
func (tx *Tx) storeRevision(r *jixiao.EvaluationRecord, note string, changes []jixiao.Change, b revisionBlobs) error {
	u := tx.user
	// The revision's id is needed once it is committed only (the cache
	// below): the INSERT can go with the commit (execLater), where a
	// failure fails the save. Under the row's lock, at its version, no
	// other save can have stored this revision first; where the INSERT
	// runs at once and one did all the same, the save is refused as a
	// conflict.
	var id int64
	err := tx.execLater([]any{&id}, `INSERT INTO revisions (evaluation_id, number, version, user_id, user_name, note, changes, content, provenance, score_total, scores, findings, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.ID, r.Revision, r.Version, u.ID, u.Name, note, b.changes, b.content, b.provenance, r.Score.Total, b.scores, b.findings, tx.time(tx.now))
	if tx.db.d.isUnique(err) {
		return tx.conflict(r.ID, r.Version-1)
	} else if err != nil {
		return fmt.Errorf("sqldb: store revision: %w", err)
	}
	// The next save of this evaluation starts from this revision: once it
	// is committed, the cache holds it as a read would decode it, so that
	// the save need not decode it again while it holds SQLite's writer.
	if tx.bulk {
		return nil
	}
	tx.afterCommit(func() {
		tx.db.revs.put(revisionKey{revisionRef{r.ID, r.Revision}, r.UpdatedAt.UnixMicro()}, storedRevision(id, r, u, note, changes, tx.now))
	})
	return nil
}

// storedRevision is the revision insertRevision stores, as scanRevision
// reads it back: empty lists where the stored JSON has [], no provenance
// where it has {}. TestSavedRevisionCached holds the two equal.
func storedRevision(id int64, r *jixiao.EvaluationRecord, u *jixiao.User, note string, changes []jixiao.Change, at time.Time) *jixiao.Revision {
	rev := &jixiao.Revision{ID: id, EvaluationID: r.ID, Number: r.Revision, Version: r.Version, UserID: u.ID, UserName: u.Name, Note: note,
		Changes: changes, CreatedAt: at, Score: r.Score, Findings: r.Findings, Provenance: r.Provenance}
	if rev.Changes == nil {
		rev.Changes = []jixiao.Change{}
	}
	if rev.Findings == nil {
		rev.Findings = []jixiao.Finding{}
	}
	if rev.Provenance == nil {
		rev.Provenance = r.Content.Provenance
	}
	if len(rev.Provenance) == 0 {
		rev.Provenance = nil
	}
	content := *r.Content
	content.Provenance = rev.Provenance
	rev.Content = &content
	return rev
}

// UpdateEvaluation saves new content as a new revision. What the save
// stores is made before the write transaction (prepareSave) and taken
// inside it when the row is still the one it was made from.
func (s *EvaluationService) UpdateEvaluation(ctx context.Context, id int64, upd jixiao.EvaluationUpdate) (*jixiao.EvaluationRecord, error) {
	pre := s.prepareSave(ctx, id, upd)
	var r *jixiao.EvaluationRecord
	err := s.db.write(ctx, func(tx *Tx) (err error) {
		tx.logsLast = true // logAndCommit below
		u, err := tx.actor()
		if err != nil {
			return err
		}
		if r, err = tx.viewable(id, true, "修改自评表"); err != nil {
			return err
		}
		if !jixiao.CanEdit(u, r) {
			if !r.Status.Editable() {
				return refuse(jixiao.EForbidden, "修改自评表", evalObject(id), "自评表处于“%s”状态，不能修改；须退回后才能修改", r.Status.Label())
			}
			return refuse(jixiao.EForbidden, "修改自评表", evalObject(id), "只有%s的填报人员可以修改其自评表", r.UnitName)
		}
		if upd.Version != r.Version {
			return tx.conflict(id, upd.Version)
		}
		if err := jixiao.ValidateContent(r, upd.Content); err != nil {
			return err
		}
		sv := pre
		if !sv.madeFor(r, upd) {
			if sv, err = tx.makeSave(r, upd); err != nil {
				return err
			}
		}
		if upd.Indicators != nil {
			if err := jixiao.CheckIndicatorOrigins(upd.Indicators, len(sv.prev.Content.Indicators), len(upd.Content.Indicators)); err != nil {
				return err
			}
		}
		if sv.unchanged {
			prev := copyRevision(sv.prev) // the caller's own, as a read gives it
			r.Content, r.Provenance, r.Score, r.Findings = prev.Content, prev.Provenance, prev.Score, prev.Findings
			return nil // nothing changed: no revision
		}
		r.Content, r.Provenance, r.Score, r.Findings = sv.content, sv.prov, sv.score, sv.findings
		r.Errors, r.Warnings = countFindings(r.Findings)
		if r.Kind == jixiao.KindProject && r.Content.Project != "" {
			r.Title = r.Content.Project
		}
		// the dashboard facts of the new revision go in with the row
		// (writeFacts' UPDATE, one statement fewer in SQLite's writer)
		facts := recordFacts(r)
		f := factsOf(facts)
		res, err := tx.exec(`UPDATE evaluations SET version = version + 1, revision = revision + 1, title = ?, score_total = ?, grade = ?, errors = ?, warnings = ?,
			updated_by = ?, updated_name = ?, updated_at = ?, facts_revision = revision + 1, self_score = ?, rate_known = ?, rate = ?, has_errors = ?
			WHERE id = ? AND version = ?`,
			r.Title, r.Score.Total, r.Score.Grade, r.Errors, r.Warnings, u.ID, u.Name, tx.time(tx.now), f.self, f.rateKnown, f.rate, f.errors, id, upd.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return tx.conflict(id, upd.Version)
		}
		r.Version, r.Revision, r.UpdatedBy, r.UpdatedName, r.UpdatedAt = r.Version+1, r.Revision+1, u.ID, u.Name, tx.now
		if err := tx.storeRevision(r, upd.Note, sv.changes, sv.blobs); err != nil {
			return err
		}
		if err := tx.replaceFindingCodes(id, findingFacts(sv.prev.Findings), facts.Findings); err != nil {
			return err
		}
		dropped, err := tx.repin(id, sv.prev.Content.Indicators, sv.content.Indicators, upd.Indicators)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("版本 %d → %d：%s", upd.Version, r.Version, changeSummary(sv.changes))
		if len(dropped) > 0 {
			detail += "；随指标删除的复核评分：" + strings.Join(dropped, "、")
		}
		// the last statement: the head it locks is held to the commit only
		return tx.logAndCommit(&jixiao.LogEntry{Action: jixiao.LogEvaluationSave, Object: evalObject(id), Detail: detail})
	})
	return r, err
}

// repin moves what is pinned to indicator rows, the comments and the
// review scores, to where a save placed their indicators: from, as the
// save says it, or else as jixiao.IndicatorOrigins finds it, so that
// every save follows the rows, whichever path it came by. It returns the
// items of the review scores dropped with their indicators.
func (tx *Tx) repin(id int64, before, after []jixiao.Indicator, from []int) (dropped []string, err error) {
	if from == nil {
		from = jixiao.IndicatorOrigins(before, after)
	}
	if !jixiao.MovesIndicators(from, len(before)) {
		return nil, nil
	}
	if err := tx.repinComments(id, from); err != nil {
		return nil, err
	}
	return tx.repinReviewScores(id, from)
}

// changeSummary lists the changed paths for the log and for conflicts.
func changeSummary(cs []jixiao.Change) string {
	if len(cs) == 0 {
		return "仅来源信息"
	}
	paths := make([]string, 0, len(cs))
	for i, c := range cs {
		if i == 10 {
			paths = append(paths, fmt.Sprintf("等 %d 处", len(cs)))
			break
		}
		paths = append(paths, c.Path)
	}
	return strings.Join(paths, "、")
}

// conflict builds the answer to a save or step from a stale version: who
// changed the evaluation since, when, and what.
func (tx *Tx) conflict(id int64, seen int) error {
	var parts []string
	rows, err := tx.query(`SELECT version, user_name, created_at, changes FROM revisions WHERE evaluation_id = ? AND version > ? ORDER BY version`, id, seen)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var who, changes string
		var at timeValue
		if err := rows.Scan(&v, &who, scanTime{&at.t}, &changes); err != nil {
			return err
		}
		var cs []jixiao.Change
		if err := decodeJSON(changes, &cs); err != nil {
			return err
		}
		parts = append(parts, fmt.Sprintf("%s 于 %s 保存了版本 %d（修改了 %s）", who, at.local(), v, changeSummary(cs)))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	trows, err := tx.query(`SELECT version, user_name, created_at, action FROM transitions WHERE evaluation_id = ? AND version > ? ORDER BY version`, id, seen)
	if err != nil {
		return err
	}
	defer trows.Close()
	for trows.Next() {
		var v int
		var who, action string
		var at timeValue
		if err := trows.Scan(&v, &who, scanTime{&at.t}, &action); err != nil {
			return err
		}
		parts = append(parts, fmt.Sprintf("%s 于 %s %s（版本 %d）", who, at.local(), jixiao.Action(action).Label(), v))
	}
	if err := trows.Err(); err != nil {
		return err
	}
	msg := fmt.Sprintf("自评表 %d 已在你打开（版本 %d）之后被修改", id, seen)
	if len(parts) > 0 {
		msg += "：" + strings.Join(parts, "；")
	}
	return jixiao.Errorf(jixiao.EConflict, "%s。请重新打开后再修改。", msg)
}
