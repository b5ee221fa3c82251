package sqldb

import (
	"context"
	"fmt"
	"strings"

	"jixiao"
	"jixiao/dashboard"
)

// workflowStatuses are every status, for the SQL of Status.Submitted.
var workflowStatuses = []jixiao.Status{jixiao.StatusDraft, jixiao.StatusSubmitted, jixiao.StatusDeptReturned, jixiao.StatusDeptApproved,
	jixiao.StatusFinanceReturned, jixiao.StatusFinanceApproved, jixiao.StatusPublished}

// obligationUnits joins a task's units to their organisations.
const obligationUnits = ` FROM task_units tu JOIN organisations o ON o.id = tu.unit_id`

// FilingCounts counts in SQL the obligations of task t, as
// FindObligations lists them (the task's units the user may see, each
// kind asked, the unit's evaluations of the year and kind), of the units
// at or below under and of kind when set, from the kept sums (migrations
// 0005 and 0006); no query returns more rows than one.
func (s *DashboardService) FilingCounts(ctx context.Context, t *jixiao.Task, under int64, kind jixiao.Kind) (dashboard.FilingCounts, error) {
	c := dashboard.FilingCounts{Statuses: map[jixiao.Status]int{}}
	var kinds []jixiao.Kind
	for _, k := range t.Kinds {
		if kind == "" || k == kind {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		return c, nil
	}
	err := s.db.read(ctx, func(tx *Tx) error {
		if !jixiao.CanViewTask(tx.user, t) {
			return refuse(jixiao.ENotFound, "查看任务", fmt.Sprintf("task/%d", t.ID), "任务 %d 不存在", t.ID)
		}
		scope, args := obligationScope(tx.user)
		where := ` WHERE tu.task_id = ? AND ` + scope
		args = append([]any{t.ID}, args...)
		if under != 0 {
			o, err := tx.orgByID(under)
			if err != nil {
				return err
			}
			where, args = where+` AND o.path LIKE ?`, append(args, o.Path.String()+"%")
		}
		var n int
		if err := tx.queryRow(`SELECT COUNT(*)`+obligationUnits+where, args...).Scan(&n); err != nil {
			return fmt.Errorf("sqldb: filing: %w", err)
		}
		c.Obligations = n * len(kinds)
		// the unit sums count an obligation's evaluations by status (a
		// unit's projects of a year in one row), and its latest
		// submission says whether one was late: a few thousand rows a
		// task, not a scan of its year's evaluations
		sums := obligationUnits + ` JOIN dashboard_unit_sums e ON e.unit_id = tu.unit_id AND e.year = ? AND e.kind IN ` + inList(len(kinds)) + where
		eargs := []any{t.Year}
		for _, k := range kinds {
			eargs = append(eargs, string(k))
		}
		eargs = append(eargs, args...)
		var submitted, perStatus, totals []string
		for i, st := range workflowStatuses {
			if st.Submitted() {
				submitted = append(submitted, "'"+string(st)+"'")
			}
			perStatus = append(perStatus, fmt.Sprintf("SUM(CASE WHEN e.status = '%s' THEN e.n ELSE 0 END) AS s%d", st, i))
			totals = append(totals, fmt.Sprintf("COALESCE(SUM(x.s%d), 0)", i))
		}
		q := `SELECT COUNT(*), COALESCE(SUM(CASE WHEN x.n = x.sub THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN x.n = x.sub AND l.submitted_at > ? THEN 1 ELSE 0 END), 0), ` + strings.Join(totals, ", ") + `
			FROM (SELECT tu.unit_id AS uid, e.kind AS kind, SUM(e.n) AS n, SUM(CASE WHEN e.status IN (` + strings.Join(submitted, ", ") + `) THEN e.n ELSE 0 END) AS sub, ` +
			strings.Join(perStatus, ", ") + sums + ` GROUP BY tu.unit_id, e.kind) x
			LEFT JOIN dashboard_latest_submissions l ON l.unit_id = x.uid AND l.year = ? AND l.kind = x.kind`
		eargs = append(append([]any{tx.time(t.Deadline)}, eargs...), t.Year)
		counts := make([]int, len(workflowStatuses))
		dest := []any{&c.Started, &c.Delivered, &c.Late}
		for i := range counts {
			dest = append(dest, &counts[i])
		}
		if err := tx.queryRow(q, eargs...).Scan(dest...); err != nil {
			return fmt.Errorf("sqldb: filing: %w", err)
		}
		for i, st := range workflowStatuses {
			if counts[i] > 0 {
				c.Statuses[st] = counts[i]
			}
		}
		return nil
	})
	return c, err
}
