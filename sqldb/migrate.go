package sqldb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Migrations are numbered files per dialect, applied in order, each in its
// own transaction, and never edited once shipped: a change is a new file.
//
//go:embed migrations
var migrationFS embed.FS

// migration is one numbered file.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations(dialect string) ([]migration, error) {
	dir := "migrations/" + dialect
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("sqldb: migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("sqldb: migration %s: expected number %04d", m.name, i+1)
		}
	}
	return out, nil
}

// migrate applies the migrations not yet applied. Two servers starting on
// one PostgreSQL at once serialise on an advisory lock.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations(db.d.name())
	if err != nil {
		return err
	}
	if _, err := db.wdb.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("sqldb: migrate: %w", err)
	}
	for _, m := range ms {
		err := db.run(ctx, db.wdb, false, func(tx *Tx) error {
			if err := db.d.lockMigrations(tx); err != nil {
				return err
			}
			var n int
			if err := tx.queryRow(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := tx.exec(m.sql); err != nil {
				return err
			}
			_, err := tx.exec(`INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("sqldb: migration %s: %w", m.name, err)
		}
	}
	return nil
}
