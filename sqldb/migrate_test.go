package sqldb

import (
	"io/fs"
	"slices"
	"testing"
)

// TestMigrationsMatch keeps the two dialects in step: the same numbered
// files, each dialect's list complete from 0001.
func TestMigrationsMatch(t *testing.T) {
	names := func(d string) []string {
		ms, err := migrations(d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.name)
		}
		return out
	}
	lite, pg := names("sqlite"), names("postgres")
	if len(lite) == 0 || !slices.Equal(lite, pg) {
		t.Fatalf("migrations differ:\nsqlite   %v\npostgres %v", lite, pg)
	}
	dirs, _ := fs.ReadDir(migrationFS, "migrations")
	for _, d := range dirs {
		if n := d.Name(); n != "sqlite" && n != "postgres" {
			t.Errorf("migrations/%s: no such dialect", n)
		}
	}
}

func TestRebind(t *testing.T) {
	got := postgres{}.rebind(`SELECT a FROM t WHERE b = ? AND c IN (?, ?)`)
	if want := `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)`; got != want {
		t.Errorf("rebind = %q, want %q", got, want)
	}
}

func TestPassword(t *testing.T) {
	p := PasswordParams{Time: 1, Memory: 1024, Threads: 1}
	h, err := hashPassword("正确的密码 horse", p)
	if err != nil {
		t.Fatal(err)
	}
	if !checkPassword("正确的密码 horse", h) {
		t.Error("right password refused")
	}
	for _, bad := range []string{"正确的密码 horsE", "", "正确的密码"} {
		if checkPassword(bad, h) {
			t.Errorf("wrong password %q accepted", bad)
		}
	}
	h2, _ := hashPassword("正确的密码 horse", p)
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA", h[:len(h)-4]} {
		if checkPassword("正确的密码 horse", bad) {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}
