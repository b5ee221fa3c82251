// Package sqldb implements jixiao's storage services on SQLite (the
// default: one file, created and migrated on first open) and on PostgreSQL
// (for several servers sharing one database), with one code path over
// database/sql. Every difference between the two engines is in dialect.go.
//
// Each service method runs in one transaction and, inside it, authorizes
// the user in the context with the domain's permission predicates, reads
// and writes, and appends to the hash-chained audit log. A refusal is
// logged too, in a transaction of its own after the refused one rolls back.
//
// Money, rates and scores are stored as exact decimals (TEXT in SQLite,
// NUMERIC in PostgreSQL) and never pass through a float. An evaluation's
// content is stored as its YAML file (yamlfile), which keeps every figure
// as written; its provenance, score and findings as JSON beside it.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"jixiao"
)

// DB is an open database: a pool for writes and, on SQLite, a second one for
// reads so that readers never wait behind the single writer.
type DB struct {
	wdb *sql.DB // writes (and reads inside write transactions)
	rdb *sql.DB // reads; the same pool as wdb on PostgreSQL
	d   dialect
	dsn string

	// Now is the clock; tests set it.
	Now func() time.Time
	// Check scores and audits a revision before it is stored. NewChecker's
	// engines by default.
	Check Checker
	// Password sets the cost of password hashes; tests lower it.
	Password PasswordParams

	// writer, on SQLite, is the turn at its one writer connection, taken
	// before the connection (see takeWriter).
	writer     chan struct{}
	docs       docCache
	noPrecheck bool // tests: intake and saves score and audit inside the transaction, the plain path
	revs       *rowCache[revisionKey, *jixiao.Revision]
	tasks      *rowCache[int64, *jixiao.Task]
	stmtMu     sync.Mutex
	stmts      map[stmtKey]*sql.Stmt // nil values are being prepared
	prepares   sync.WaitGroup
	dummyOnce  sync.Once
	dummy      string
	// sent, when set (tests), is told each statement a Tx sends and
	// whether it is in a transaction (or a round trip of its own).
	sent func(q string, inTx bool)
}

// Open opens the database named by dsn, creating and migrating it when
// needed: a postgres:// or postgresql:// URL for PostgreSQL, otherwise the
// path of an SQLite file.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := dialectOf(dsn)
	db := &DB{d: d, dsn: dsn, Now: time.Now, Password: DefaultPasswordParams, revs: newRevisionCache(revisionCacheSize),
		tasks: newTaskCache(taskCacheSize)}
	db.Check = NewChecker(db)
	var err error
	if db.wdb, db.rdb, err = d.open(dsn); err != nil {
		return nil, fmt.Errorf("sqldb: open: %w", err)
	}
	if db.wdb != db.rdb {
		db.writer = make(chan struct{}, 1)
	}
	if err := db.wdb.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqldb: open: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.run(ctx, db.wdb, false, db.backfillFacts); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the pools.
func (db *DB) Close() error {
	var errs []error
	db.prepares.Wait()
	db.stmtMu.Lock()
	for _, st := range db.stmts {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	db.stmts = nil
	db.stmtMu.Unlock()
	if db.rdb != nil && db.rdb != db.wdb {
		errs = append(errs, db.rdb.Close())
	}
	if db.wdb != nil {
		errs = append(errs, db.wdb.Close())
	}
	return errors.Join(errs...)
}

// PoolStats are the statistics of the write pool (the one pool on
// PostgreSQL): the benches report how long requests waited for a
// connection.
func (db *DB) PoolStats() sql.DBStats { return db.wdb.Stats() }

// Engine is "sqlite" or "postgres".
func (db *DB) Engine() string { return db.d.name() }

// Ping checks that the database answers; the readiness endpoint uses it.
func (db *DB) Ping(ctx context.Context) error { return db.rdb.PingContext(ctx) }

// Tx is one transaction with the clock reading and the acting user of the
// service call that opened it.
type Tx struct {
	tx *sql.Tx
	// sc is the connection tx runs on, where the dialect can commit in
	// the round trip of the last statement (logAndCommit).
	sc *sql.Conn
	// early is set once logAndCommit has committed: the Tx's own commit
	// ends an empty transaction, and its failure loses nothing.
	early bool
	pool  *sql.DB
	db    *DB
	ctx   context.Context
	now   time.Time
	user  *jixiao.User
	// readOnly is set for read transactions, which see only committed
	// rows: only what they read may be cached.
	readOnly bool
	// revAt holds the cache times (revisionKey) of the latest revisions
	// of the evaluation rows read.
	revAt map[revisionRef]int64
	// committed runs once the transaction has committed.
	committed []func()
	// checked holds results computed before the transaction began (see
	// precheck), which check takes instead of computing them again.
	checked map[*jixiao.Evaluation]checkedContent
	// deferLog keeps the log entries in pendingLog for flushLog (see log).
	deferLog   bool
	pendingLog []*jixiao.LogEntry
	// logsLast is set by a transaction that ends with logAndCommit, whose
	// statements execLater may keep for it; later holds them.
	logsLast bool
	later    []laterStmt
	// unitTasks holds the tasks of the units a batch stores, read once
	// (prefetchTasks), for linkTask.
	unitTasks map[int64][]taskRow
	// bulk is set by a store of many new evaluations at once (intake),
	// whose revisions stay out of the revision cache: thousands that no
	// one is reading yet would push out those people are working on, and
	// copying them in (35 kB each) and the collector scanning them cost
	// more CPU time than storing them.
	bulk bool
}

func (tx *Tx) madeAt(ref revisionRef, at time.Time) {
	if tx.revAt == nil {
		tx.revAt = map[revisionRef]int64{}
	}
	tx.revAt[ref] = at.UnixMicro()
}

// afterCommit has fn run once the transaction has committed, and never if
// it rolls back.
func (tx *Tx) afterCommit(fn func()) { tx.committed = append(tx.committed, fn) }

func (tx *Tx) exec(q string, args ...any) (sql.Result, error) {
	tx.send(q)
	if st := tx.stmt(q); st != nil {
		return st.ExecContext(tx.ctx, args...)
	}
	return tx.conn().ExecContext(tx.ctx, tx.db.d.rebind(q), args...)
}

// laterStmt is a statement sent with the commit: q with args, and, when
// it returns a row, scan to take it.
type laterStmt struct {
	q    string
	args []any
	scan []any
}

// execLater runs q, a statement whose failure fails the transaction and
// whose result the transaction needs only once committed (into scan,
// when set, the row q returns): where the transaction will commit in
// the round trip of its audit entry (logAndCommit), q goes in that round
// trip too, and scan is filled before the commit returns. A save sent
// three statements fewer to PostgreSQL, each a round trip, a wake-up of
// its backend and of the Go process on two busy cores.
func (tx *Tx) execLater(scan []any, q string, args ...any) error {
	if tx.logsLast && tx.commitsWithLog() {
		tx.later = append(tx.later, laterStmt{q, args, scan})
		return nil
	}
	return tx.execNow(laterStmt{q, args, scan})
}

// execNow runs st in the transaction's order.
func (tx *Tx) execNow(st laterStmt) error {
	q, args, scan := st.q, st.args, st.scan
	if scan != nil {
		return tx.queryRow(q, args...).Scan(scan...)
	}
	_, err := tx.exec(q, args...)
	return err
}

func (tx *Tx) query(q string, args ...any) (*sql.Rows, error) {
	tx.send(q)
	if st := tx.stmt(q); st != nil {
		return st.QueryContext(tx.ctx, args...)
	}
	return tx.conn().QueryContext(tx.ctx, tx.db.d.rebind(q), args...)
}

func (tx *Tx) queryRow(q string, args ...any) *sql.Row {
	tx.send(q)
	if st := tx.stmt(q); st != nil {
		return st.QueryRowContext(tx.ctx, args...)
	}
	return tx.conn().QueryRowContext(tx.ctx, tx.db.d.rebind(q), args...)
}

func (tx *Tx) send(q string) {
	if tx.db.sent != nil {
		tx.db.sent(q, tx.tx != nil)
	}
}

// maxStmts bounds the prepared statements kept per pool: queries built
// from filters come in a bounded number of shapes, but a bound keeps an
// unforeseen one from growing the cache without end.
const maxStmts = 256

type stmtKey struct {
	pool *sql.DB
	q    string
}

// stmt returns q prepared for this transaction, from statements prepared
// once per pool (and per connection by database/sql), or nil to run q
// unprepared. SQLite compiles every query it is given, which costs more
// than most of our queries take to run; pgx caches statements itself.
//
// A query seen for the first time runs unprepared while a goroutine
// prepares it on the pool: preparing needs a free connection, and this
// transaction holds one (on SQLite's writer pool, the only one).
func (tx *Tx) stmt(q string) *sql.Stmt {
	if !tx.db.d.cacheStatements() || strings.Contains(q, ";") {
		return nil
	}
	key := stmtKey{tx.pool, q}
	db := tx.db
	db.stmtMu.Lock()
	st, seen := db.stmts[key]
	if !seen && len(db.stmts) < maxStmts {
		if db.stmts == nil {
			db.stmts = map[stmtKey]*sql.Stmt{}
		}
		db.stmts[key] = nil // being prepared
		db.prepares.Add(1)
		go func() {
			defer db.prepares.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			prepared, err := key.pool.PrepareContext(ctx, q)
			db.stmtMu.Lock()
			defer db.stmtMu.Unlock()
			if err != nil || db.stmts == nil {
				if prepared != nil {
					prepared.Close()
				}
				return // stays unprepared
			}
			db.stmts[key] = prepared
		}()
	}
	db.stmtMu.Unlock()
	if st == nil {
		return nil
	}
	if tx.tx == nil {
		return st
	}
	return tx.tx.StmtContext(tx.ctx, st)
}

// conn is where tx's queries go: its transaction, or the pool for a
// read without one (readCommitted).
func (tx *Tx) conn() interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
} {
	if tx.tx == nil {
		return tx.pool
	}
	return tx.tx
}

// values is the VALUES list of n rows of cols placeholders each.
func values(cols, n int) string {
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	return row + strings.Repeat(", "+row, n-1)
}

// inList is the parenthesised placeholders of an IN list of n values.
func inList(n int) string { return values(n, 1) }

// queryIDs is the single int64 column q selects, read out before the
// caller runs its next query.
func (tx *Tx) queryIDs(q string, args ...any) ([]int64, error) {
	return queryAll(tx, func(sc interface{ Scan(...any) error }) (int64, error) {
		var id int64
		err := sc.Scan(&id)
		return id, err
	}, q, args...)
}

// insert runs an INSERT … RETURNING id and returns the id.
func (tx *Tx) insert(q string, args ...any) (int64, error) {
	var id int64
	err := tx.queryRow(q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// time encodes a time for a query parameter; the zero time is NULL.
func (tx *Tx) time(t time.Time) any { return tx.db.d.timeParam(t) }

// write runs fn in a write transaction and commits it. A refusal fn
// returns is logged after the rollback, so that the log keeps it.
func (db *DB) write(ctx context.Context, fn func(tx *Tx) error) error {
	err := db.run(ctx, db.wdb, false, fn)
	db.logRefusal(ctx, err)
	return err
}

// read runs fn in a read-only transaction: one consistent snapshot.
func (db *DB) read(ctx context.Context, fn func(tx *Tx) error) error {
	err := db.run(ctx, db.rdb, true, fn)
	db.logRefusal(ctx, err)
	return err
}

// readCommitted runs fn's queries on the read pool without a transaction,
// each seeing what is committed when it runs: for reads of one statement,
// or of rows that, once the first has been read, are committed and never
// change (a revision named by its evaluation's row). It saves a BEGIN and
// a COMMIT, two round trips on PostgreSQL.
func (db *DB) readCommitted(ctx context.Context, fn func(tx *Tx) error) error {
	err := fn(db.committedTx(ctx))
	db.logRefusal(ctx, err)
	return err
}

// committedTx is readCommitted's Tx: the read pool, no transaction.
func (db *DB) committedTx(ctx context.Context) *Tx {
	return &Tx{pool: db.rdb, db: db, ctx: ctx, now: db.now(), user: jixiao.UserFromContext(ctx), readOnly: true}
}

func (db *DB) run(ctx context.Context, pool *sql.DB, readOnly bool, fn func(tx *Tx) error) error {
	// done gives back what the transaction held, the writer's turn and
	// the connection, as soon as it has committed (or at the latest on
	// return): what waits for the commit, the cache of a saved revision,
	// need not keep the next writer waiting.
	var held []func() error
	done := func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i]()
		}
		held = nil
	}
	defer func() { done() }()
	if pool == db.wdb && db.writer != nil {
		release, err := db.takeWriter(ctx)
		if err != nil {
			return err
		}
		held = append(held, func() error { release(); return nil })
	}
	var sc *sql.Conn
	begin := pool.BeginTx
	if !readOnly && db.d.pipelinesCommit() {
		c, err := pool.Conn(ctx)
		if err != nil {
			return fmt.Errorf("sqldb: begin: %w", err)
		}
		held = append(held, c.Close)
		sc, begin = c, c.BeginTx
	}
	stx, err := begin(ctx, db.d.txOptions(readOnly))
	if err != nil {
		return fmt.Errorf("sqldb: begin: %w", err)
	}
	tx := &Tx{tx: stx, sc: sc, pool: pool, db: db, ctx: ctx, now: db.now(), user: jixiao.UserFromContext(ctx), readOnly: readOnly}
	if err := fn(tx); err != nil {
		stx.Rollback()
		return err
	}
	// what execLater kept and no logAndCommit sent, before the commit
	for _, st := range tx.later {
		if err := tx.execNow(st); err != nil {
			stx.Rollback()
			return err
		}
	}
	if err := stx.Commit(); err != nil && !tx.early {
		return fmt.Errorf("sqldb: commit: %w", err)
	}
	done()
	for _, f := range tx.committed {
		f()
	}
	return nil
}

// takeWriter waits its turn at SQLite's one writer connection, in the
// order the writers came. database/sql hands a freed connection to a
// waiter chosen at random, so that under a stream of saves one waited
// behind five times as many others as the median (save p99 5× its p50);
// the goroutines blocked sending on a channel are woken first come, first
// served.
func (db *DB) takeWriter(ctx context.Context) (release func(), err error) {
	select {
	case db.writer <- struct{}{}:
		return func() { <-db.writer }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("sqldb: waiting for the writer: %w", ctx.Err())
	}
}

func (db *DB) now() time.Time { return db.Now().UTC().Truncate(jixiao.LogTimePrecision) }

// refusal is a permission refusal: a forbidden (or hidden, not found)
// answer that the audit log must record.
type refusal struct {
	err    *jixiao.Error
	action string
	object string
}

func (r *refusal) Error() string { return r.err.Error() }
func (r *refusal) Unwrap() error { return r.err }

// refuse returns the error for a refused action and marks it for the log.
// code is EForbidden, or ENotFound where saying "forbidden" would tell that
// the thing exists.
func refuse(code, action, object, format string, args ...any) error {
	return &refusal{err: jixiao.Errorf(code, format, args...), action: action, object: object}
}

func (db *DB) logRefusal(ctx context.Context, err error) {
	var r *refusal
	if !errors.As(err, &r) {
		return
	}
	u := jixiao.UserFromContext(ctx)
	e := &jixiao.LogEntry{Action: jixiao.LogForbidden, Object: r.object, Detail: r.action + "：" + r.err.Message}
	// A refusal that cannot be logged still refuses; the log error is
	// dropped rather than replacing the answer the user must get.
	_ = db.run(context.WithoutCancel(ctx), db.wdb, false, func(tx *Tx) error {
		tx.user = u
		return tx.log(e)
	})
}

// actor returns the acting user or an EUnauthorized error.
func (tx *Tx) actor() (*jixiao.User, error) {
	if tx.user == nil || tx.user.ID == 0 {
		return nil, jixiao.Errorf(jixiao.EUnauthorized, "请先登录")
	}
	if tx.user.Disabled {
		return nil, jixiao.Errorf(jixiao.EUnauthorized, "账户已停用")
	}
	return tx.user, nil
}

// notFound maps sql.ErrNoRows to the domain's ENotFound with msg.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return jixiao.Errorf(jixiao.ENotFound, format, args...)
	}
	return err
}

// limitClause writes LIMIT/OFFSET for a filter; a zero limit is no limit.
func limitClause(offset, limit int) string {
	s := ""
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	} else if offset > 0 {
		s += " LIMIT 1000000000"
	}
	if offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}
