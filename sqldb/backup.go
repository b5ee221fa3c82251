package sqldb

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"jixiao"
)

// Backups. On SQLite, Backup writes a consistent copy of the file with
// VACUUM INTO while the server keeps serving, and Restore checks a copy and
// puts it in place. On PostgreSQL (and on SQLite when asked), Dump writes
// every row of every table in one read-only snapshot as JSON lines, and
// Load reads such a dump into an empty database; pg_dump remains the tool
// for a whole cluster (docs/system.md).

// dumpTables lists the tables in an order that satisfies their foreign
// keys; organisations go parents first (a parent's path is a prefix of its
// children's, so it is shorter).
var dumpTables = []struct{ name, order string }{
	{"organisations", "LENGTH(path), id"},
	{"users", "id"},
	{"tasks", "id"},
	{"task_units", "task_id, unit_id"},
	{"sources", "hash"},
	{"evaluations", "id"},
	{"revisions", "id"},
	{"transitions", "id"},
	{"comments", "id"},
	{"review_scores", "id"},
	{"intakes", "id"},
	{"intake_items", "id"},
	{"jobs", "id"},
	{"evaluation_findings", "evaluation_id, code"},
	{"sessions", "id"},
	{"api_tokens", "id"},
	{"audit_log", "seq"},
	{"audit_head", "id"},
}

// dumpHeader is the first line of a dump.
type dumpHeader struct {
	Format     string `json:"format"`
	Migrations int    `json:"migrations"`
	Engine     string `json:"engine"`
}

// dumpTable introduces a table's rows.
type dumpTable struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
}

const dumpFormat = "jixiao-dump-1"

// Backup writes a consistent copy of the database to path, which must not
// exist: an SQLite file on SQLite, a dump on PostgreSQL.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return jixiao.Errorf(jixiao.EConflict, "备份文件 %s 已存在", path)
	}
	return db.d.backup(ctx, db, path)
}

// BackupDump writes a dump to path, which must not exist, on either engine.
func (db *DB) BackupDump(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return jixiao.Errorf(jixiao.EConflict, "备份文件 %s 已存在", path)
	}
	return db.dumpFile(ctx, path)
}

func (db *DB) dumpFile(ctx context.Context, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("sqldb: backup: %w", err)
	}
	if err := db.Dump(ctx, f); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Dump writes every row in one snapshot. Values are written so that the
// same data dumps alike from either engine: times in one UTC form, binary
// data as {"b64": …}, decimals as their stored text.
func (db *DB) Dump(ctx context.Context, w io.Writer) error {
	ms, err := migrations(db.d.name())
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(dumpHeader{dumpFormat, len(ms), db.d.name()}); err != nil {
		return err
	}
	err = db.run(ctx, db.rdb, true, func(tx *Tx) error {
		for _, t := range dumpTables {
			if err := tx.dumpTable(enc, t.name, t.order); err != nil {
				return fmt.Errorf("sqldb: dump %s: %w", t.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

func (tx *Tx) dumpTable(enc *json.Encoder, table, order string) error {
	rows, err := tx.query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	if err := enc.Encode(dumpTable{table, cols}); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		out := make([]any, len(cols))
		for i, v := range vals {
			out[i] = dumpValue(v)
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return rows.Err()
}

func dumpValue(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.UTC().Format(sqliteTime)
	case []byte:
		return map[string]string{"b64": base64.StdEncoding.EncodeToString(v)}
	case bool:
		if v {
			return 1
		}
		return 0
	}
	return v
}

// Load reads a dump into this database, which must be freshly migrated and
// hold no organisation yet; a dump from a newer jixiao is refused.
func (db *DB) Load(ctx context.Context, r io.Reader) error {
	dec := json.NewDecoder(bufio.NewReader(r))
	dec.UseNumber()
	var h dumpHeader
	if err := dec.Decode(&h); err != nil || h.Format != dumpFormat {
		return jixiao.Errorf(jixiao.EInvalid, "不是 jixiao 备份文件")
	}
	ms, err := migrations(db.d.name())
	if err != nil {
		return err
	}
	if h.Migrations > len(ms) {
		return jixiao.Errorf(jixiao.EInvalid, "备份来自更新版本的 jixiao（数据库版本 %d，本程序 %d）", h.Migrations, len(ms))
	}
	return db.run(ctx, db.wdb, false, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisations`).Scan(&n); err != nil || n > 0 {
			if err == nil {
				err = jixiao.Errorf(jixiao.EConflict, "目标数据库不是空的：只能恢复到新数据库")
			}
			return err
		}
		var table string
		var cols []string
		var bools map[int]bool
		for {
			var raw json.RawMessage
			if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return fmt.Errorf("sqldb: load: %w", err)
			}
			if len(raw) > 0 && raw[0] == '{' {
				var t dumpTable
				if err := json.Unmarshal(raw, &t); err != nil {
					return err
				}
				if slices.Contains(cols, "id") {
					if err := tx.db.d.resetIdentity(tx, table); err != nil {
						return err
					}
				}
				table, cols = t.Table, t.Columns
				if bools, err = tx.boolColumns(table); err != nil {
					return err
				}
				if table == "audit_head" {
					if _, err := tx.exec(`DELETE FROM audit_head`); err != nil {
						return err
					}
				}
				continue
			}
			if err := tx.loadRow(table, cols, bools, raw); err != nil {
				return fmt.Errorf("sqldb: load %s: %w", table, err)
			}
		}
		if slices.Contains(cols, "id") {
			return tx.db.d.resetIdentity(tx, table)
		}
		return nil
	})
}

func (tx *Tx) loadRow(table string, cols []string, bools map[int]bool, raw json.RawMessage) error {
	var vals []any
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	if err := d.Decode(&vals); err != nil {
		return err
	}
	if len(vals) != len(cols) {
		return fmt.Errorf("row has %d values for %d columns", len(vals), len(cols))
	}
	for i, v := range vals {
		switch x := v.(type) {
		case json.Number:
			if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				vals[i] = n
				if bools[i] {
					vals[i] = n != 0
				}
			} else {
				vals[i] = string(x)
			}
		case map[string]any:
			b, err := base64.StdEncoding.DecodeString(fmt.Sprint(x["b64"]))
			if err != nil {
				return err
			}
			vals[i] = b
		}
	}
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	_, err := tx.exec(`INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+ph+`)`, vals...)
	return err
}

// boolColumns finds a table's boolean columns by their names in the
// schema; the dump writes booleans as 0 and 1 for both engines.
func (tx *Tx) boolColumns(table string) (map[int]bool, error) {
	rows, err := tx.query(`SELECT * FROM ` + table + ` WHERE 1 = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := map[int]bool{}
	for i, c := range cols {
		switch c {
		case "disabled", "resolved", "revoked":
			out[i] = true
		}
	}
	return out, nil
}

// Restore puts the SQLite backup at src in place of the database file at
// dst, which must not exist unless force is set (and then no server may
// be using it). The backup is opened and checked first, so a damaged copy
// never replaces a working database.
func Restore(ctx context.Context, src, dst string, force bool) error {
	if dialectOf(dst).name() != "sqlite" {
		return jixiao.Errorf(jixiao.EInvalid, "PostgreSQL 请用 Load 恢复转储文件（jixiao restore --dump），或用 pg_restore")
	}
	if _, err := os.Stat(dst); err == nil && !force {
		return jixiao.Errorf(jixiao.EConflict, "数据库 %s 已存在；确认没有服务在使用它后加 --force 覆盖", dst)
	}
	if err := checkSQLiteFile(ctx, src); err != nil {
		return err
	}
	tmp := dst + ".restore-tmp"
	if err := copyFile(src, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// checkSQLiteFile opens a backup read-only and runs integrity_check.
func checkSQLiteFile(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return jixiao.Errorf(jixiao.ENotFound, "备份文件 %s 不存在", path)
	}
	_, r, err := sqlite{}.open(path)
	if err != nil {
		return err
	}
	defer r.Close()
	var res string
	if err := r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		return jixiao.Errorf(jixiao.EInvalid, "备份文件 %s 已损坏：%v %s", path, err, res)
	}
	var n int
	if err := r.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
		return jixiao.Errorf(jixiao.EInvalid, "%s 不是 jixiao 数据库：%v", path, err)
	}
	ms, err := migrations("sqlite")
	if err != nil {
		return err
	}
	if n > len(ms) {
		return jixiao.Errorf(jixiao.EInvalid, "备份来自更新版本的 jixiao（数据库版本 %d，本程序 %d）", n, len(ms))
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
