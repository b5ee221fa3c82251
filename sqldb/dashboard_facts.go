package sqldb

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/dashboard"
	"jixiao/notation"
)

// storedFacts are the dashboard columns of an evaluation's row that its
// latest revision gives.
type storedFacts struct {
	self, rate        int64
	rateKnown, errors int
}

func factsOf(f *jixiao.EvaluationFacts) storedFacts {
	s := storedFacts{self: dashboard.ScoreUnits(f.SelfScore())}
	if f.RateKnown {
		s.rate, s.rateKnown = dashboard.RateUnits(f.ExecutionRate), 1
	}
	if dashboard.HasErrors(f) {
		s.errors = 1
	}
	return s
}

// recordFacts is the dashboard facts of r's results.
func recordFacts(r *jixiao.EvaluationRecord) *jixiao.EvaluationFacts {
	f := &jixiao.EvaluationFacts{Computed: r.Score.Total, ExecutionRate: r.Score.ExecutionRate, RateKnown: r.Score.RateKnown}
	if r.Score.StatedTotal != "" {
		f.StatedTotal = notation.ParseFigure(r.Score.StatedTotal)
	}
	for _, x := range r.Findings {
		f.Findings = append(f.Findings, jixiao.FindingFact{Code: x.Code, Severity: x.Severity, Message: x.Message})
	}
	return f
}

// storeFacts writes the dashboard facts of r's latest revision, in the
// transaction that writes the revision; the 复核 tallies stay as they are.
func (tx *Tx) storeFacts(r *jixiao.EvaluationRecord) error {
	// an evaluation's first revision is stored with its row, whose
	// INSERT wrote its facts (createEvaluation): only its finding codes
	// are left to write, and it has none yet to delete
	return tx.writeFacts(r.ID, r.Revision, recordFacts(r), r.Revision == 1)
}

func (tx *Tx) writeFacts(id int64, revision int, f *jixiao.EvaluationFacts, fresh bool) error {
	if !fresh {
		s := factsOf(f)
		if _, err := tx.exec(`UPDATE evaluations SET facts_revision = ?, self_score = ?, rate_known = ?, rate = ?, has_errors = ? WHERE id = ?`,
			revision, s.self, s.rateKnown, s.rate, s.errors, id); err != nil {
			return fmt.Errorf("sqldb: dashboard facts of %d: %w", id, err)
		}
	}
	return tx.writeFindingCodes(id, f.Findings, !fresh)
}

// writeFindingCodes writes the evaluation_findings rows of findings; replace
// says the evaluation has rows already, of an earlier revision.
func (tx *Tx) writeFindingCodes(id int64, findings []jixiao.FindingFact, replace bool) error {
	rows := findingRows(findings)
	if replace {
		// only the code rows that changed are deleted and written again:
		// each deleted or written row costs its finding sums' trigger
		// (migration 0006), and a save mostly keeps its findings
		q, args := `DELETE FROM evaluation_findings WHERE evaluation_id = ?`, []any{id}
		if len(rows) > 0 {
			q += ` AND (code, severity, message, occurrences, least_code) NOT IN (VALUES ` +
				strings.TrimSuffix(strings.Repeat(`(?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT)), `, len(rows)), ", ") + `)`
			for _, r := range rows {
				args = append(args, r...)
			}
		}
		if _, err := tx.exec(q, args...); err != nil {
			return fmt.Errorf("sqldb: dashboard findings of %d: %w", id, err)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	args := make([]any, 0, 6*len(rows))
	for _, r := range rows {
		args = append(append(args, id), r...)
	}
	_, err := tx.exec(`INSERT INTO evaluation_findings (evaluation_id, code, severity, message, occurrences, least_code) VALUES `+values(6, len(rows))+
		` ON CONFLICT (evaluation_id, code) DO NOTHING`, args...) // the rows kept as they were
	if err != nil {
		return fmt.Errorf("sqldb: dashboard findings of %d: %w", id, err)
	}
	return nil
}

// replaceFindingCodes writes the evaluation_findings rows of findings
// over those of was, the findings of the revision the rows were written
// from (its facts_revision, which every path that stores a revision
// moves with it, in the same transaction). Only the codes whose rows
// differ are deleted and written again, without reading the table: a
// save mostly keeps its findings, and every row written or deleted costs
// its finding sums' trigger (migration 0006), every statement a round
// trip and, on SQLite, time in the one writer. A save that keeps them
// all sends no statement; those it sends go with its commit (execLater).
// TestSavedFindingCodesMatchBackfill holds the rows equal to those the
// backfill (writeFindingCodes) writes.
func (tx *Tx) replaceFindingCodes(id int64, was, findings []jixiao.FindingFact) error {
	wasRows := findingRows(was)
	old := make(map[string][]any, len(wasRows))
	for _, r := range wasRows {
		old[r[0].(string)] = r
	}
	var write [][]any
	for _, r := range findingRows(findings) {
		code := r[0].(string)
		if o, ok := old[code]; ok && slices.Equal(o, r) {
			delete(old, code) // kept as it is
			continue
		}
		write = append(write, r)
	}
	var gone []any // removed, or changed and written again below
	for _, r := range wasRows {
		if _, ok := old[r[0].(string)]; ok {
			gone = append(gone, r[0])
		}
	}
	if len(gone) > 0 {
		if err := tx.execLater(nil, `DELETE FROM evaluation_findings WHERE evaluation_id = ? AND code IN `+inList(len(gone)), append([]any{id}, gone...)...); err != nil {
			return fmt.Errorf("sqldb: dashboard findings of %d: %w", id, err)
		}
	}
	if len(write) == 0 {
		return nil
	}
	args := make([]any, 0, 6*len(write))
	for _, r := range write {
		args = append(append(args, id), r...)
	}
	// a row the revision did not have but the table does, were the two
	// ever apart, is overwritten rather than failing the save
	err := tx.execLater(nil, `INSERT INTO evaluation_findings (evaluation_id, code, severity, message, occurrences, least_code) VALUES `+values(6, len(write))+
		` ON CONFLICT (evaluation_id, code) DO UPDATE SET severity = excluded.severity, message = excluded.message, occurrences = excluded.occurrences, least_code = excluded.least_code`, args...)
	if err != nil {
		return fmt.Errorf("sqldb: dashboard findings of %d: %w", id, err)
	}
	return nil
}

// findingFacts are the facts of a revision's findings, as recordFacts
// takes them.
func findingFacts(findings []jixiao.Finding) []jixiao.FindingFact {
	out := make([]jixiao.FindingFact, len(findings))
	for i, x := range findings {
		out[i] = jixiao.FindingFact{Code: x.Code, Severity: x.Severity, Message: x.Message}
	}
	return out
}

// findingRows are the evaluation_findings rows of findings but their
// evaluation's ID, one a code in code order: code, the least severity and
// message, occurrences and least_code (1 on the first code, which counts
// the evaluation: aggregator.findings).
func findingRows(findings []jixiao.FindingFact) [][]any {
	type code struct {
		severity, message string
		n                 int
	}
	codes := map[string]*code{}
	for _, x := range findings {
		c, ok := codes[x.Code]
		if !ok {
			c = &code{severity: string(x.Severity), message: x.Message}
			codes[x.Code] = c
		}
		c.severity, c.message, c.n = min(c.severity, string(x.Severity)), min(c.message, x.Message), c.n+1
	}
	names := make([]string, 0, len(codes))
	for k := range codes {
		names = append(names, k)
	}
	slices.Sort(names)
	rows := make([][]any, len(names))
	for i, k := range names {
		c, least := codes[k], 0
		if i == 0 {
			least = 1
		}
		rows[i] = []any{k, c.severity, c.message, int64(c.n), int64(least)}
	}
	return rows
}

// storeReviewFacts sums the review scores of evaluation id again, by
// stage, in the transaction that wrote one of them.
func (tx *Tx) storeReviewFacts(id int64) error {
	tallies, err := tx.reviewTalliesOf(id)
	if err != nil {
		return err
	}
	dept, fin := tallies[jixiao.StageDept], tallies[jixiao.StageFinance]
	_, err = tx.exec(`UPDATE evaluations SET dept_items = ?, dept_gap = ?, finance_items = ?, finance_gap = ? WHERE id = ?`,
		dept.Items, dashboard.ScoreUnits(dept.Gap), fin.Items, dashboard.ScoreUnits(fin.Gap), id)
	if err != nil {
		return fmt.Errorf("sqldb: dashboard review facts of %d: %w", id, err)
	}
	return nil
}

func (tx *Tx) reviewTalliesOf(id int64) (map[jixiao.ReviewStage]jixiao.ReviewTally, error) {
	rows, err := tx.query(`SELECT stage, unit_score, score FROM review_scores WHERE evaluation_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[jixiao.ReviewStage]jixiao.ReviewTally{}
	for rows.Next() {
		var stage string
		var unit, score decimal.Decimal
		if err := rows.Scan(&stage, &unit, &score); err != nil {
			return nil, err
		}
		t := out[jixiao.ReviewStage(stage)]
		t.Items++
		t.Gap = t.Gap.Add(score.Sub(unit))
		out[jixiao.ReviewStage(stage)] = t
	}
	return out, rows.Err()
}

// backfillFacts writes the dashboard facts of every evaluation that has
// none: those stored before the migration that made the tables. A
// no-op (one query) once done.
func (db *DB) backfillFacts(tx *Tx) error {
	for {
		ids, err := tx.queryIDs(`SELECT id FROM evaluations WHERE facts_revision = 0 ORDER BY id LIMIT 500`)
		if err != nil || len(ids) == 0 {
			return err
		}
		missing := map[int64]*jixiao.EvaluationFacts{}
		for _, id := range ids {
			missing[id] = &jixiao.EvaluationFacts{ID: id}
		}
		if err := tx.revisionFacts(missing); err != nil {
			return err
		}
		for _, id := range ids {
			f := missing[id]
			var revision int
			if err := tx.queryRow(`SELECT revision, score_total FROM evaluations WHERE id = ?`, id).Scan(&revision, &f.Computed); err != nil {
				return err
			}
			if err := tx.writeFacts(id, revision, f, false); err != nil {
				return err
			}
			if err := tx.storeReviewFacts(id); err != nil {
				return err
			}
		}
	}
}
