package web

import (
	"os"
	"path/filepath"
	"testing"

	"jixiao"
)

// TestReadIntakeFolder: a folder under the intake root is read; one
// outside it, by .. or by a symbolic link, or with no root set, is not.
func TestReadIntakeFolder(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "2024", "第一批"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "2024", "第一批", "a.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("s"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	s := &Server{cfg: Config{IntakeRoot: root}}
	files, err := s.readIntakeFolder("2024/第一批")
	if err != nil || len(files) != 1 || files[0].Name != "a.txt" {
		t.Fatalf("inside: %v, %v", files, err)
	}
	for _, bad := range []string{"../" + filepath.Base(outside), "link", "/etc", "没有"} {
		if _, err := s.readIntakeFolder(bad); jixiao.ErrorCode(err) != jixiao.EInvalid {
			t.Errorf("%q: %v, want invalid", bad, err)
		}
	}
	if _, err := (&Server{}).readIntakeFolder("2024"); jixiao.ErrorCode(err) != jixiao.EInvalid {
		t.Errorf("no root: %v, want invalid", err)
	}
}
