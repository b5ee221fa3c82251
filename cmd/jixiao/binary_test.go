package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"jixiao/present"
)

// These tests run the built program, as a user or a CI job does: exit
// codes, what reaches stdout and stderr, and the machine-readable formats.

var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jixiao-bin")
	if err != nil {
		panic(err)
	}
	binPath = filepath.Join(dir, "jixiao")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", binPath, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.RemoveAll(dir)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBin runs the built program.
func runBin(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(binPath, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

const cleanYAML = "类型: 项目\n预算: {全年预算数: 100, 全年执行数: 100, 分值: 10, 执行率: 100.00%, 得分: 10}\n指标:\n" +
	"  - {一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 培训人次, 年度指标值: ≥100人次, 实际完成值: 120人次, 分值: 50, 得分: 50}\n" +
	"  - {一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 持证率, 年度指标值: ≥80%, 实际完成值: 85%, 分值: 30, 得分: 30}\n" +
	"  - {一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 学员满意度, 年度指标值: ≥90%, 实际完成值: 95%, 分值: 10, 得分: 10}\n总分: 100\n"

// folder makes a folder of inputs as a unit's share might hold: a clean
// file, the sample (with errors), legacy formats and a broken .docx.
func folder(t *testing.T, withBroken bool) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("clean.yaml", []byte(cleanYAML))
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	write("sample.yaml", b)
	write("photo.png", []byte("\x89PNG"))
	if withBroken {
		write("旧表.doc", []byte("\xd0\xcf\x11\xe0"))
		write("报告.wps", []byte("\xd0\xcf\x11\xe0"))
		write("预算.xls", []byte("\xd0\xcf\x11\xe0"))
		write("broken.docx", []byte("PK\x03\x04 not a zip"))
	}
	return dir
}

func TestBinaryExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.yaml")
	if err := os.WriteFile(clean, []byte(cleanYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"Clean", []string{"check", clean}, 0},
		{"Findings", []string{"check", sample}, 1},
		{"FolderAllRead", []string{"check", "--quiet", folder(t, false)}, 1},
		{"FolderWithUnreadable", []string{"check", "--quiet", folder(t, true)}, 2},
		{"MissingPathBesideGood", []string{"check", clean, filepath.Join(dir, "nope.yaml")}, 2},
		{"UnknownFlag", []string{"check", "--nope", clean}, 2},
		{"SarifStillExit1", []string{"check", "--format", "sarif", sample}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runBin(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errOut)
			}
		})
	}
}

// TestBinarySkippedFiles: every legacy document in a folder is named with
// why, counted, and listed again at the end.
func TestBinarySkippedFiles(t *testing.T) {
	dir := folder(t, true)
	_, errOut, code := runBin(t, "check", "--quiet", dir)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, name := range []string{"旧表.doc", "报告.wps", "预算.xls"} {
		if n := strings.Count(errOut, name); n != 2 {
			t.Errorf("%s named %d times in stderr, want 2 (when skipped and in the closing list):\n%s", name, n, errOut)
		}
	}
	if !strings.Contains(errOut, "另存为 .docx") || !strings.Contains(errOut, "另存为 .xlsx") {
		t.Errorf("stderr does not say what to do with the legacy files:\n%s", errOut)
	}
	for _, want := range []string{"跳过 3（格式不支持）", "无法读取 1", "未能检查的文件 4 个", "另有 1 个非文档文件"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	tail := errOut[strings.Index(errOut, "未能检查的文件"):]
	if !strings.Contains(tail, "broken.docx") {
		t.Errorf("the closing list lacks the broken file:\n%s", tail)
	}
}

// TestBinaryYAMLLineNumbers: every finding on an evaluation file names a
// line, in the text output as "path:line:col: CODE" and in JSON.
func TestBinaryYAMLLineNumbers(t *testing.T) {
	out, _, _ := runBin(t, "check", sample)
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + `:(\d+):1: ([A-Z][A-Z0-9-]+) `)
	got := re.FindAllStringSubmatch(out, -1)
	if len(got) == 0 {
		t.Fatalf("no path:line:col: CODE line in:\n%s", out)
	}
	jsonOut, _, _ := runBin(t, "check", "--format", "json", sample)
	var docs []present.CheckJSON
	if err := json.Unmarshal([]byte(jsonOut), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Findings) != len(got) {
		t.Fatalf("text has %d findings with a line, JSON %d documents", len(got), len(docs))
	}
	for i, f := range docs[0].Findings {
		if f.Location.Source == nil || f.Location.Source.Line == 0 {
			t.Errorf("finding %d %s has no line", i, f.Code)
			continue
		}
		if f.Code != got[i][2] || got[i][1] != itoa(f.Location.Source.Line) {
			t.Errorf("finding %d: text %s at %s, JSON %s at %d", i, got[i][2], got[i][1], f.Code, f.Location.Source.Line)
		}
	}
	// the budget execution finding is on the 执行率 line of the sample
	b, _ := os.ReadFile(sample)
	lines := strings.Split(string(b), "\n")
	for _, f := range docs[0].Findings {
		if f.Code == "T-EXEC-NO-EXECUTED" {
			if l := lines[f.Location.Source.Line-1]; !strings.Contains(l, "执行") {
				t.Errorf("T-EXEC-NO-EXECUTED at line %d %q, not the execution line", f.Location.Source.Line, l)
			}
		}
	}
}

// TestBinaryYAMLErrorsAtOnce: a file with several mistakes lists each with
// its line in one run.
func TestBinaryYAMLErrorsAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	src := "类型: 项目\n年度: 二〇二四\n预算:\n  全年预算: 674.85\n  全年执行数: 六百七十四点八五万元整\n总分: 满分\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runBin(t, "check", path)
	if code != exitUsage {
		t.Errorf("exit %d", code)
	}
	for _, l := range []string{":2: ", ":4: ", ":5: ", ":6: "} {
		if !strings.Contains(errOut, path+l) {
			t.Errorf("stderr lacks %s%s:\n%s", path, l, errOut)
		}
	}
}

// TestBinarySARIF: --format sarif writes a log valid against the SARIF
// 2.1.0 schema (vendored in present/testdata), with one result per finding
// at its line, and the unreadable files as notifications.
func TestBinarySARIF(t *testing.T) {
	dir := folder(t, true)
	out, errOut, code := runBin(t, "check", "--quiet", "--format", "sarif", dir)
	if code != exitUsage {
		t.Errorf("exit %d: %s", code, errOut)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../present/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("SARIF invalid: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	jsonOut, _, _ := runBin(t, "check", "--format", "json", sample)
	var docs []present.CheckJSON
	if err := json.Unmarshal([]byte(jsonOut), &docs); err != nil {
		t.Fatal(err)
	}
	if len(run.Results) != len(docs[0].Findings) {
		t.Errorf("%d results, want the sample's %d findings (clean.yaml has none)", len(run.Results), len(docs[0].Findings))
	}
	for _, r := range run.Results {
		l := r.Locations[0].PhysicalLocation
		if !strings.HasSuffix(l.ArtifactLocation.URI, "sample.yaml") || l.Region.StartLine == 0 {
			t.Errorf("result %s at %s:%d", r.RuleID, l.ArtifactLocation.URI, l.Region.StartLine)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 4 {
		t.Errorf("invocation successful=%v with %d notifications, want false and 4 (3 legacy, 1 broken)", inv.ExecutionSuccessful, len(inv.Notifications))
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestBinaryRenderRefusesToOverwrite: like init and import, render keeps a
// file that exists unless --force is given.
func TestBinaryRenderRefusesToOverwrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "表.xlsx")
	if err := os.WriteFile(out, []byte("edited by the unit"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runBin(t, "render", "--to", "xlsx", "-o", out, sample)
	if code != exitUsage || !strings.Contains(errOut, "--force") {
		t.Errorf("exit %d, stderr %q: want a refusal naming --force", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "edited by the unit" {
		t.Error("render overwrote the file without --force")
	}
	if _, errOut, code := runBin(t, "render", "--to", "xlsx", "--force", "-o", out, sample); code != exitOK {
		t.Errorf("with --force: exit %d: %s", code, errOut)
	}
}

// TestBinarySeverityAndIgnore: --severity and the ignore list of a
// jixiao.yaml in the working folder drop findings from output, counts and
// exit code alike.
func TestBinarySeverityAndIgnore(t *testing.T) {
	abs, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	count := func(dir string, args ...string) (codes map[string]int, code int) {
		t.Helper()
		cmd := exec.Command(binPath, append([]string{"check", "--format", "json"}, append(args, abs)...)...)
		cmd.Dir = dir
		out, err := cmd.Output()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		var docs []present.CheckJSON
		if err := json.Unmarshal(out, &docs); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		codes = map[string]int{}
		for _, f := range docs[0].Findings {
			codes[f.Severity]++
			codes[f.Code]++
		}
		return codes, code
	}
	plain := t.TempDir()
	all, _ := count(plain)
	if all["warning"] == 0 || all["error"] == 0 {
		t.Fatalf("the sample should have errors and warnings: %v", all)
	}
	errsOnly, code := count(plain, "--severity", "error")
	if errsOnly["warning"] != 0 || errsOnly["info"] != 0 || errsOnly["error"] != all["error"] || code != exitFindings {
		t.Errorf("--severity error: %v (exit %d)", errsOnly, code)
	}
	conf := t.TempDir()
	if err := os.WriteFile(filepath.Join(conf, "jixiao.yaml"), []byte("severity: warning\nignore: [T-EXEC-NO-EXECUTED, T-WEIGHT-LEVEL1, T-LEVEL1-MISSING]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, code := count(conf)
	if cfg["T-WEIGHT-LEVEL1"] != 0 || cfg["info"] != 0 || cfg["warning"] != all["warning"] {
		t.Errorf("jixiao.yaml: %v", cfg)
	}
	if cfg["error"] == 0 && code != exitOK {
		t.Errorf("with every error ignored, exit %d, want 0", code)
	}
	if _, errOut, code := runBin(t, "check", "--severity", "fatal", sample); code != exitUsage || !strings.Contains(errOut, "error、warning 或 info") {
		t.Errorf("--severity fatal: exit %d, %s", code, errOut)
	}
}
