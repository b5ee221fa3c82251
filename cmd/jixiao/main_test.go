package main

import (
	"bytes"
	"encoding/json"
	"jixiao/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/importer"
	"jixiao/present"
)

const sample = "../../testdata/yanfeng-sfj-2024.yaml"

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, name+".golden", got)
}

func TestScoreSample(t *testing.T) {
	out, errOut, code := runCLI(t, "score", sample)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"10 × 61.23% = 6.12", "总分：表列 96.12，计算 96.12", "全年执行数未填，按表列执行率 61.23% 计分"} {
		if !strings.Contains(out, want) {
			t.Errorf("score output lacks %q", want)
		}
	}
	checkGolden(t, "score-sample", out)
}

func TestScoreJSON(t *testing.T) {
	out, _, code := runCLI(t, "score", "--format", "json", sample)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var got present.ScoreJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != "96.12" || *got.StatedTotal != "96.12" || *got.Execution.Score != "6.12" || *got.Execution.Rate != "0.6123" {
		t.Errorf("json = total %s stated %s exec %s rate %s", got.Total, *got.StatedTotal, *got.Execution.Score, *got.Execution.Rate)
	}
	if got.Execution.B != nil {
		t.Error("the unstated 全年执行数 must be null, not a number")
	}
	if len(got.Rows) != 5 || got.Rows[0].Trace.Formula == "" {
		t.Errorf("rows lack their traces: %+v", got.Rows)
	}
}

func TestScoreUnderOtherRules(t *testing.T) {
	out, _, code := runCLI(t, "score", "--rules", "hubei", "--format", "json", sample)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var got present.ScoreJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// Hubei weighs execution 20: 20 × 61.23% = 12.246 → 12.25
	if got.Rules != "hubei" || *got.Execution.Score != "12.25" || got.Total != "102.25" {
		t.Errorf("hubei: rules %s exec %s total %s", got.Rules, *got.Execution.Score, got.Total)
	}
}

func TestCheckSample(t *testing.T) {
	out, _, code := runCLI(t, "check", sample, "--format", "json")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d (the sample has errors)", code, exitFindings)
	}
	var docs []present.CheckJSON
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Score.ComputedTotal != "96.12" || docs[0].Unit != "雁峰区司法局" || docs[0].Year != 2024 {
		t.Fatalf("docs = %+v", docs)
	}
	have := map[string]present.FindingJSON{}
	for _, f := range docs[0].Findings {
		have[f.Code] = f
	}
	for code, stated := range map[string]string{"T-EXEC-NO-EXECUTED": "61.23%", "T-LEVEL1-MISSING": "0", "T-SPLIT-ROUNDING": "674.84"} {
		if f, ok := have[code]; !ok || f.Stated != stated {
			t.Errorf("%s: got %+v, want stated %s", code, f, stated)
		}
	}
	text, _, _ := runCLI(t, "check", sample)
	checkGolden(t, "check-sample", text)
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("类型: 部门整体\n预算:\n  全年预算数: 六百\n"), 0o644)
	clean := filepath.Join(dir, "clean.yaml")
	os.WriteFile(clean, []byte("类型: 项目\n预算: {全年预算数: 100, 全年执行数: 100, 分值: 10, 执行率: 100.00%, 得分: 10}\n指标:\n"+
		"  - {一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 培训人次, 年度指标值: ≥100人次, 实际完成值: 120人次, 分值: 50, 得分: 50}\n"+
		"  - {一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 持证率, 年度指标值: ≥80%, 实际完成值: 85%, 分值: 30, 得分: 30}\n"+
		"  - {一级指标: 满意度指标, 二级指标: 服务对象满意度指标, 三级指标: 学员满意度, 年度指标值: ≥90%, 实际完成值: 95%, 分值: 10, 得分: 10}\n总分: 100\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"NoArgs", nil, exitUsage, ""},
		{"Help", []string{"help"}, exitOK, ""},
		{"UnknownCommand", []string{"frobnicate"}, exitUsage, "未知命令"},
		{"CheckClean", []string{"check", clean}, exitOK, ""},
		{"CheckErrors", []string{"check", sample}, exitFindings, ""},
		{"CheckMissingFile", []string{"check", filepath.Join(dir, "nope.yaml")}, exitUsage, "nope.yaml"},
		{"CheckBadFileNamesLineAndField", []string{"check", bad}, exitUsage, "bad.yaml:3: 预算.全年预算数"},
		{"CheckOneBadOneGood", []string{"check", bad, clean}, exitUsage, "未能检查的文件 1 个"},
		{"UnknownFlagInChinese", []string{"check", "--colour", sample}, exitUsage, "未知参数 -colour"},
		{"CheckBadFormat", []string{"check", "--format", "xml", sample}, exitUsage, "format"},
		{"ScoreTwoFiles", []string{"score", sample, sample}, exitUsage, "一个文件"},
		{"ScoreUnknownRules", []string{"score", "--rules", "guangxi", sample}, exitUsage, "national-2020"},
		{"RulesList", []string{"rules"}, exitOK, ""},
		{"RulesShow", []string{"rules", "sichuan"}, exitOK, ""},
		{"RulesUnknown", []string{"rules", "guangxi"}, exitUsage, "guangxi"},
		{"InitNeedsKind", []string{"init"}, exitUsage, "--kind"},
		{"InitProject", []string{"init", "--kind", "项目"}, exitOK, ""},
		{"Version", []string{"version"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.stderr)
			}
		})
	}
}

func TestInitWritesFileOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.yaml")
	if _, e, code := runCLI(t, "init", "--kind", "部门整体", "--rules", "with-cost", "-o", path); code != exitOK {
		t.Fatalf("exit %d: %s", code, e)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "规则集: with-cost") || !strings.Contains(string(b), "成本指标（本一级指标合计 20 分）") {
		t.Errorf("template:\n%s", b)
	}
	if _, e, code := runCLI(t, "init", "--kind", "部门整体", "-o", path); code != exitUsage || !strings.Contains(e, "不覆盖") {
		t.Errorf("second init: exit %d %s, want a refusal to overwrite", code, e)
	}
}

// TestLimitFlagsExist keeps the limit messages honest: every flag a limit
// error tells the user to raise is one that check accepts.
func TestLimitFlagsExist(t *testing.T) {
	fs := newFlags("check", "", "", &bytes.Buffer{})
	limitFlags(fs)
	for _, l := range []string{"MaxFileBytes", "MaxUnzippedBytes", "MaxRatio", "MaxXMLDepth", "MaxCells", "MaxPages", "Timeout"} {
		name := strings.TrimPrefix((&importer.LimitError{Limit: l}).Flag(), "--")
		if name == "" || fs.Lookup(name) == nil {
			t.Errorf("limit %v names flag %q, which check does not define", l, name)
		}
	}
}
