package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/gen"
)

func TestGenCommand(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runCLI(t, "gen", "-n", "4", "-o", dir, "--formats", "txt,docx", "--seed", "9", "--error-rate", "1")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "已生成 4 份") || !strings.Contains(out, "注入错误 4 份") {
		t.Errorf("summary line: %q", out)
	}
	for i := 1; i <= 4; i++ {
		for _, ext := range []string{".txt", ".docx", ".truth.json"} {
			if _, err := os.Stat(filepath.Join(dir, "eval-0000"+string(rune('0'+i))+ext)); err != nil {
				t.Error(err)
			}
		}
	}
	f, err := os.Open(filepath.Join(dir, "eval-00001.truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr, err := gen.ReadTruth(f)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Clean || len(tr.Errors) == 0 || tr.Formats[0] != "txt" {
		t.Errorf("truth: clean %v, errors %v, formats %v", tr.Clean, tr.Errors, tr.Formats)
	}
}

func TestGenCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"gen"},
		{"gen", "-n", "2"},
		{"gen", "-n", "2", "-o", t.TempDir(), "--formats", "doc"},
		{"gen", "-n", "2", "-o", t.TempDir(), "--error-rate", "2"},
		{"gen", "-n", "2", "-o", t.TempDir(), "--kind", "学校"},
	} {
		if _, _, code := runCLI(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
