package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"jixiao"
	"jixiao/yamlfile"
)

// TestImportSampleMatchesTranscription imports the published sample's text
// and compares it with the table transcribed by hand.
func TestImportSampleMatchesTranscription(t *testing.T) {
	out := filepath.Join(t.TempDir(), "imported.yaml")
	_, errOut, code := runCLI(t, "import", "../../testdata/samples/yanfeng-sfj-2024.txt", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "全年执行数") {
		t.Errorf("import must say that 全年执行数 could not be read; stderr: %s", errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "全年预算数: 674.85 # 第 25 行") {
		t.Errorf("figures lack their provenance comments:\n%s", b)
	}
	got, err := yamlfile.Decode(b, out)
	if err != nil {
		t.Fatalf("the imported file does not read back: %v\n%s", err, b)
	}
	want, err := yamlfile.Decode(mustReadFile(t, sample), sample)
	if err != nil {
		t.Fatal(err)
	}
	if got.Report == nil || got.Report.Profile.Staff.Active.Text != "26人" || len(got.Report.Profile.Functions) != 22 {
		t.Errorf("the narrative's report data did not come through the YAML: %+v", got.Report)
	}
	opts := cmpopts.IgnoreFields(jixiao.Evaluation{}, "Rules", "Provenance", "Report")
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("imported evaluation differs from the transcription (-want +got):\n%s", diff)
	}
}

func TestImportRefusesOverwrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.yaml")
	os.WriteFile(out, []byte("keep"), 0o644)
	if _, e, code := runCLI(t, "import", "../../testdata/samples/yanfeng-sfj-2024.txt", "-o", out); code != exitUsage || !strings.Contains(e, "不覆盖") {
		t.Errorf("exit %d %s", code, e)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Error("the existing file was overwritten")
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// "-o -" is standard output, as it is for render, not a file named "-".
func TestImportDashIsStdout(t *testing.T) {
	src, err := filepath.Abs("../../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "import", src, "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "全年预算数: 674.85") {
		t.Errorf("the YAML did not go to standard output:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`a file named "-" was written`)
	}
}
