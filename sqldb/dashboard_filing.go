package sqldb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"jixiao"
	"jixiao/dashboard"
)

// workflowStatuses are every status, each a column of
// dashboard_filing_sums, for the SQL of Status.Submitted.
var workflowStatuses = []jixiao.Status{jixiao.StatusDraft, jixiao.StatusSubmitted, jixiao.StatusDeptReturned, jixiao.StatusDeptApproved,
	jixiao.StatusFinanceReturned, jixiao.StatusFinanceApproved, jixiao.StatusPublished}

// obligationUnits joins a task's units to their organisations.
const obligationUnits = ` FROM task_units tu JOIN organisations o ON o.id = tu.unit_id`

// FilingCounts counts in SQL the obligations of task t, as
// FindObligations lists them (the task's units the user may see, each
// kind asked, the unit's evaluations of the year and kind), of the units
// at or below under and of kind when set, from the kept sums (migrations
// 0005 and 0006) in one query of one row.
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
		// an obligation's row of the kept filing sums (migration 0006)
		// counts its evaluations by status and holds its latest
		// submission: a task reads a row an obligation started, not its
		// year's evaluations; the task's units are counted in the same
		// statement, one round trip a task
		var submitted, totals []string
		for _, st := range workflowStatuses {
			if st.Submitted() {
				submitted = append(submitted, "f."+string(st))
			}
			totals = append(totals, "COALESCE(SUM(f."+string(st)+"), 0)")
		}
		delivered := "f.n = " + strings.Join(submitted, " + ")
		q := `SELECT (SELECT COUNT(*)` + obligationUnits + where + `), COUNT(*), COALESCE(SUM(CASE WHEN ` + delivered + ` THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN ` + delivered + ` AND f.latest > ? THEN 1 ELSE 0 END), 0), ` + strings.Join(totals, ", ") +
			obligationUnits + ` JOIN dashboard_filing_sums f ON f.year = ? AND f.unit_id = tu.unit_id AND f.kind IN ` + inList(len(kinds)) + where
		eargs := append(slices.Clip(args), tx.time(t.Deadline), t.Year)
		for _, k := range kinds {
			eargs = append(eargs, string(k))
		}
		eargs = append(eargs, args...)
		var units int
		counts := make([]int, len(workflowStatuses))
		dest := []any{&units, &c.Started, &c.Delivered, &c.Late}
		for i := range counts {
			dest = append(dest, &counts[i])
		}
		if err := tx.queryRow(q, eargs...).Scan(dest...); err != nil {
			return fmt.Errorf("sqldb: filing: %w", err)
		}
		c.Obligations = units * len(kinds)
		for i, st := range workflowStatuses {
			if counts[i] > 0 {
				c.Statuses[st] = counts[i]
			}
		}
		return nil
	})
	return c, err
}
