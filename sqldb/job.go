package sqldb

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jixiao"
)

// The job queue is a table: a job is queued, then running under one
// worker's lease (lease_until) until the transaction that does its work
// also marks it done or failed. A worker that dies leaves its job running
// with a lease that runs out; the next worker to claim takes it up again.
// A job is finished only by the worker that holds it (finishJob checks),
// so that a slow worker whose lease was taken over cannot store its work a
// second time: its transaction rolls back.

// jobIntakeItem is the kind of job that imports one intake item; ref_id
// is the item's id.
const jobIntakeItem = "intake.item"

// maxJobAttempts is how many times a job is taken up before it is given
// up: a file that kills its worker every time must not kill every worker
// in turn for ever.
const maxJobAttempts = 3

// errLeaseLost is returned when a worker's job was taken over by another
// after its lease ran out.
var errLeaseLost = jixiao.ErrLeaseLost

// job is a claimed job.
type job struct {
	id, ref  int64
	attempts int // including this one
	worker   string
}

// enqueueJob queues a job of kind for the row ref.
func (tx *Tx) enqueueJob(kind string, ref int64) error {
	_, err := tx.exec(`INSERT INTO jobs (kind, ref_id, state, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?)`,
		kind, ref, tx.time(tx.now), tx.time(tx.now))
	if err != nil {
		return fmt.Errorf("sqldb: queue job: %w", err)
	}
	return nil
}

// claimJob takes the oldest job of kind that is queued or whose worker's
// lease has run out, and leases it to worker until now+lease. ok is false
// when there is none. On PostgreSQL, workers claiming at once skip each
// other's rows; on SQLite the writer lock makes them take turns.
func (tx *Tx) claimJob(kind, worker string, lease time.Duration) (j job, ok bool, err error) {
	now := tx.time(tx.now)
	// two queries, each a range of the index jobs_ready (kind, state, id):
	// with an OR of the two states the planner walks every job in id
	// order, the done ones too, and a batch of thousands slows as it
	// progresses. Expired leases first: they are the longest waiting.
	err = tx.queryRow(`SELECT id, ref_id, attempts FROM jobs WHERE kind = ? AND state = 'running' AND lease_until < ?
		ORDER BY id LIMIT 1`+tx.db.d.skipLocked(), kind, now).Scan(&j.id, &j.ref, &j.attempts)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.queryRow(`SELECT id, ref_id, attempts FROM jobs WHERE kind = ? AND state = 'queued'
			ORDER BY id LIMIT 1`+tx.db.d.skipLocked(), kind).Scan(&j.id, &j.ref, &j.attempts)
	}
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return job{}, false, nil
		}
		return job{}, false, fmt.Errorf("sqldb: claim job: %w", err)
	}
	j.attempts++
	j.worker = worker
	if _, err := tx.exec(`UPDATE jobs SET state = 'running', worker = ?, attempts = ?, lease_until = ?, updated_at = ? WHERE id = ?`,
		worker, j.attempts, tx.time(tx.now.Add(lease)), now, j.id); err != nil {
		return job{}, false, fmt.Errorf("sqldb: claim job: %w", err)
	}
	return j, true, nil
}

// extendJob renews the lease of a job worker holds.
func (tx *Tx) extendJob(id int64, worker string, lease time.Duration) error {
	res, err := tx.exec(`UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'`,
		tx.time(tx.now.Add(lease)), tx.time(tx.now), id, worker)
	return leaseHeld(res, err)
}

// releaseJob puts a job worker holds back in the queue, as if it had not
// been taken up.
func (tx *Tx) releaseJob(id int64, worker string) error {
	res, err := tx.exec(`UPDATE jobs SET state = 'queued', worker = '', lease_until = NULL, attempts = attempts - 1, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'`,
		tx.time(tx.now), id, worker)
	return leaseHeld(res, err)
}

// finishJob ends a job worker holds: done, or failed with why.
func (tx *Tx) finishJob(id int64, worker string, failure string) error {
	state := "done"
	if failure != "" {
		state = "failed"
	}
	res, err := tx.exec(`UPDATE jobs SET state = ?, last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'`,
		state, failure, tx.time(tx.now), id, worker)
	return leaseHeld(res, err)
}

// leaseHeld turns an update of one's own running job into errLeaseLost
// when no row matched.
func leaseHeld(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return fmt.Errorf("sqldb: job: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqldb: job: %w", err)
	} else if n != 1 {
		return errLeaseLost
	}
	return nil
}
