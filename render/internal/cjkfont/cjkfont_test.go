package cjkfont

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	saved := Dirs
	defer func() { Dirs = saved; cache.Delete(searchKey) }()

	empty := t.TempDir()
	t.Setenv("HOME", empty)
	Dirs = []string{empty}
	cache.Delete(searchKey)
	if _, err := Find(""); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty dirs: err = %v, want ErrNotFound", err)
	}

	dir := filepath.Join(t.TempDir(), "nested")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "gbsn00lp.ttf")
	if err := os.WriteFile(want, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	Dirs = []string{filepath.Dir(dir)}
	cache.Delete(searchKey)
	if got, err := Find(""); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %q", got, err, want)
	}

	if _, err := Find(filepath.Join(empty, "missing.ttf")); err == nil {
		t.Error("a missing explicit font was accepted")
	}
	if got, err := Find(want); err != nil || got != want {
		t.Errorf("explicit: %q, %v", got, err)
	}
}
