package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib" // PostgreSQL, registered as "pgx"
	_ "modernc.org/sqlite"           // SQLite in pure Go, registered as "sqlite"
)

// Every difference between SQLite and PostgreSQL is here: opening and
// pooling, placeholders, time encoding, row locks, read-only transactions,
// error codes. The SQL elsewhere is written once, with ? placeholders and
// the syntax both engines share (RETURNING, ON CONFLICT … DO UPDATE).

type dialect interface {
	name() string
	open(dsn string) (w, r *sql.DB, err error)
	rebind(q string) string
	timeParam(t time.Time) any
	forUpdate(table string) string
	skipLocked() string
	lockMigrations(tx *Tx) error
	backup(ctx context.Context, db *DB, path string) error
	txOptions(readOnly bool) *sql.TxOptions
	isUnique(err error) bool
	resetIdentity(tx *Tx, table string) error
	cacheStatements() bool
	// binaryCollation follows a text expression to compare it byte by
	// byte, as Go compares strings: "" where that is the default.
	binaryCollation() string
	// withWrites joins statements that write into one: each of first
	// a WITH query before last, where data-modifying WITH queries run
	// (PostgreSQL), one statement a round trip fewer; nil where they
	// cannot (SQLite), and the statements run one by one.
	withWrites(first []string, last string) (q string, ok bool)
	// chainLog is one statement that locks the audit head, chains n
	// entries after it, stores them and moves the head, returning each
	// entry's seq, prev_hash and hash; false where the engine cannot
	// hash in SQL (SQLite, whose IMMEDIATE transaction holds the write
	// lock anyway). Its arguments are, per entry, time, user_id,
	// user_name, action, object, detail, address and jixiao's HashTail.
	chainLog(n int) (q string, ok bool)
	// pipelinesCommit reports whether a write transaction can send its
	// COMMIT with its last statement (Tx.logAndCommit).
	pipelinesCommit() bool
}

// Engine names the engine a DSN opens: "postgres" for a postgres:// or
// postgresql:// URL, "sqlite" for anything else (a file path).
func Engine(dsn string) string { return dialectOf(dsn).name() }

func dialectOf(dsn string) dialect {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres{}
	}
	return sqlite{}
}

type sqlite struct{}

func (sqlite) name() string { return "sqlite" }

func (sqlite) binaryCollation() string { return "" }

func (sqlite) withWrites([]string, string) (string, bool) { return "", false }

func (sqlite) chainLog(int) (string, bool) { return "", false }

func (sqlite) pipelinesCommit() bool { return false }

// sqlitePragmas are set on every connection: foreign keys on, WAL so that
// readers do not block the writer, a busy timeout for the writer of another
// process, and synchronous NORMAL: a commit is written to the WAL, which
// the operating system keeps when the process dies (kill -9, a panic, an
// OOM kill: TestCrashDuringSaves), and synced at each checkpoint rather
// than at each commit. A power cut or a kernel crash can lose the last
// commits before it, never the database's consistency (docs/system.md);
// FULL would hold SQLite's one writer for a sync on every save.
const sqlitePragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"

// sqliteReaders is the size of the reader pool: more readers than cores
// so that a reader waiting on the disk does not hold the others up.
const sqliteReaders = 8

// open opens two pools on one file. The writer pool has one connection and
// begins every transaction IMMEDIATE: a deferred transaction that reads and
// then writes fails with SQLITE_BUSY_SNAPSHOT, which no timeout retries.
// The reader pool's connections are query-only and begin deferred.
func (sqlite) open(dsn string) (*sql.DB, *sql.DB, error) {
	base := "file:" + sqlitePath(dsn) + "?" + sqlitePragmas
	w, err := sql.Open("sqlite", base+"&_txlock=immediate")
	if err != nil {
		return nil, nil, err
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", base+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	r.SetMaxOpenConns(sqliteReaders)
	// Every reader stays open: database/sql keeps two idle by default and
	// closes the others as they come back, and a new SQLite connection
	// runs the pragmas, reads the schema and prepares each statement
	// again, which under load cost more than the queries.
	r.SetMaxIdleConns(sqliteReaders)
	return w, r, nil
}

// openBackup opens a one-connection pool for VACUUM INTO, which reads
// in a transaction of its own while writers go on (WAL).
func (sqlite) openBackup(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+sqlitePath(dsn)+"?"+sqlitePragmas)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

func sqlitePath(dsn string) string {
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	return path
}

func (sqlite) rebind(q string) string { return q }

// sqliteTime is a fixed-width UTC form, so that text order is time order.
const sqliteTime = "2006-01-02T15:04:05.000000Z"

func (sqlite) timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond).Format(sqliteTime)
}

func (sqlite) cacheStatements() bool { return true }

func (sqlite) forUpdate(string) string { return "" } // the IMMEDIATE transaction holds the write lock already

func (sqlite) skipLocked() string { return "" } // one writer at a time: nothing to skip

// lockMigrations: the IMMEDIATE transaction holds the write lock already.
func (sqlite) lockMigrations(*Tx) error { return nil }

// backup writes a consistent copy of the file with VACUUM INTO, on a
// connection of its own: the reader pool is query-only, and the writer's
// one connection must stay free for the server's saves.
func (sqlite) backup(ctx context.Context, db *DB, path string) error {
	c, err := sqlite{}.openBackup(db.dsn)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("sqldb: backup to %s: %w", path, err)
	}
	return nil
}

func (sqlite) txOptions(bool) *sql.TxOptions { return nil }

func (sqlite) isUnique(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// resetIdentity is nothing on SQLite: an INTEGER PRIMARY KEY continues
// from the largest row id.
func (sqlite) resetIdentity(*Tx, string) error { return nil }

type postgres struct{}

// postgresConns bounds one server's connections unless the DSN's
// pool_max_conns says otherwise. Few is fast: on bench/api (2 cores shared
// with PostgreSQL, 64 clients) 8 connections answered 20–25 % more reads a
// second than 32, each backend a process the scheduler must switch to;
// several servers share the database, whose max_connections is 100 by
// default.
const postgresConns = 8

// poolMaxConns is the DSN parameter that sets postgresConns, as pgxpool
// spells it; it is jixiao's, never sent to the server.
const poolMaxConns = "pool_max_conns"

// ServerDSN is dsn without the parameters jixiao reads itself
// (pool_max_conns), for a client that passes every parameter on to the
// server, which refuses one it does not know: an administrative
// database/sql connection, psql.
func ServerDSN(dsn string) string {
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn
		}
		q := u.Query()
		if !q.Has(poolMaxConns) {
			return dsn
		}
		q.Del(poolMaxConns)
		u.RawQuery = q.Encode()
		return u.String()
	}
	kept := []string{}
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, poolMaxConns+"=") {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// poolSize takes pool_max_conns out of the runtime parameters pgx would
// send to the server and returns it, or postgresConns when it is absent.
func poolSize(params map[string]string) (int, error) {
	v, ok := params[poolMaxConns]
	if !ok {
		return postgresConns, nil
	}
	delete(params, poolMaxConns)
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1000 {
		return 0, fmt.Errorf("sqldb: %s=%q: want a whole number from 1 to 1000", poolMaxConns, v)
	}
	return n, nil
}

// resetIdentity moves an identity column's sequence past the rows a load
// inserted with their ids.
func (postgres) resetIdentity(tx *Tx, table string) error {
	var seq *string
	if err := tx.queryRow(`SELECT pg_get_serial_sequence(?, 'id')`, table).Scan(&seq); err != nil || seq == nil {
		return err // audit_head's id is no identity: NULL
	}
	_, err := tx.exec(`SELECT setval(?, COALESCE((SELECT MAX(id) FROM `+table+`), 0) + 1, false)`, *seq)
	return err
}

func (postgres) name() string { return "postgres" }

func (postgres) binaryCollation() string { return ` COLLATE "C"` }

func (postgres) withWrites(first []string, last string) (string, bool) {
	var b strings.Builder
	for i, q := range first {
		if i == 0 {
			b.WriteString("WITH ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "w%d AS (%s)", i, q)
	}
	b.WriteString(" ")
	b.WriteString(last)
	return b.String(), true
}

func (postgres) open(dsn string) (*sql.DB, *sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, nil, err
	}
	// The values TOAST compresses are the revisions' JSON (17 kB a
	// revision, to 4.5 kB) and, trying in vain, the sources (.docx and
	// .xlsx are zips already): with pglz, the default, compressing them
	// was a sixth of PostgreSQL's CPU time in an intake; lz4 takes a
	// quarter of that, for values a fifth larger. A DSN that names
	// another method keeps it (a server built without lz4).
	if _, set := cfg.RuntimeParams[toastCompression]; !set {
		cfg.RuntimeParams[toastCompression] = "lz4"
	}
	conns, err := poolSize(cfg.RuntimeParams)
	if err != nil {
		return nil, nil, err
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(conns)
	// Idle connections are kept, all of them: a connection closed as it
	// comes back is a new backend (a fork, authentication, pgx's statement
	// cache empty) for the next request once the load rises again.
	db.SetMaxIdleConns(conns)
	return db, db, nil
}

// toastCompression is the setting that picks how PostgreSQL compresses
// the large values a session stores.
const toastCompression = "default_toast_compression"

// rebind turns ? placeholders into $1, $2 …; the queries of this package
// have no ? inside string literals.
func (postgres) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (postgres) timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

func (postgres) cacheStatements() bool { return false } // pgx caches them per connection

// forUpdate locks the rows read from table (and not those of the tables
// it is joined with) until the transaction ends.
func (postgres) forUpdate(table string) string { return " FOR UPDATE OF " + table }

// skipLocked makes workers on several servers that claim a job at once
// each take a different one instead of waiting on the first's lock.
func (postgres) skipLocked() string { return " FOR UPDATE SKIP LOCKED" }

// lockMigrations makes two servers starting on one database at once apply
// the migrations one after the other.
func (postgres) lockMigrations(tx *Tx) error {
	_, err := tx.exec(`SELECT pg_advisory_xact_lock(7303311)`)
	return err
}

// backup writes a dump (Dump) read in one snapshot.
func (postgres) backup(ctx context.Context, db *DB, path string) error { return db.dumpFile(ctx, path) }

// chainLog hashes on the server, where the head is locked, so that the
// head is held from this statement to the commit and no longer: a lock
// taken by a SELECT and written by a later statement was held across two
// more round trips and the Go between them, and every save of every
// server queued on it (the whole of PostgreSQL's save tail, sampled from
// pg_stat_activity). Entry k's hash is SHA-256 over its previous hash and
// seq, encoded as jixiao's ComputeHash encodes them (length-prefixed
// ASCII), followed by the tail Go encoded: TestChainLogMatchesGo holds
// the two equal.
func (postgres) chainLog(n int) (string, bool) {
	var b strings.Builder
	b.WriteString(`WITH h0 AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE)`)
	for k := 1; k <= n; k++ {
		fmt.Fprintf(&b, `, c%[1]d AS (SELECT h%[2]d.seq + 1 AS seq, h%[2]d.hash AS prev, ?::timestamptz AS time, ?::bigint AS user_id, ?::text AS user_name,
			?::text AS action, ?::text AS object, ?::text AS detail, ?::text AS address, ?::bytea AS tail FROM h%[2]d)`, k, k-1)
		fmt.Fprintf(&b, `, h%[1]d AS (SELECT c.*, encode(sha256(convert_to(length(c.prev) || ':' || c.prev || ';' || length(c.seq::text) || ':' || c.seq::text || ';', 'UTF8') || c.tail), 'hex') AS hash FROM c%[1]d c)`, k)
	}
	all := make([]string, n)
	for k := range all {
		all[k] = fmt.Sprintf(`SELECT * FROM h%d`, k+1)
	}
	fmt.Fprintf(&b, `, a AS (%s)`, strings.Join(all, ` UNION ALL `))
	b.WriteString(`, ins AS (INSERT INTO audit_log (seq, time, user_id, user_name, action, object, detail, address, prev_hash, hash)
		SELECT seq, time, user_id, user_name, action, object, detail, address, prev, hash FROM a)`)
	fmt.Fprintf(&b, `, head AS (UPDATE audit_head SET seq = h%[1]d.seq, hash = h%[1]d.hash FROM h%[1]d WHERE audit_head.id = 1)
		SELECT seq, prev, hash FROM a ORDER BY seq`, n)
	return b.String(), true
}

func (postgres) pipelinesCommit() bool { return true }

func (postgres) txOptions(readOnly bool) *sql.TxOptions {
	if readOnly {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return nil
}

func (postgres) isUnique(err error) bool {
	return err != nil && strings.Contains(err.Error(), "SQLSTATE 23505")
}

// scanTime reads a time stored by either engine: a time.Time from
// PostgreSQL, the sqliteTime text from SQLite; NULL is the zero time.
type scanTime struct{ t *time.Time }

func (s scanTime) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*s.t = time.Time{}
	case time.Time:
		*s.t = v.UTC()
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	default:
		return fmt.Errorf("sqldb: cannot read %T as a time", v)
	}
	return nil
}

func (s scanTime) parse(v string) error {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return fmt.Errorf("sqldb: bad time %q: %w", v, err)
	}
	*s.t = t.UTC()
	return nil
}

// withSearchPath returns a PostgreSQL URL that uses the given schema.
func withSearchPath(dsn, schema string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// WithSchema returns a PostgreSQL URL whose connections use the given
// schema: tests give each run one of its own.
func WithSchema(dsn, schema string) string {
	s, err := withSearchPath(dsn, schema)
	if err != nil {
		return dsn
	}
	return s
}
