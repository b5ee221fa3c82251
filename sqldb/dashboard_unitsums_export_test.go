package sqldb

import (
	"fmt"
	"strings"

	"jixiao/dashboard"
)

// dashboardInflatedSQL is the inflated condition as Aggregate writes it.
var dashboardInflatedSQL = dashboard.InflatedSQL("self_score", "rate_known", "rate")

// UnitSumsAndPlain reads the kept unit sums (migration 0005) and the same
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
	return kept + kb, plain + pb, err
}
