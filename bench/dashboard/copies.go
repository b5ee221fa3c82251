package main

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jixiao"
)

// evaluationColumns are the evaluations' columns a copy takes as they are
// (all but id, kind and project_code).
const evaluationColumns = `task_id, unit_id, year, title, rule_set, status, version, revision, source_hash, score_total, grade, errors, warnings,
	created_by, updated_by, updated_name, created_at, updated_at, submitted_at, published_at,
	facts_revision, self_score, rate_known, rate, has_errors, dept_items, dept_gap, finance_items, finance_gap`

// copyEvaluations adds, in SQL, copies more evaluations for each stored
// one, as further projects of the same unit and year (kind 项目, code
// "copy-k-<id>"), with the same dashboard columns and finding codes, so
// that a province's 100,000 evaluations load in minutes rather than the
// half hour storing each through the services takes. The copies have no
// revisions, review scores or log entries: the dashboards read none of
// them (they read evaluations and evaluation_findings).
// The first unit's evaluations are not copied, so that its years page,
// which opens each revision, stays whole.
func copyEvaluations(dsn string, copies int, firstUnit int64) (int, error) {
	driver := "sqlite"
	if strings.HasPrefix(dsn, "postgres") {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var maxID int64
	if err := db.QueryRow(`SELECT MAX(id) FROM evaluations`).Scan(&maxID); err != nil {
		return 0, err
	}
	t0 := time.Now()
	added := 0
	project := "'" + string(jixiao.KindProject) + "'"
	for k := 1; k <= copies; k++ {
		code := fmt.Sprintf("'copy-%d-' || CAST(o.id AS TEXT)", k)
		steps := []string{
			`INSERT INTO evaluations (kind, project_code, ` + evaluationColumns + `)
				SELECT ` + project + `, ` + code + `, ` + prefixed("o.", evaluationColumns) + ` FROM evaluations o WHERE o.id <= $1 AND o.unit_id <> $2`,
			`INSERT INTO evaluation_findings (evaluation_id, code, severity, message, occurrences, least_code)
				SELECT n.id, x.code, x.severity, x.message, x.occurrences, x.least_code
				FROM evaluations o JOIN evaluation_findings x ON x.evaluation_id = o.id
				JOIN evaluations n ON n.unit_id = o.unit_id AND n.year = o.year AND n.kind = ` + project + ` AND n.project_code = ` + code + `
				WHERE o.id <= $1 AND o.unit_id <> $2`,
		}
		for i, q := range steps {
			if driver == "sqlite" {
				q = strings.NewReplacer("$1", "?", "$2", "?").Replace(q) // each once, in order
			}
			res, err := db.Exec(q, maxID, firstUnit)
			if err != nil {
				return added, fmt.Errorf("copy %d, step %d: %w", k, i, err)
			}
			if i == 0 {
				n, _ := res.RowsAffected()
				added += int(n)
			}
		}
	}
	// the planner's statistics, as after a day of filing
	if _, err := db.Exec(`ANALYZE`); err != nil {
		return added, err
	}
	fmt.Printf("copied %d evaluations in SQL in %s\n", added, time.Since(t0).Round(time.Millisecond))
	return added, nil
}

// prefixed puts p before each column of the list cols.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
