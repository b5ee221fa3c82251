package sqldb

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"jixiao"
)

// SetRevisionCache replaces db's cache of decoded revisions by one of n
// entries; 0 turns it off, so that a test can read the plain path.
func (db *DB) SetRevisionCache(n int) { db.revs = newRevisionCache(n) }

// SetTaskCache replaces db's cache of tasks by one of n entries; 0 turns
// it off.
func (db *DB) SetTaskCache(n int) { db.tasks = newTaskCache(n) }

// Exec runs q on the write pool, for tests that put the database in a
// state no service call makes (an older state, as a restore brings back).
func (db *DB) Exec(q string, args ...any) error {
	_, err := db.wdb.Exec(db.d.rebind(q), args...)
	return err
}

// SetIntakePrecheck turns off (false) the scoring and auditing of intake
// files before their store transaction, so that a test can compare the
// stored results with the plain path, where the store computes them.
func (db *DB) SetIntakePrecheck(on bool) { db.noPrecheck = !on }

// SetSavePrecheck turns off (false) the making of a save before its write
// transaction (prepareSave), so that a test can compare with the plain
// path, where the transaction makes it.
func (db *DB) SetSavePrecheck(on bool) { db.noPrecheck = !on }

// SavePrepared reports whether UpdateEvaluation would make the save of
// upd before its write transaction, as the row stands now.
func SavePrepared(s *EvaluationService, ctx context.Context, id int64, upd jixiao.EvaluationUpdate) bool {
	return s.prepareSave(ctx, id, upd) != nil
}

// StoredFacts is what evaluation id's row and evaluation_findings keep
// for the dashboards, as one string to compare.
func (db *DB) StoredFacts(id int64) (string, error) {
	var rev, rateKnown, hasErrors int
	var self, rate int64
	if err := db.rdb.QueryRow(db.d.rebind(`SELECT facts_revision, self_score, rate_known, rate, has_errors FROM evaluations WHERE id = ?`), id).
		Scan(&rev, &self, &rateKnown, &rate, &hasErrors); err != nil {
		return "", err
	}
	out := fmt.Sprintf("revision %d self %d rate %d/%d errors %d;", rev, self, rateKnown, rate, hasErrors)
	rows, err := db.rdb.Query(db.d.rebind(`SELECT code, severity, message, occurrences, least_code FROM evaluation_findings WHERE evaluation_id = ? ORDER BY code`), id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var code, sev, msg string
		var n, least int
		if err := rows.Scan(&code, &sev, &msg, &n, &least); err != nil {
			return "", err
		}
		out += fmt.Sprintf(" %s %s %d %d %s;", code, sev, n, least, msg)
	}
	return out, rows.Err()
}

// QueryStrings runs q on the write pool and returns the first column of
// its rows, for tests that look at how the engine stored something.
func (db *DB) QueryStrings(q string, args ...any) ([]string, error) {
	rows, err := db.wdb.Query(db.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// RevisionCacheLen is the number of revisions db's cache holds.
func (db *DB) RevisionCacheLen() int { return db.revs.items.Len() }

// MaxOpenConns is the bound of db's read pool.
func (db *DB) MaxOpenConns() int { return db.rdb.Stats().MaxOpenConnections }

// RecordStatements has db record the statements its service calls send
// from now on, and returns them when asked: each its text, after "tx: "
// when it is sent in a transaction (whose BEGIN and COMMIT, which
// database/sql sends, are not recorded). Call it before db serves.
func (db *DB) RecordStatements() func() []string {
	var mu sync.Mutex
	var sent []string
	db.sent = func(q string, inTx bool) {
		mu.Lock()
		defer mu.Unlock()
		if inTx {
			q = "tx: " + q
		}
		sent = append(sent, q)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(sent)
	}
}
