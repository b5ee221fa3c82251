package sqldb

import (
	"context"

	"jixiao"
)

// checkedContent is the score and findings of one content under a rule
// set, computed before the transaction that stores it.
type checkedContent struct {
	rules, source string
	score         jixiao.ScoreRecord
	findings      []jixiao.Finding
}

// precheck scores and audits the tables of each outcome before the
// transaction that stores them, against the document the worker read:
// on SQLite every write waits for the one writer, so the transaction
// should hold it for the inserts alone. The rule set is the one the
// store will apply (the task's, found in one read transaction for the
// batch); should a task appear in between, check sees another rule set
// and computes the results inside the transaction as before. An
// outcome's entry is nil when there is nothing to check or its tables
// cannot be linked: the store then finds the error itself.
func (s *IntakeService) precheck(ctx context.Context, done []jixiao.IntakeDone) []map[*jixiao.Evaluation]checkedContent {
	recs := make([][]jixiao.EvaluationRecord, len(done))
	s.db.run(ctx, s.db.rdb, true, func(tx *Tx) error {
		if err := tx.prefetchTasks(batchUnits(done)); err != nil {
			return err
		}
		for i, d := range done {
			recs[i] = linkTables(tx, d.Outcome)
		}
		return nil
	})
	pre := make([]map[*jixiao.Evaluation]checkedContent, len(done))
	for i, d := range done {
		pre[i] = s.checkTables(recs[i], d.Work, d.Outcome)
	}
	return pre
}

// batchUnits lists once each unit the tables of done are stored under.
func batchUnits(done []jixiao.IntakeDone) []any {
	var out []any
	seen := map[int64]bool{}
	for _, d := range done {
		if d.Outcome.State != jixiao.ItemImported {
			continue
		}
		for _, t := range d.Outcome.Tables {
			if !seen[t.UnitID] {
				seen[t.UnitID] = true
				out = append(out, t.UnitID)
			}
		}
	}
	return out
}

// linkTables finds the task, and so the rule set, of each table of out;
// nil when there is none to store or one cannot be linked.
func linkTables(tx *Tx, out *jixiao.IntakeOutcome) []jixiao.EvaluationRecord {
	if out.State != jixiao.ItemImported || len(out.Tables) == 0 {
		return nil
	}
	recs := make([]jixiao.EvaluationRecord, len(out.Tables))
	for i, t := range out.Tables {
		recs[i] = jixiao.EvaluationRecord{UnitID: t.UnitID, Year: t.Year, Kind: t.Eval.Kind, Content: t.Eval}
		if err := tx.linkTask(&recs[i]); err != nil {
			return nil
		}
	}
	return recs
}

// checkTables scores and audits the linked tables of one outcome.
func (s *IntakeService) checkTables(recs []jixiao.EvaluationRecord, w *jixiao.IntakeWork, out *jixiao.IntakeOutcome) map[*jixiao.Evaluation]checkedContent {
	if recs == nil {
		return nil
	}
	pre := make(map[*jixiao.Evaluation]checkedContent, len(recs))
	for _, r := range recs {
		rs, err := ruleSet(r.RuleSet)
		if err != nil {
			return nil
		}
		sr, fs := s.db.Check(r.Content, rs, out.Doc)
		pre[r.Content] = checkedContent{rules: rs.Name, source: w.Item.Hash, score: sr, findings: fs}
	}
	return pre
}
