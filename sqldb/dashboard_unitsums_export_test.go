package sqldb

import (
	"fmt"
	"strings"

	"jixiao/dashboard"
)

// dashboardInflatedSQL is the inflated condition as Aggregate writes it.
var dashboardInflatedSQL = dashboard.InflatedSQL("self_score", "rate_known", "rate")

// UnitSumsAndPlain reads the kept unit sums (migrations 0005 and 0006) and the same
// sums over the evaluations' rows, the plain reference, each as one line
// a key in key order.
func (db *DB) UnitSumsAndPlain() (kept, plain string, err error) {
	read := func(q string) (string, error) {
		rows, err := db.wdb.Query(q)
		if err != nil {
			return "", err
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var unit, year, task, n, rk, he, inf, rvn, s, r, g int64
			var kind, status string
			if err := rows.Scan(&unit, &year, &kind, &task, &status, &n, &rk, &he, &inf, &rvn, &s, &r, &g); err != nil {
				return "", err
			}
			fmt.Fprintln(&b, unit, year, kind, task, status, n, rk, he, inf, rvn, s, r, g)
		}
		return b.String(), rows.Err()
	}
	if kept, err = read(`SELECT unit_id, year, kind, task_id, status, n, rk, he, inf, rvn, s, r, g FROM dashboard_unit_sums
		ORDER BY unit_id, year, kind, task_id, status`); err != nil {
		return "", "", err
	}
	plain, err = read(`SELECT unit_id, year, kind, COALESCE(task_id, 0), status, COUNT(*), SUM(rate_known), SUM(has_errors),
		SUM(CASE WHEN ` + dashboardInflatedSQL + ` THEN 1 ELSE 0 END),
		SUM(CASE WHEN finance_items > 0 OR dept_items > 0 THEN 1 ELSE 0 END), SUM(self_score),
		SUM(CASE WHEN rate_known = 1 THEN rate ELSE 0 END),
		SUM(CASE WHEN finance_items > 0 THEN finance_gap WHEN dept_items > 0 THEN dept_gap ELSE 0 END)
		FROM evaluations GROUP BY unit_id, year, kind, COALESCE(task_id, 0), status ORDER BY 1, 2, 3, 4, 5`)
	if err != nil {
		return "", "", err
	}
	bandRows := func(q string) (string, error) {
		rows, err := db.wdb.Query(q)
		if err != nil {
			return "", err
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var unit, year, task, sb, rb, n, s, r, inf int64
			var kind, status, grade string
			if err := rows.Scan(&unit, &year, &kind, &task, &status, &sb, &rb, &grade, &n, &s, &r, &inf); err != nil {
				return "", err
			}
			fmt.Fprintln(&b, "band", unit, year, kind, task, status, sb, rb, grade, n, s, r, inf)
		}
		return b.String(), rows.Err()
	}
	kb, err := bandRows(`SELECT unit_id, year, kind, task_id, status, sb, rb, grade, n, s, r, inf FROM dashboard_band_sums
		ORDER BY unit_id, year, kind, task_id, status, sb, rb, grade`)
	if err != nil {
		return "", "", err
	}
	pb, err := bandRows(`SELECT unit_id, year, kind, task_id, status, sb, rb, grade, COUNT(*), SUM(self_score), SUM(rate), SUM(inf) FROM (
		SELECT unit_id, year, kind, COALESCE(task_id, 0) AS task_id, status, ` + dashboard.ScoreBandSQL("self_score") + ` AS sb,
		CASE WHEN rate_known = 1 THEN ` + dashboard.RateBandSQL("rate") + ` ELSE -1 END AS rb, grade, self_score, rate,
		CASE WHEN ` + dashboardInflatedSQL + ` THEN 1 ELSE 0 END AS inf FROM evaluations) e
		GROUP BY unit_id, year, kind, task_id, status, sb, rb, grade ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`)
	if err != nil {
		return "", "", err
	}
	kc, pc, err := db.findingSumsAndPlain()
	return kept + kb + kc, plain + pb + pc, err
}

// findingSumsAndPlain reads the kept finding and filing sums
// (migration 0006) and the same over the evaluations' rows.
func (db *DB) findingSumsAndPlain() (kept, plain string, err error) {
	collate := db.d.binaryCollation()
	lines := func(q string) (string, error) {
		rows, err := db.wdb.Query(q)
		if err != nil {
			return "", err
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return "", err
			}
			for i, v := range vals {
				if t, ok := v.([]byte); ok {
					v = string(t)
				}
				if i > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprint(&b, v)
			}
			b.WriteByte('\n')
		}
		return b.String(), rows.Err()
	}
	var statuses, perStatus []string
	for _, st := range workflowStatuses {
		statuses = append(statuses, string(st))
		perStatus = append(perStatus, "SUM(CASE WHEN status = '"+string(st)+"' THEN 1 ELSE 0 END)")
	}
	queries := [][2]string{
		{`SELECT 'code', unit_id, year, kind, task_id, status, code, n, occurrences, severity, message FROM dashboard_finding_sums
			ORDER BY unit_id, year, kind, task_id, status, code` + collate,
			`SELECT 'code', e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code, COUNT(*), SUM(x.occurrences),
			MIN(x.severity` + collate + `), MIN(x.message` + collate + `) FROM evaluations e JOIN evaluation_findings x ON x.evaluation_id = e.id
			GROUP BY e.unit_id, e.year, e.kind, COALESCE(e.task_id, 0), e.status, x.code ORDER BY 2, 3, 4, 5, 6, x.code` + collate},
		{`SELECT 'filing', year, unit_id, kind, n, ` + strings.Join(statuses, ", ") + `, latest FROM dashboard_filing_sums ORDER BY year, unit_id, kind`,
			`SELECT 'filing', year, unit_id, kind, COUNT(*), ` + strings.Join(perStatus, ", ") + `, MAX(submitted_at) FROM evaluations
			GROUP BY year, unit_id, kind ORDER BY 2, 3, 4`},
		{`SELECT 'review', unit_id, year, kind, task_id, status, sb, vb, gb, n, s, g FROM dashboard_review_sums
			ORDER BY unit_id, year, kind, task_id, status, sb, vb, gb`,
			`SELECT 'review', unit_id, year, kind, task_id, status, sb, vb, gb, COUNT(*), SUM(s), SUM(g) FROM (
			SELECT unit_id, year, kind, task_id, status, s, g, ` + dashboard.ScoreBandSQL("s") + ` AS sb, ` + dashboard.ScoreBandSQL("(s + g)") + ` AS vb,
			` + dashboard.GapBandSQL("g") + ` AS gb FROM (SELECT unit_id, year, kind, COALESCE(task_id, 0) AS task_id, status, self_score AS s,
			CASE WHEN finance_items > 0 THEN finance_gap ELSE dept_gap END AS g FROM evaluations WHERE finance_items > 0 OR dept_items > 0) x) y
			GROUP BY unit_id, year, kind, task_id, status, sb, vb, gb ORDER BY 2, 3, 4, 5, 6, 7, 8, 9`},
	}
	for _, q := range queries {
		k, err := lines(q[0])
		if err != nil {
			return "", "", err
		}
		p, err := lines(q[1])
		if err != nil {
			return "", "", err
		}
		kept, plain = kept+k, plain+p
	}
	return kept, plain, nil
}
