package sqldb

import (
	"context"
	"fmt"
	"time"

	"jixiao"
)

// RevisionService implements jixiao.RevisionService.
type RevisionService struct{ db *DB }

var _ jixiao.RevisionService = (*RevisionService)(nil)

// NewRevisionService returns the evaluation history of db.
func NewRevisionService(db *DB) *RevisionService { return &RevisionService{db} }

const revColumns = `id, evaluation_id, number, version, user_id, user_name, note, changes, created_at`

func scanRevision(sc interface{ Scan(...any) error }, blobs *revisionBlobs) (*jixiao.Revision, error) {
	r := &jixiao.Revision{}
	dest := []any{&r.ID, &r.EvaluationID, &r.Number, &r.Version, &r.UserID, &r.UserName, &r.Note, &blobs.changes, scanTime{&r.CreatedAt}}
	if blobs.content != "-" {
		dest = append(dest, &blobs.content, &blobs.provenance, &blobs.scores, &blobs.findings)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	if err := decodeJSON(blobs.changes, &r.Changes); err != nil {
		return nil, err
	}
	if blobs.content == "-" {
		return r, nil
	}
	var err error
	if r.Content, err = decodeContent(blobs.content, r.EvaluationID, r.Number); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		s string
		v any
	}{{blobs.provenance, &r.Provenance}, {blobs.scores, &r.Score}, {blobs.findings, &r.Findings}} {
		if err := decodeJSON(p.s, p.v); err != nil {
			return nil, err
		}
	}
	if len(r.Provenance) == 0 {
		r.Provenance = nil
	}
	r.Content.Provenance = r.Provenance
	return r, nil
}

// revision reads one revision, with its content when full: from the
// cache when it holds the revision under its time (revisionKey): the
// evaluation row's updated_at when the row read names it as its latest,
// otherwise the revision's created_at, which one small query reads.
// A full revision read from the database goes into the cache.
func (tx *Tx) revision(evaluationID int64, n int, full bool) (*jixiao.Revision, error) {
	return tx.readRevision(evaluationID, n, full, true)
}

// readRevision is revision, with a full revision read from the database
// put in the cache only when keep says so: a reader that keeps what it
// makes of the version (web's review page pieces, which hold the decoded
// content) would only have the cache copy all of it, a copy it never asks
// for again and the heap holds twice.
func (tx *Tx) readRevision(evaluationID int64, n int, full, keep bool) (*jixiao.Revision, error) {
	return tx.readRevisionFrom(evaluationID, n, full, keep, tx.db.revs.get)
}

// readRevisionFrom is readRevision with a cached revision taken by get:
// the cache's copy, or its own value for a reader that only reads it
// (sharedRevision).
func (tx *Tx) readRevisionFrom(evaluationID int64, n int, full, keep bool, get func(revisionKey) (*jixiao.Revision, bool)) (*jixiao.Revision, error) {
	var key revisionKey
	if full && tx.db.revs.enabled() {
		ref := revisionRef{evaluationID, n}
		at, ok := tx.revAt[ref]
		if !ok {
			var t time.Time
			err := tx.queryRow(`SELECT created_at FROM revisions WHERE evaluation_id = ? AND number = ?`, evaluationID, n).Scan(scanTime{&t})
			if err != nil {
				return nil, notFound(err, "自评表 %d 没有第 %d 版", evaluationID, n)
			}
			at = t.UnixMicro()
		}
		key = revisionKey{ref, at}
		if r, ok := get(key); ok {
			return r, nil
		}
	}
	q := `SELECT ` + revColumns
	blobs := revisionBlobs{content: "-"}
	if full {
		q += `, content, provenance, scores, findings`
		blobs.content = ""
	}
	r, err := scanRevision(tx.queryRow(q+` FROM revisions WHERE evaluation_id = ? AND number = ?`, evaluationID, n), &blobs)
	if err != nil {
		return nil, notFound(err, "自评表 %d 没有第 %d 版", evaluationID, n)
	}
	if full && keep && tx.readOnly {
		tx.db.revs.put(key, r)
	}
	return r, nil
}

// FindRevision returns one revision with its content.
func (s *RevisionService) FindRevision(ctx context.Context, evaluationID int64, n int) (*jixiao.Revision, error) {
	var r *jixiao.Revision
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		if _, err := tx.viewable(evaluationID, false, "查看历史版本"); err != nil {
			return err
		}
		r, err = tx.revision(evaluationID, n, true)
		return err
	})
	return r, err
}

// FindRevisions lists an evaluation's revisions, newest first.
func (s *RevisionService) FindRevisions(ctx context.Context, f jixiao.RevisionFilter) ([]*jixiao.Revision, int, error) {
	var out []*jixiao.Revision
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		if _, err := tx.viewable(f.EvaluationID, false, "查看历史版本"); err != nil {
			return err
		}
		if err := tx.queryRow(`SELECT COUNT(*) FROM revisions WHERE evaluation_id = ?`, f.EvaluationID).Scan(&n); err != nil {
			return err
		}
		q := `SELECT ` + revColumns
		if f.WithContent {
			q += `, content, provenance, scores, findings`
		}
		rows, err := tx.query(q+` FROM revisions WHERE evaluation_id = ? ORDER BY number DESC`+limitClause(f.Offset, f.Limit), f.EvaluationID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			blobs := revisionBlobs{content: "-"}
			if f.WithContent {
				blobs.content = ""
			}
			r, err := scanRevision(rows, &blobs)
			if err != nil {
				return fmt.Errorf("sqldb: revisions of %d: %w", f.EvaluationID, err)
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, n, err
}
