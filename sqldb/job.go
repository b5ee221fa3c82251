package sqldb

import (
	"fmt"
	"strings"
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

// enqueueJobs queues a job of kind for each of the rows refs, in one
// statement.
func (tx *Tx) enqueueJobs(kind string, refs []int64) error {
	if len(refs) == 0 {
		return nil
	}
	args := make([]any, 0, 4*len(refs))
	for _, ref := range refs {
		args = append(args, kind, ref, tx.time(tx.now), tx.time(tx.now))
	}
	if _, err := tx.exec(`INSERT INTO jobs (kind, ref_id, state, created_at, updated_at) VALUES `+
		strings.TrimPrefix(strings.Repeat(", (?, ?, 'queued', ?, ?)", len(refs)), ", "), args...); err != nil {
		return fmt.Errorf("sqldb: queue jobs: %w", err)
	}
	return nil
}

// claimJobs takes up to max of the oldest jobs of kind that are queued
// or whose worker's lease has run out, and leases them to worker until
// now+lease: three statements whatever max is. On PostgreSQL, workers
// claiming at once skip each other's rows; on SQLite the writer lock
// makes them take turns.
func (tx *Tx) claimJobs(kind, worker string, lease time.Duration, max int) ([]job, error) {
	now := tx.time(tx.now)
	// two queries, each a range of the index jobs_ready (kind, state, id):
	// with an OR of the two states the planner walks every job in id
	// order, the done ones too, and a batch of thousands slows as it
	// progresses. Expired leases first: they are the longest waiting.
	jobs, err := tx.readyJobs(`SELECT id, ref_id, attempts FROM jobs WHERE kind = ? AND state = 'running' AND lease_until < ?
		ORDER BY id LIMIT ?`+tx.db.d.skipLocked(), kind, now, max)
	if err != nil {
		return nil, err
	}
	if len(jobs) < max {
		queued, err := tx.readyJobs(`SELECT id, ref_id, attempts FROM jobs WHERE kind = ? AND state = 'queued'
			ORDER BY id LIMIT ?`+tx.db.d.skipLocked(), kind, max-len(jobs))
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, queued...)
	}
	if len(jobs) == 0 {
		return nil, nil
	}
	args := []any{worker, tx.time(tx.now.Add(lease)), now}
	for i := range jobs {
		jobs[i].attempts++
		jobs[i].worker = worker
		args = append(args, jobs[i].id)
	}
	if _, err := tx.exec(`UPDATE jobs SET state = 'running', worker = ?, attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id IN `+inList(len(jobs)), args...); err != nil {
		return nil, fmt.Errorf("sqldb: claim jobs: %w", err)
	}
	return jobs, nil
}

func (tx *Tx) readyJobs(q string, args ...any) ([]job, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqldb: claim jobs: %w", err)
	}
	defer rows.Close()
	var out []job
	for rows.Next() {
		var j job
		if err := rows.Scan(&j.id, &j.ref, &j.attempts); err != nil {
			return nil, fmt.Errorf("sqldb: claim jobs: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
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
