package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"jixiao"
)

// LogService implements jixiao.LogService.
type LogService struct{ db *DB }

var _ jixiao.LogService = (*LogService)(nil)

// NewLogService returns the audit log of db.
func NewLogService(db *DB) *LogService { return &LogService{db} }

// log appends e to the chain inside tx. It takes the chain's head row
// last in every transaction (locked on PostgreSQL, under the write lock
// on SQLite), so appends are totally ordered and never deadlock. In a
// transaction that defers its log (Tx.deferLog), e is kept and appended
// with the others by flushLog at its end, so that the head is locked for
// the last statements only.
func (tx *Tx) log(e *jixiao.LogEntry) error {
	tx.fillLog(e)
	if tx.deferLog {
		tx.pendingLog = append(tx.pendingLog, e)
		return nil
	}
	return tx.appendLog([]*jixiao.LogEntry{e})
}

// fillLog sets what e leaves out from the transaction: time, address, user.
func (tx *Tx) fillLog(e *jixiao.LogEntry) {
	if e.Time.IsZero() {
		e.Time = tx.now
	}
	if e.Address == "" {
		e.Address = addressFromContext(tx.ctx)
	}
	if tx.user != nil && e.UserID == 0 {
		e.UserID, e.UserName = tx.user.ID, tx.user.Name
	}
	e.Time = e.Time.UTC().Truncate(jixiao.LogTimePrecision)
}

// logAndCommit logs e as the transaction's last statement and, where the
// dialect can (PostgreSQL), commits in the same round trip: the audit
// head, locked by the append, is then released as soon as the server has
// flushed the commit, not after the client has read the append's answer
// and sent COMMIT, a wait that on a busy machine (the server, the Go
// process and the clients sharing two cores) made the whole save tail.
// The commit is as durable as run's, and its answer is read before the
// save succeeds. A BEGIN follows it so that the connection is in a
// transaction again for database/sql's Tx to commit, empty.
//
// The statements execLater kept go first in the same round trip: one
// that fails aborts the transaction, and the COMMIT then answers
// ROLLBACK, which fails the save.
func (tx *Tx) logAndCommit(e *jixiao.LogEntry) error {
	tx.fillLog(e)
	if !tx.commitsWithLog() {
		return tx.log(e)
	}
	q, _ := tx.db.d.chainLog(1)
	return tx.sc.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("sqldb: audit log: connection %T is not pgx's", dc)
		}
		var b pgx.Batch
		for _, st := range tx.later {
			qq := b.Queue(tx.db.d.rebind(st.q), st.args...)
			if st.scan != nil {
				scan := st.scan
				qq.QueryRow(func(row pgx.Row) error { return row.Scan(scan...) })
			}
		}
		tx.later = nil
		b.Queue(tx.db.d.rebind(q), e.Time, e.UserID, e.UserName, string(e.Action), e.Object, e.Detail, e.Address, []byte(e.HashTail())).
			QueryRow(func(row pgx.Row) error { return row.Scan(&e.Seq, &e.PrevHash, &e.Hash) })
		b.Queue(`COMMIT`).Exec(func(ct pgconn.CommandTag) error {
			if ct.String() != "COMMIT" {
				return fmt.Errorf("sqldb: commit: %s", ct)
			}
			tx.early = true
			return nil
		})
		b.Queue(`BEGIN`)
		// once COMMIT has answered, the save is stored whatever follows
		if err := c.Conn().SendBatch(tx.ctx, &b).Close(); err != nil && !tx.early {
			return fmt.Errorf("sqldb: audit log and commit: %w", err)
		}
		return nil
	})
}

// commitsWithLog reports whether logAndCommit will commit in the round
// trip of the audit entry: on a dialect that can, in a transaction on a
// connection of its own that does not defer its log.
func (tx *Tx) commitsWithLog() bool {
	_, ok := tx.db.d.chainLog(1)
	return ok && tx.sc != nil && !tx.deferLog
}

// flushLog appends the entries a deferring transaction kept.
func (tx *Tx) flushLog() error {
	es := tx.pendingLog
	tx.pendingLog = nil
	if len(es) == 0 {
		return nil
	}
	return tx.appendLog(es)
}

// appendLog chains es after the head and stores them: three statements
// whatever their number, one on PostgreSQL (chainLog).
func (tx *Tx) appendLog(es []*jixiao.LogEntry) error {
	if q, ok := tx.db.d.chainLog(len(es)); ok {
		return tx.chainLog(q, es)
	}
	var prev jixiao.LogEntry
	if err := tx.queryRow(`SELECT seq, hash FROM audit_head WHERE id = 1`+tx.db.d.forUpdate("audit_head")).Scan(&prev.Seq, &prev.Hash); err != nil {
		return fmt.Errorf("sqldb: audit head: %w", err)
	}
	args := make([]any, 0, 10*len(es))
	for _, e := range es {
		if prev.Seq == 0 {
			e.Chain(nil)
		} else {
			e.Chain(&prev)
		}
		prev = *e
		args = append(args, e.Seq, tx.time(e.Time), e.UserID, e.UserName, string(e.Action), e.Object, e.Detail, e.Address, e.PrevHash, e.Hash)
	}
	ins := `INSERT INTO audit_log (seq, time, user_id, user_name, action, object, detail, address, prev_hash, hash) VALUES ` + values(10, len(es))
	head := `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`
	if _, err := tx.exec(ins, args...); err != nil {
		return fmt.Errorf("sqldb: audit log: %w", err)
	}
	if _, err := tx.exec(head, prev.Seq, prev.Hash); err != nil {
		return fmt.Errorf("sqldb: audit head: %w", err)
	}
	return nil
}

// chainLog appends es with q, the dialect's one statement, and takes
// from it the seq and hashes the server chained them with.
func (tx *Tx) chainLog(q string, es []*jixiao.LogEntry) error {
	args := make([]any, 0, 8*len(es))
	for _, e := range es {
		e.Time = e.Time.UTC().Truncate(jixiao.LogTimePrecision)
		args = append(args, tx.time(e.Time), e.UserID, e.UserName, string(e.Action), e.Object, e.Detail, e.Address, []byte(e.HashTail()))
	}
	rows, err := tx.query(q, args...)
	if err != nil {
		return fmt.Errorf("sqldb: audit log: %w", err)
	}
	defer rows.Close()
	k := 0
	for rows.Next() {
		if k == len(es) {
			return fmt.Errorf("sqldb: audit log: more entries chained than appended")
		}
		e := es[k]
		if err := rows.Scan(&e.Seq, &e.PrevHash, &e.Hash); err != nil {
			return fmt.Errorf("sqldb: audit log: %w", err)
		}
		k++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqldb: audit log: %w", err)
	}
	if k != len(es) {
		return fmt.Errorf("sqldb: audit log: %d of %d entries chained", k, len(es))
	}
	return nil
}

const logColumns = `seq, time, user_id, user_name, action, object, detail, address, prev_hash, hash`

func scanLog(sc interface{ Scan(...any) error }) (*jixiao.LogEntry, error) {
	e := &jixiao.LogEntry{}
	var action string
	if err := sc.Scan(&e.Seq, scanTime{&e.Time}, &e.UserID, &e.UserName, &action, &e.Object, &e.Detail, &e.Address, &e.PrevHash, &e.Hash); err != nil {
		return nil, err
	}
	e.Action = jixiao.LogAction(action)
	return e, nil
}

// FindLogEntries returns entries in sequence order; only a system
// administrator may read the log.
func (s *LogService) FindLogEntries(ctx context.Context, f jixiao.LogFilter) ([]*jixiao.LogEntry, int, error) {
	var out []*jixiao.LogEntry
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		if !jixiao.CanViewLog(tx.user) {
			return refuse(jixiao.EForbidden, "查看审计日志", "log", "只有系统管理员可以查看审计日志")
		}
		where, args := []string{"1 = 1"}, []any{}
		if f.UserID != 0 {
			where, args = append(where, "user_id = ?"), append(args, f.UserID)
		}
		if f.Action != "" {
			where, args = append(where, "action = ?"), append(args, string(f.Action))
		}
		if f.Object != "" {
			where, args = append(where, "object = ?"), append(args, f.Object)
		}
		if f.AfterSeq != 0 {
			where, args = append(where, "seq > ?"), append(args, f.AfterSeq)
		}
		w := strings.Join(where, " AND ")
		if err := tx.queryRow(`SELECT COUNT(*) FROM audit_log WHERE `+w, args...).Scan(&n); err != nil {
			return err
		}
		rows, err := tx.query(`SELECT `+logColumns+` FROM audit_log WHERE `+w+` ORDER BY seq`+limitClause(f.Offset, f.Limit), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanLog(rows)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, n, err
}

// CreateLogEntry appends an event the caller saw (a logout, a refused
// request) as the user in the context.
func (s *LogService) CreateLogEntry(ctx context.Context, e *jixiao.LogEntry) error {
	if e.Action == "" {
		return jixiao.Errorf(jixiao.EInvalid, "日志须有动作")
	}
	e.Seq, e.Hash, e.PrevHash = 0, "", ""
	return s.db.write(ctx, func(tx *Tx) error { return tx.log(e) })
}

// VerifyLog recomputes the chain from the first entry to the head and
// names the first entry that was edited, deleted or moved.
func (s *LogService) VerifyLog(ctx context.Context) (int64, error) {
	var checked int64
	err := s.db.read(ctx, func(tx *Tx) error {
		if !jixiao.CanViewLog(tx.user) {
			return refuse(jixiao.EForbidden, "校验审计日志", "log", "只有系统管理员可以校验审计日志")
		}
		var headSeq int64
		var headHash string
		if err := tx.queryRow(`SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash); err != nil {
			return fmt.Errorf("sqldb: audit head: %w", err)
		}
		rows, err := tx.query(`SELECT ` + logColumns + ` FROM audit_log ORDER BY seq`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var v jixiao.LogVerifier
		for rows.Next() {
			e, err := scanLog(rows)
			if err != nil {
				return err
			}
			if err := v.Check(e); err != nil {
				checked = v.Checked()
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		checked = v.Checked()
		return v.Finish(headSeq, headHash)
	})
	return checked, err
}
