package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIntakeCommand takes in a folder, then the same folder again: the
// second run imports nothing twice; the unknown unit's file is listed.
func TestIntakeCommand(t *testing.T) {
	for engine, dsn := range adminDSNs(t) {
		t.Run(engine, func(t *testing.T) {
			t.Setenv("JIXIAO_DB", dsn)
			sheet := writeOrgSheet(t, [][]string{
				{"", "F", "延丰县财政局", "财政局"},
				{"F", "D", "延丰县司法局", "主管部门"},
				{"D", "U1", "延丰县司法局机关", "预算单位"},
				{"D", "U2", "延丰县公证处", "预算单位"},
			})
			if out, errOut, code := runCLI(t, "org", "import", sheet); code != exitOK {
				t.Fatalf("org import: exit %d: %s%s", code, out, errOut)
			}
			sample, err := os.ReadFile("../../testdata/samples/yanfeng-sfj-2024.txt")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for name, unit := range map[string]string{"机关.txt": "延丰县司法局机关", "公证处.txt": "延丰县公证处", "其他.txt": "别处的单位"} {
				b := strings.ReplaceAll(string(sample), "雁峰区司法局", unit)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(b), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, errOut, code := runCLI(t, "intake", "--year", "2024", "--workers", "2", dir)
			if code != exitFailed || !strings.Contains(out, "已导入 2，重复 0，待指定单位 1，失败 0") || !strings.Contains(out, "其他.txt") {
				t.Fatalf("first intake: exit %d:\n%s%s", code, out, errOut)
			}
			out, errOut, code = runCLI(t, "intake", "--name", "再一次", dir)
			if !strings.Contains(out, "已导入 0，重复 2") {
				t.Fatalf("second intake: exit %d:\n%s%s", code, out, errOut)
			}
			if _, errOut, code := runCLI(t, "intake"); code != exitUsage || errOut == "" {
				t.Errorf("no path: exit %d %s", code, errOut)
			}
		})
	}
}
