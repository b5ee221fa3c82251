package sqldb

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"jixiao"
)

// DashboardService implements jixiao.DashboardService.
type DashboardService struct{ db *DB }

var _ jixiao.DashboardService = (*DashboardService)(nil)

// NewDashboardService returns the dashboard facts of db.
func NewDashboardService(db *DB) *DashboardService { return &DashboardService{db} }

// storedScore is the part of a revision's stored ScoreRecord the
// dashboards read; the rows are skipped by the decoder.
type storedScore struct {
	StatedTotal   string
	ExecutionRate decimal.Decimal
	RateKnown     bool
}

// FindEvaluationFacts reads, in one snapshot, every viewable evaluation
// matching f with its latest revision's results, then the review scores
// of the same evaluations. One query for each, whatever the count: the
// dashboards read thousands of rows at once.
func (s *DashboardService) FindEvaluationFacts(ctx context.Context, f jixiao.EvaluationFilter) ([]*jixiao.EvaluationFacts, error) {
	var out []*jixiao.EvaluationFacts
	err := s.db.read(ctx, func(tx *Tx) error {
		w, args, err := tx.evalWhere(f)
		if err != nil {
			return err
		}
		byID, err := tx.facts(w, args, &out)
		if err != nil {
			return err
		}
		return tx.reviewTallies(w, args, byID)
	})
	return out, err
}

const factsFrom = evalFrom + ` LEFT JOIN organisations d ON d.id = o.parent_id AND d.kind = 'department'
	JOIN revisions r ON r.evaluation_id = e.id AND r.number = e.revision`

// facts appends the facts of the evaluations matching where to out, and
// returns those the user may read the review scores of, by ID.
func (tx *Tx) facts(where string, args []any, out *[]*jixiao.EvaluationFacts) (map[int64]*jixiao.EvaluationFacts, error) {
	rows, err := tx.query(`SELECT e.id, COALESCE(e.task_id, 0), e.unit_id, o.path, o.name, COALESCE(d.id, 0), COALESCE(d.name, ''),
		e.year, e.kind, e.project_code, e.title, e.status, e.score_total, e.grade, r.scores, r.findings`+factsFrom+
		` WHERE `+where+` ORDER BY e.year, o.path, e.kind, e.project_code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	reviewable := map[int64]*jixiao.EvaluationFacts{}
	for rows.Next() {
		f := &jixiao.EvaluationFacts{}
		var path, kind, status, scores, findings string
		if err := rows.Scan(&f.ID, &f.TaskID, &f.UnitID, &path, &f.UnitName, &f.DeptID, &f.DeptName,
			&f.Year, &kind, &f.ProjectCode, &f.Title, &status, &f.Computed, &f.Grade, &scores, &findings); err != nil {
			return nil, err
		}
		f.Kind, f.Status = jixiao.Kind(kind), jixiao.Status(status)
		up, err := jixiao.ParseOrgPath(path)
		if err != nil {
			return nil, err
		}
		rec := &jixiao.EvaluationRecord{ID: f.ID, UnitID: f.UnitID, UnitPath: up, Status: f.Status}
		if !jixiao.CanView(tx.user, rec) {
			continue
		}
		var sc storedScore
		if err := decodeJSON(scores, &sc); err != nil {
			return nil, fmt.Errorf("sqldb: evaluation %d scores: %w", f.ID, err)
		}
		if err := decodeJSON(findings, &f.Findings); err != nil {
			return nil, fmt.Errorf("sqldb: evaluation %d findings: %w", f.ID, err)
		}
		if sc.StatedTotal != "" {
			f.StatedTotal = jixiao.ParseFigure(sc.StatedTotal)
		}
		f.ExecutionRate, f.RateKnown = sc.ExecutionRate, sc.RateKnown
		*out = append(*out, f)
		if jixiao.CanViewComments(tx.user, rec) {
			reviewable[f.ID] = f
		}
	}
	return reviewable, rows.Err()
}

// reviewTallies sums the review scores of the evaluations in byID, by stage.
func (tx *Tx) reviewTallies(where string, args []any, byID map[int64]*jixiao.EvaluationFacts) error {
	if len(byID) == 0 {
		return nil
	}
	rows, err := tx.query(`SELECT rs.evaluation_id, rs.stage, rs.unit_score, rs.score FROM review_scores rs
		JOIN evaluations e ON e.id = rs.evaluation_id JOIN organisations o ON o.id = e.unit_id WHERE `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var stage string
		var unit, score decimal.Decimal
		if err := rows.Scan(&id, &stage, &unit, &score); err != nil {
			return err
		}
		f, ok := byID[id]
		if !ok {
			continue
		}
		if f.Reviews == nil {
			f.Reviews = map[jixiao.ReviewStage]jixiao.ReviewTally{}
		}
		t := f.Reviews[jixiao.ReviewStage(stage)]
		t.Items++
		t.Gap = t.Gap.Add(score.Sub(unit))
		f.Reviews[jixiao.ReviewStage(stage)] = t
	}
	return rows.Err()
}
