package sqldb

import (
	"context"
	"maps"

	"jixiao"
)

// save is what a save makes of the content it is given, from the revision
// it edits: the changes, the content with its provenance, the score and
// findings, and the revision's stored parts encoded. UpdateEvaluation
// makes it before its write transaction begins (prepareSave), so that
// SQLite's one writer is held for the statements alone, and takes it
// inside if the row still names the revision it was made from; otherwise
// it makes it again there, the plain path.
type save struct {
	// from names the row it was made from: the revision edited (the
	// cache key) and what the results depend on.
	from     revisionKey
	rules    string
	source   string
	upd      *jixiao.Evaluation
	prev     *jixiao.Revision // maybe the revision cache's own: read only (sharedRevision)
	changes  []jixiao.Change
	content  *jixiao.Evaluation
	prov     map[string]jixiao.Position
	score    jixiao.ScoreRecord
	findings []jixiao.Finding
	blobs    revisionBlobs
	// unchanged is set when the content and provenance are the
	// revision's: the save stores nothing.
	unchanged bool
}

// makeSave makes what saving upd over row r stores. r is an evaluation
// the acting user may edit, at upd's version.
func (tx *Tx) makeSave(r *jixiao.EvaluationRecord, upd jixiao.EvaluationUpdate) (*save, error) {
	prev, err := tx.sharedRevision(r.ID, r.Revision)
	if err != nil {
		return nil, err
	}
	sv := &save{from: revisionKey{revisionRef{r.ID, r.Revision}, r.UpdatedAt.UnixMicro()}, rules: r.RuleSet, source: r.SourceHash,
		upd: upd.Content, prev: prev}
	sv.changes = jixiao.DiffEvaluations(prev.Content, upd.Content)
	// provenance given with the content or the update replaces the
	// stored one; none given keeps it, so an edit through a form that
	// does not carry provenance keeps where the figures came from
	prov := upd.Provenance
	if prov == nil {
		prov = upd.Content.Provenance
	}
	if len(sv.changes) == 0 && (prov == nil || maps.EqualFunc(prov, prev.Provenance, func(a, b jixiao.Position) bool { return a == b })) {
		sv.unchanged = true
		return sv, nil
	}
	if prov == nil {
		prov = maps.Clone(prev.Provenance) // prev's own may be the cache's
	}
	content := *upd.Content
	content.Provenance = prov
	sv.content, sv.prov = &content, prov
	if sv.score, sv.findings, err = tx.check(sv.content, r.RuleSet, r.SourceHash); err != nil {
		return nil, err
	}
	sv.blobs, err = encodeRevision(sv.content, sv.prov, sv.score, sv.findings, sv.changes)
	return sv, err
}

// sharedRevision reads the revision a save edits, a cached one without
// the copy every other reader gets (copyRevision, a tenth of a save's
// work in the store): the save only reads it, to diff, keep its
// provenance (cloned) and move what is pinned to its rows, and hands it
// out only when it saves nothing, as a copy (UpdateEvaluation).
func (tx *Tx) sharedRevision(evaluationID int64, n int) (*jixiao.Revision, error) {
	return tx.readRevisionFrom(evaluationID, n, true, true, tx.db.revs.shared)
}

// madeFor reports whether sv was made for saving upd over row r as the
// write transaction reads it: the same revision, made at the same time,
// under the same rule set and source document.
func (sv *save) madeFor(r *jixiao.EvaluationRecord, upd jixiao.EvaluationUpdate) bool {
	return sv != nil && sv.upd == upd.Content && sv.rules == r.RuleSet && sv.source == r.SourceHash &&
		sv.from == revisionKey{revisionRef{r.ID, r.Revision}, r.UpdatedAt.UnixMicro()}
}

// prepareSave makes the save of upd outside any transaction, on the read
// pool, from the row as committed now. It returns nil whenever the save
// would not go through as it stands (not found, not the caller's to edit,
// a stale version, invalid content, any error): the write transaction
// then finds and answers it, and logs a refusal, once.
func (s *EvaluationService) prepareSave(ctx context.Context, id int64, upd jixiao.EvaluationUpdate) *save {
	if s.db.noPrecheck || upd.Content == nil {
		return nil
	}
	tx := s.db.committedTx(ctx) // as readCommitted, without its refusal log: the write transaction logs one
	u, err := tx.actor()
	if err != nil {
		return nil
	}
	r, err := tx.evalByID(id, false)
	if err != nil || !jixiao.CanView(u, r) || !jixiao.CanEdit(u, r) || upd.Version != r.Version || jixiao.ValidateContent(r, upd.Content) != nil {
		return nil
	}
	sv, err := tx.makeSave(r, upd)
	if err != nil {
		return nil
	}
	return sv
}
