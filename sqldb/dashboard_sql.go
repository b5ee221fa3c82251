package sqldb

import (
	"context"
	"fmt"
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
// bands, finding codes shown, departments or units on the page.
func (s *DashboardService) Aggregate(ctx context.Context, f jixiao.EvaluationFilter, part string, page dashboard.UnitPage) (*dashboard.Dashboard, error) {
	d := &dashboard.Dashboard{Grades: []dashboard.Band{}, Findings: []dashboard.FindingCount{}, Departments: []dashboard.Group{}, Units: []dashboard.Group{}}
	err := s.db.read(ctx, func(tx *Tx) error {
		sel, args, err := tx.factSelection(f)
		if err != nil {
			return err
		}
		a := aggregator{tx: tx, with: "WITH sel AS (" + sel + ") ", args: args, d: d, collate: tx.db.d.binaryCollation()}
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
			{[]string{"evaluations", "self_scores", "execution_rates", "self_score_by_rate", "grades", "findings"}, a.bands},
			{[]string{"grades"}, a.grades},
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

// aggregator runs the aggregate queries over one selection.
type aggregator struct {
	tx      *Tx
	with    string
	args    []any
	d       *dashboard.Dashboard
	collate string // after a text column, to order as Go compares strings
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

func (a *aggregator) bands() error {
	var cells []dashboard.BandSums
	q := `SELECT sb, rb, COUNT(*), CAST(SUM(s) AS BIGINT), CAST(SUM(r) AS BIGINT), SUM(inf) FROM (SELECT s, r, inf, ` +
		dashboard.ScoreBandSQL("s") + ` AS sb, CASE WHEN rk = 1 THEN ` + dashboard.RateBandSQL("r") + ` ELSE -1 END AS rb FROM sel) x GROUP BY sb, rb`
	err := a.each(q, func(scan func(...any) error) error {
		var c dashboard.BandSums
		err := scan(&c.ScoreBand, &c.RateBand, &c.N, &c.Self, &c.Rate, &c.Inflated)
		cells = append(cells, c)
		return err
	})
	a.d.Distributions(cells)
	return err
}

func (a *aggregator) grades() error {
	counts := map[string]int{}
	err := a.each(`SELECT gr, COUNT(*) FROM sel GROUP BY gr`, func(scan func(...any) error) error {
		var g string
		var n int
		err := scan(&g, &n)
		counts[g] = n
		return err
	})
	a.d.GradeCounts(counts)
	return err
}

func (a *aggregator) reviews() error {
	var cells []dashboard.ReviewSums
	q := `SELECT sb, vb, gb, COUNT(*), CAST(SUM(s) AS BIGINT), CAST(SUM(g) AS BIGINT) FROM (SELECT s, g, ` + dashboard.ScoreBandSQL("s") + ` AS sb, ` +
		dashboard.ScoreBandSQL("(s + g)") + ` AS vb, ` + dashboard.GapBandSQL("g") + ` AS gb FROM sel WHERE rv = 1) x GROUP BY sb, vb, gb`
	err := a.each(q, func(scan func(...any) error) error {
		var c dashboard.ReviewSums
		err := scan(&c.SelfBand, &c.ReviewBand, &c.GapBand, &c.N, &c.Self, &c.Gap)
		cells = append(cells, c)
		return err
	})
	a.d.Reviews(cells)
	return err
}

func (a *aggregator) findings() error {
	var top []dashboard.FindingCount
	q := `SELECT x.code, MIN(x.severity` + a.collate + `), MIN(x.message` + a.collate + `), COUNT(*), CAST(SUM(x.occurrences) AS BIGINT)
		FROM evaluation_findings x JOIN sel ON sel.id = x.evaluation_id GROUP BY x.code ORDER BY COUNT(*) DESC, x.code` + a.collate +
		fmt.Sprintf(` LIMIT %d`, dashboard.TopFindings)
	err := a.each(q, func(scan func(...any) error) error {
		var c dashboard.FindingCount
		err := scan(&c.Code, &c.Severity, &c.Message, &c.Evaluations, &c.Occurrences)
		top = append(top, c)
		return err
	})
	if top == nil {
		top = []dashboard.FindingCount{}
	}
	a.d.FindingCounts(top)
	return err
}

// groupSums are the sums of a department or unit, in GroupSums' order
// after its ID, name and department; the aliases are Group's JSON names,
// which dashboard.UnitOrderSQL orders by.
const groupSums = `COUNT(*) AS evaluations, SUM(rk), SUM(he) AS with_errors, SUM(inf) AS inflated, SUM(rv) AS reviewed,
	CAST(SUM(s) AS BIGINT), CAST(SUM(CASE WHEN rk = 1 THEN r ELSE 0 END) AS BIGINT), CAST(SUM(CASE WHEN rv = 1 THEN g ELSE 0 END) AS BIGINT)`

func (a *aggregator) groups(q string, args []any) ([]dashboard.Group, error) {
	out := []dashboard.Group{}
	rows, err := a.tx.query(a.with+q, append(a.args, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s dashboard.GroupSums
		if err := rows.Scan(&s.ID, &s.Name, &s.Department, &s.N, &s.Rated, &s.WithErrors, &s.Inflated, &s.Reviewed, &s.Self, &s.Rate, &s.Gap); err != nil {
			return nil, err
		}
		out = append(out, s.Group())
	}
	return out, rows.Err()
}

func (a *aggregator) departments() (err error) {
	a.d.Departments, err = a.groups(`SELECT did, dn, '', `+groupSums+` FROM sel WHERE did <> 0 GROUP BY did, dn ORDER BY dn`+a.collate+`, did`, nil)
	return err
}

func (a *aggregator) units(page dashboard.UnitPage) (err error) {
	if page.Order == "" {
		page.Order = "name"
	}
	page.Offset, page.Limit = max(page.Offset, 0), max(page.Limit, 0)
	limit := page.Limit
	if limit == 0 {
		limit = 1 << 31 // every unit: both engines take a LIMIT, only PostgreSQL LIMIT ALL
	}
	if a.d.Units, err = a.groups(`SELECT uid, un, dn, `+groupSums+` FROM sel GROUP BY uid, un, dn ORDER BY `+
		dashboard.UnitOrderSQL(page.Order)+`un`+a.collate+`, uid LIMIT ? OFFSET ?`, []any{limit, page.Offset}); err != nil {
		return err
	}
	a.d.UnitPage = page
	return a.tx.queryRow(a.with+`SELECT COUNT(DISTINCT uid) FROM sel`, a.args...).Scan(&a.d.UnitsTotal)
}
