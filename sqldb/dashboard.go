package sqldb

import (
	"context"
	"fmt"
	"slices"

	"jixiao/notation"

	"github.com/shopspring/decimal"

	"jixiao"
)

// DashboardService implements jixiao.DashboardService.
type DashboardService struct{ db *DB }

var _ jixiao.DashboardService = (*DashboardService)(nil)

// NewDashboardService returns the dashboard facts of db.
func NewDashboardService(db *DB) *DashboardService { return &DashboardService{db} }

// revisionFacts is what the dashboards read of a revision's stored score
// and findings.
type revisionFacts struct {
	stated   jixiao.Figure
	rate     decimal.Decimal
	known    bool
	findings []jixiao.FindingFact
}

// storedScore is the part of a revision's stored ScoreRecord the
// dashboards read; the decoder skips the rows.
type storedScore struct {
	StatedTotal   string
	ExecutionRate decimal.Decimal
	RateKnown     bool
}

// FindEvaluationFacts reads, in one read transaction, every viewable
// evaluation matching f, then the stored score and findings of their
// latest revisions, then the review scores of the same evaluations: three
// queries, whatever the count. The dashboards aggregate in SQL over the
// facts stored with each revision (Aggregate); this is the plain reading
// that dashboard.Compute defines them over, which the tests compare them
// with, and what the backfill reads.
func (s *DashboardService) FindEvaluationFacts(ctx context.Context, f jixiao.EvaluationFilter) ([]*jixiao.EvaluationFacts, error) {
	var out []*jixiao.EvaluationFacts
	err := s.db.read(ctx, func(tx *Tx) error {
		w, args, err := tx.evalWhere(f)
		if err != nil {
			return err
		}
		reviewable, missing, err := tx.facts(w, args, &out)
		if err != nil {
			return err
		}
		if err := tx.revisionFacts(missing); err != nil {
			return err
		}
		return tx.reviewTallies(w, args, reviewable)
	})
	return out, err
}

const factsFrom = evalFrom + ` LEFT JOIN organisations d ON d.id = o.parent_id AND d.kind = 'department'`

// facts appends the facts of the evaluations matching where to out. It
// returns those the user may read the review scores of, and all of them,
// by ID, for their revisions' facts.
func (tx *Tx) facts(where string, args []any, out *[]*jixiao.EvaluationFacts) (reviewable, missing map[int64]*jixiao.EvaluationFacts, err error) {
	rows, err := tx.query(`SELECT e.id, COALESCE(e.task_id, 0), e.unit_id, o.path, o.name, COALESCE(d.id, 0), COALESCE(d.name, ''),
		e.year, e.kind, e.project_code, e.title, e.status, e.score_total, e.grade`+factsFrom+
		` WHERE `+where, args...) // in no order: the aggregates do not depend on it, and sorting 100,000 rows costs
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	reviewable, missing = map[int64]*jixiao.EvaluationFacts{}, map[int64]*jixiao.EvaluationFacts{}
	for rows.Next() {
		f := &jixiao.EvaluationFacts{}
		var path, kind, status string
		if err := rows.Scan(&f.ID, &f.TaskID, &f.UnitID, &path, &f.UnitName, &f.DeptID, &f.DeptName,
			&f.Year, &kind, &f.ProjectCode, &f.Title, &status, &f.Computed, &f.Grade); err != nil {
			return nil, nil, err
		}
		f.Kind, f.Status = jixiao.Kind(kind), jixiao.Status(status)
		up, err := jixiao.ParseOrgPath(path)
		if err != nil {
			return nil, nil, err
		}
		rec := &jixiao.EvaluationRecord{ID: f.ID, UnitID: f.UnitID, UnitPath: up, Status: f.Status}
		if !jixiao.CanView(tx.user, rec) {
			continue
		}
		missing[f.ID] = f
		*out = append(*out, f)
		if jixiao.CanViewComments(tx.user, rec) {
			reviewable[f.ID] = f
		}
	}
	return reviewable, missing, rows.Err()
}

func (rf revisionFacts) fill(f *jixiao.EvaluationFacts) {
	f.StatedTotal, f.ExecutionRate, f.RateKnown, f.Findings = rf.stated, rf.rate, rf.known, rf.findings
}

// factBatch bounds the IDs of one query: SQLite allows 32,766 parameters,
// PostgreSQL 65,535; smaller batches keep each statement short.
const factBatch = 500

// revisionFacts decodes the latest revision's score and findings of each
// evaluation in missing into it.
func (tx *Tx) revisionFacts(missing map[int64]*jixiao.EvaluationFacts) error {
	ids := make([]int64, 0, len(missing))
	for id := range missing {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		batch := ids[:min(factBatch, len(ids))]
		ids = ids[len(batch):]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		q := `SELECT r.evaluation_id, r.scores, r.findings FROM revisions r JOIN evaluations e ON e.id = r.evaluation_id AND r.number = e.revision
			WHERE r.evaluation_id IN ` + inList(len(batch))
		if err := tx.decodeFacts(q, args, missing); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) decodeFacts(q string, args []any, missing map[int64]*jixiao.EvaluationFacts) error {
	rows, err := tx.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var scores, findings string
		if err := rows.Scan(&id, &scores, &findings); err != nil {
			return err
		}
		var sc storedScore
		if err := decodeJSON(scores, &sc); err != nil {
			return fmt.Errorf("sqldb: evaluation %d scores: %w", id, err)
		}
		var rf revisionFacts
		if err := decodeJSON(findings, &rf.findings); err != nil {
			return fmt.Errorf("sqldb: evaluation %d findings: %w", id, err)
		}
		if sc.StatedTotal != "" {
			rf.stated = notation.ParseFigure(sc.StatedTotal)
		}
		rf.rate, rf.known = sc.ExecutionRate, sc.RateKnown
		if f := missing[id]; f != nil {
			rf.fill(f)
		}
	}
	return rows.Err()
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
