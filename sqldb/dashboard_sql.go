package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"jixiao"
	"jixiao/dashboard"
)

// Aggregate computes in SQL, over the stored facts (the evaluations'
// dashboard columns, evaluation_findings), the aggregates of the evaluations the user may
// view that match f: part names one of them ("self_scores", "units", …,
// as the API's), "" all. The bands, thresholds and rounding are
// dashboard's (ScoreBandSQL…, Distributions…), so the result equals
// dashboard.Compute over FindEvaluationFacts of the same selection, with
// the units paged by page. No query returns more rows than there are
// bands, finding codes, departments or units on the page, and none
// scans the evaluations more than once: on PostgreSQL at a province's
// 100,000 that scan is most of each aggregate's time. Unless f selects a
// project code, the units, departments, distributions, grades and
// findings read the sums migrations 0005 and 0006 keep instead
// (sumSelections), a fifth of the rows.
func (s *DashboardService) Aggregate(ctx context.Context, f jixiao.EvaluationFilter, part string, page dashboard.UnitPage) (*dashboard.Dashboard, error) {
	d := &dashboard.Dashboard{Grades: []dashboard.Band{}, Findings: []dashboard.FindingCount{}, Departments: []dashboard.Group{}, Units: []dashboard.Group{}}
	err := s.db.read(ctx, func(tx *Tx) error {
		sel, args, err := tx.factSelection(f)
		if err != nil {
			return err
		}
		a := aggregator{tx: tx, with: "WITH sel AS (" + sel + ") ", args: args, d: d, collate: tx.db.d.binaryCollation()}
		if f.ProjectCode == "" {
			k, err := tx.sumSelections(f)
			if err != nil {
				return err
			}
			a.unitWith, a.unitArgs = "WITH sel AS ("+k.units+") ", k.unitArgs
			a.bandWith, a.bandArgs = "WITH sel AS ("+k.bands+") ", k.whereArgs
			a.codeWith = "WITH sel AS (" + k.codes + ") "
			a.reviewWith, a.reviewArgs = "WITH sel AS ("+k.reviews+") ", k.reviewArgs
		}
		want := func(p ...string) bool {
			for _, x := range p {
				if part == "" || part == x {
					return true
				}
			}
			return false
		}
		steps := []struct {
			parts []string
			fn    func() error
		}{
			{[]string{"evaluations", "self_scores", "execution_rates", "self_score_by_rate", "grades"}, func() error { return a.bands(want("grades")) }},
			{[]string{"self_vs_review"}, a.reviews},
			{[]string{"findings"}, a.findings},
			{[]string{"departments"}, a.departments},
			{[]string{"units"}, func() error { return a.units(page) }},
		}
		for _, st := range steps {
			if want(st.parts...) {
				if err := st.fn(); err != nil {
					return fmt.Errorf("sqldb: dashboard: %w", err)
				}
			}
		}
		return nil
	})
	return d, err
}

// factSelection is the SQL of the selected evaluations' facts, one row
// each: its unit and department, grade, stored figures, whether the user
// may count its 复核 scores (CanViewComments) and its 复核 gap.
func (tx *Tx) factSelection(f jixiao.EvaluationFilter) (string, []any, error) {
	where, wargs, err := tx.evalWhere(f)
	if err != nil {
		return "", nil, err
	}
	scope, args := scopeClauses(tx.user)
	if len(scope) == 0 {
		scope = []string{"1 = 0"}
	}
	q := `SELECT e.id, e.unit_id AS uid, o.name AS un, COALESCE(d.id, 0) AS did, COALESCE(d.name, '') AS dn, e.grade AS gr,
		e.self_score AS s, e.rate_known AS rk, e.rate AS r, e.has_errors AS he,
		CASE WHEN (e.finance_items > 0 OR e.dept_items > 0) AND (` + strings.Join(scope, " OR ") + `) THEN 1 ELSE 0 END AS rv,
		CASE WHEN e.finance_items > 0 THEN e.finance_gap ELSE e.dept_gap END AS g,
		CASE WHEN ` + dashboard.InflatedSQL("e.self_score", "e.rate_known", "e.rate") + ` THEN 1 ELSE 0 END AS inf` +
		factsFrom + ` WHERE ` + where
	return q, append(args, wargs...), nil
}

// keptSelections are factSelection over the sums kept by unit, year,
// kind, task and status (migrations 0005 and 0006). The key holds every
// column the filter and the visibility test but the project code, so
// that the rows selected are the sums of the evaluations factSelection
// selects.
type keptSelections struct {
	// units selects the rows of dashboard_unit_sums, each with unitSums'
	// columns but uid summed already; it takes unitArgs.
	units    string
	unitArgs []any
	// bands selects the rows of dashboard_band_sums, the cells of the
	// distributions, and codes those of dashboard_finding_sums, the
	// codes' counts; both take whereArgs.
	bands, codes string
	whereArgs    []any
	// reviews selects the rows of dashboard_review_sums the user may
	// count (CanViewComments), the cells of the 复核 comparison.
	reviews    string
	reviewArgs []any
}

// sumSelections is the selections of the kept sums f and the user select.
func (tx *Tx) sumSelections(f jixiao.EvaluationFilter) (keptSelections, error) {
	where, wargs, err := tx.evalWhere(f)
	if err != nil {
		return keptSelections{}, err
	}
	scope, args := scopeClauses(tx.user)
	if len(scope) == 0 {
		scope = []string{"1 = 0"}
	}
	sc := "(" + strings.Join(scope, " OR ") + ")"
	return keptSelections{
		units: `SELECT e.unit_id AS uid, e.n, e.rk, e.he, e.inf, CASE WHEN ` + sc + ` THEN e.rvn ELSE 0 END AS rv, e.s, e.r,
		CASE WHEN ` + sc + ` THEN e.g ELSE 0 END AS g FROM dashboard_unit_sums e JOIN organisations o ON o.id = e.unit_id WHERE ` + where,
		unitArgs:  append(append(append([]any{}, args...), args...), wargs...),
		bands:     `SELECT e.sb, e.rb, e.grade AS gr, e.n, e.s, e.r, e.inf FROM dashboard_band_sums e JOIN organisations o ON o.id = e.unit_id WHERE ` + where,
		codes:     `SELECT e.code, e.n, e.occurrences, e.severity, e.message FROM dashboard_finding_sums e JOIN organisations o ON o.id = e.unit_id WHERE ` + where,
		whereArgs: wargs,
		reviews: `SELECT e.sb, e.vb, e.gb, e.n, e.s, e.g FROM dashboard_review_sums e JOIN organisations o ON o.id = e.unit_id
		WHERE ` + where + ` AND ` + sc,
		reviewArgs: append(slices.Clip(wargs), args...),
	}, nil
}

// aggregator runs the aggregate queries over one selection.
type aggregator struct {
	tx      *Tx
	with    string
	args    []any
	d       *dashboard.Dashboard
	collate string // after a text column, to order as Go compares strings
	// unitWith and unitArgs select the kept unit sums for the units and
	// departments, 105,000 evaluations in 22,000 rows at a province;
	// empty for a selection by project code, which the sums do not key.
	unitWith string
	unitArgs []any
	bandWith string // the same of the distributions and grades
	bandArgs []any
	codeWith string // and of the finding codes, with bandArgs
	// reviewWith and reviewArgs select the kept cells of the 复核
	// comparison the user may count
	reviewWith string
	reviewArgs []any
}

// unitSel is the selection and the sums of its units that the units and
// departments aggregate: the kept sums when there are, else the
// evaluations.
func (a *aggregator) unitSel() (with string, args []any, sums string) {
	if a.unitWith != "" {
		return a.unitWith, a.unitArgs, keptUnitSums
	}
	return a.with, a.args, unitSums
}

func (a *aggregator) each(q string, scan func(sc func(...any) error) error) error {
	rows, err := a.tx.query(a.with+q, a.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// bands counts the selection by score band and rate band, and by grade
// when grades are asked for: the distributions and the grades from one
// scan (grouping by the grade as well costs a tenth more, which the
// other parts alone are spared).
func (a *aggregator) bands(grades bool) error {
	var cells []dashboard.BandSums
	counts := map[string]int{}
	gr, by := "''", ""
	if grades {
		gr, by = "gr", ", gr"
	}
	q := `SELECT sb, rb, ` + gr + `, COUNT(*), CAST(SUM(s) AS BIGINT), CAST(SUM(r) AS BIGINT), SUM(inf) FROM (SELECT s, r, inf, gr, ` +
		dashboard.ScoreBandSQL("s") + ` AS sb, CASE WHEN rk = 1 THEN ` + dashboard.RateBandSQL("r") + ` ELSE -1 END AS rb FROM sel) x GROUP BY sb, rb` + by
	each := a.each
	if a.bandWith != "" {
		q = `SELECT sb, rb, ` + gr + `, SUM(n), CAST(SUM(s) AS BIGINT), CAST(SUM(r) AS BIGINT), SUM(inf) FROM sel GROUP BY sb, rb` + by
		each = func(q string, scan func(sc func(...any) error) error) error {
			return (&aggregator{tx: a.tx, with: a.bandWith, args: a.bandArgs}).each(q, scan)
		}
	}
	err := each(q, func(scan func(...any) error) error {
		var c dashboard.BandSums
		var g string
		err := scan(&c.ScoreBand, &c.RateBand, &g, &c.N, &c.Self, &c.Rate, &c.Inflated)
		cells = append(cells, c)
		counts[g] += c.N
		return err
	})
	a.d.Distributions(cells)
	if grades {
		a.d.GradeCounts(counts)
	}
	return err
}

// reviews counts the reviewed evaluations the user may count the 复核
// scores of by self-score, 复核-score and gap band: from the kept cells
// (migration 0006) unless the selection is by project code.
func (a *aggregator) reviews() error {
	var cells []dashboard.ReviewSums
	q := `SELECT sb, vb, gb, COUNT(*), CAST(SUM(s) AS BIGINT), CAST(SUM(g) AS BIGINT) FROM (SELECT s, g, ` + dashboard.ScoreBandSQL("s") + ` AS sb, ` +
		dashboard.ScoreBandSQL("(s + g)") + ` AS vb, ` + dashboard.GapBandSQL("g") + ` AS gb FROM sel WHERE rv = 1) x GROUP BY sb, vb, gb`
	each := a.each
	if a.reviewWith != "" {
		q = `SELECT sb, vb, gb, SUM(n), CAST(SUM(s) AS BIGINT), CAST(SUM(g) AS BIGINT) FROM sel GROUP BY sb, vb, gb`
		each = (&aggregator{tx: a.tx, with: a.reviewWith, args: a.reviewArgs}).each
	}
	err := each(q, func(scan func(...any) error) error {
		var c dashboard.ReviewSums
		err := scan(&c.SelfBand, &c.ReviewBand, &c.GapBand, &c.N, &c.Self, &c.Gap)
		cells = append(cells, c)
		return err
	})
	a.d.Reviews(cells)
	return err
}

// findings counts the selection's evaluations by finding code, and the
// evaluations themselves. Every code is read and the top kept here, in
// Compute's order (count, then code in byte order), since the count
// needs them all. With the kept sums, the unit sums count the selection
// and the finding sums its codes (migration 0006); by project code, one
// scan of the selection counts both: the row of no code counts those
// without a finding, and the code rows' least_code (1 on one code of each
// evaluation) those with one.
func (a *aggregator) findings() error {
	var all []dashboard.FindingCount
	total := 0
	q := `SELECT x.code, MIN(x.severity` + a.collate + `), MIN(x.message` + a.collate + `), COUNT(*), CAST(SUM(x.occurrences) AS BIGINT), SUM(x.least_code)
		FROM sel LEFT JOIN evaluation_findings x ON x.evaluation_id = sel.id GROUP BY x.code`
	each := a.each
	if a.unitWith != "" {
		if err := a.tx.queryRow(a.unitWith+`SELECT COALESCE(CAST(SUM(n) AS BIGINT), 0) FROM sel`, a.unitArgs...).Scan(&total); err != nil {
			return err
		}
		q = `SELECT code, MIN(severity` + a.collate + `), MIN(message` + a.collate + `), CAST(SUM(n) AS BIGINT), CAST(SUM(occurrences) AS BIGINT), 0
			FROM sel GROUP BY code`
		each = (&aggregator{tx: a.tx, with: a.codeWith, args: a.bandArgs}).each
	}
	err := each(q, func(scan func(...any) error) error {
		var code, severity, message sql.NullString
		var n int
		var occurrences, evaluations sql.NullInt64
		if err := scan(&code, &severity, &message, &n, &occurrences, &evaluations); err != nil {
			return err
		}
		if !code.Valid {
			total += n
			return nil
		}
		total += int(evaluations.Int64)
		all = append(all, dashboard.FindingCount{Code: code.String, Severity: severity.String, Message: message.String,
			Evaluations: n, Occurrences: int(occurrences.Int64)})
		return nil
	})
	slices.SortFunc(all, func(x, y dashboard.FindingCount) int {
		return cmp.Or(cmp.Compare(y.Evaluations, x.Evaluations), strings.Compare(x.Code, y.Code))
	})
	top := all[:min(len(all), dashboard.TopFindings)]
	if top == nil {
		top = []dashboard.FindingCount{}
	}
	a.d.Evaluations = total
	a.d.FindingCounts(top)
	return err
}

func (a *aggregator) groups(q string, args []any) ([]dashboard.Group, error) {
	out := []dashboard.Group{}
	with, wargs, sums := a.unitSel()
	q = strings.Replace(q, unitSumsMark, sums, 1)
	rows, err := a.tx.query(with+q, append(slices.Clip(wargs), args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s dashboard.GroupSums
		dest := []any{&s.ID, &s.Name, &s.Department, &s.N, &s.Rated, &s.WithErrors, &s.Inflated, &s.Reviewed, &s.Self, &s.Rate, &s.Gap}
		if len(cols) > len(dest) {
			dest = append(dest, &a.d.UnitsTotal) // units: the count of all
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, s.Group())
	}
	return out, rows.Err()
}

// unitSums sums the selection by unit, on the unit's ID alone: grouping
// 100,000 rows by a number is a hash of 3,000 entries, where grouping by
// the names as well sorted them on disk. The names are joined to the
// 3,000 sums after. The columns are groupSums' of each unit's row.
const unitSums = `SELECT uid, COUNT(*) AS n, SUM(rk) AS rk, SUM(he) AS he, SUM(inf) AS inf, SUM(rv) AS rv, CAST(SUM(s) AS BIGINT) AS s,
	CAST(SUM(CASE WHEN rk = 1 THEN r ELSE 0 END) AS BIGINT) AS r, CAST(SUM(CASE WHEN rv = 1 THEN g ELSE 0 END) AS BIGINT) AS g FROM sel GROUP BY uid`

// keptUnitSums is unitSums over sumSelections' unit rows, sums already.
const keptUnitSums = `SELECT uid, SUM(n) AS n, SUM(rk) AS rk, SUM(he) AS he, SUM(inf) AS inf, SUM(rv) AS rv, CAST(SUM(s) AS BIGINT) AS s,
	CAST(SUM(r) AS BIGINT) AS r, CAST(SUM(g) AS BIGINT) AS g FROM sel GROUP BY uid`

// unitSumsMark stands in unitNames for unitSums or keptUnitSums.
const unitSumsMark = "/*unit sums*/"

// unitNames joins each unit's sums u to its name (o) and department (d).
const unitNames = ` FROM (` + unitSumsMark + `) u JOIN organisations o ON o.id = u.uid LEFT JOIN organisations d ON d.id = o.parent_id AND d.kind = 'department'`

func (a *aggregator) departments() (err error) {
	a.d.Departments, err = a.groups(`SELECT d.id, d.name, '', SUM(u.n) AS evaluations, SUM(u.rk), SUM(u.he) AS with_errors, SUM(u.inf) AS inflated,
		SUM(u.rv) AS reviewed, CAST(SUM(u.s) AS BIGINT), CAST(SUM(u.r) AS BIGINT), CAST(SUM(u.g) AS BIGINT)`+unitNames+
		` WHERE d.id IS NOT NULL GROUP BY d.id, d.name ORDER BY d.name`+a.collate+`, d.id`, nil)
	return err
}

// units reads a page of units, with the count of all of them beside each
// row (a window over the grouped rows, so the same scan); only a page
// past the end, which has no rows, counts them again.
func (a *aggregator) units(page dashboard.UnitPage) (err error) {
	if page.Order == "" {
		page.Order = "name"
	}
	page.Offset, page.Limit = max(page.Offset, 0), max(page.Limit, 0)
	limit := page.Limit
	if limit == 0 {
		limit = 1 << 31 // every unit: both engines take a LIMIT, only PostgreSQL LIMIT ALL
	}
	a.d.UnitsTotal = 0
	if a.d.Units, err = a.groups(`SELECT u.uid, o.name AS un, COALESCE(d.name, ''), u.n AS evaluations, u.rk, u.he AS with_errors, u.inf AS inflated,
		u.rv AS reviewed, u.s, u.r, u.g, COUNT(*) OVER ()`+unitNames+` ORDER BY `+
		dashboard.UnitOrderSQL(page.Order)+`o.name`+a.collate+`, u.uid LIMIT ? OFFSET ?`, []any{limit, page.Offset}); err != nil {
		return err
	}
	a.d.UnitPage = page
	if len(a.d.Units) > 0 {
		return nil
	}
	with, args, _ := a.unitSel()
	return a.tx.queryRow(with+`SELECT COUNT(DISTINCT uid) FROM sel`, args...).Scan(&a.d.UnitsTotal)
}
