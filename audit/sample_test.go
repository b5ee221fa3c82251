package audit

import (
	"testing"

	"jixiao"
)

const (
	samplePath    = "../../shared/samples/yanfeng-sfj-2024.txt"
	sampleCopy    = "../testdata/docs/yanfeng-sfj-2024.txt"
	correctedPath = "../testdata/docs/yanfeng-sfj-2024-corrected.txt"
)

// sampleFile is the shared sample, or the repository's copy of it.
func sampleFile(t testing.TB) string {
	t.Helper()
	for _, p := range []string{sampleCopy, samplePath} {
		if fileExists(p) {
			return p
		}
	}
	t.Fatalf("sample not found at %s or %s", sampleCopy, samplePath)
	return ""
}

// TestSampleFindings asserts the real inconsistencies of the published
// sample, each with the figure as stated and as it should be.
func TestSampleFindings(t *testing.T) {
	fs := auditFile(t, sampleFile(t))
	want := []struct {
		code, stated, expected string
		sev                    jixiao.Severity
	}{
		// 项目支出 286.74 / 674.85 = 42.49%, not 44.67%; 基本支出 57.51% is right.
		{"N-SHARE", "44.67%", "42.49%", jixiao.SevError},
		{"N-SHARES-SUM", "102.18%", "100%", jixiao.SevError},
		// the table's 按支出性质分 against the report's, both of 674.85
		{"N-TABLE-MISMATCH", "417.88万元", "388.11万元", jixiao.SevWarning},
		{"N-TABLE-MISMATCH", "256.96万元", "286.74万元", jixiao.SevWarning},
		// 决算数 674.85 of a 全年预算数 674.85 is 100%, the table says 61.23%
		{"N-TABLE-MISMATCH", "61.23%", "100.00%", jixiao.SevError},
		{"N-EXEC-REASON", "61.23%", "说明执行率低于 90.00% 的原因及改进措施", jixiao.SevWarning},
		{"T-EXEC-NO-EXECUTED", "61.23%", "全年执行数 / 全年预算数（按所填执行率应为 413.21 万元）", jixiao.SevError},
		// numbering: 1、 → 3、 and 五、 → 七、 around the unnumbered 存在的问题
		{"S-NUMBER-GAP", "3、", "2、", jixiao.SevError},
		{"S-NUMBER-GAP", "七、", "六、", jixiao.SevError},
		{"S-SECTION-UNNUMBERED", "存在的问题及原因分析", "六、存在的问题及原因分析", jixiao.SevWarning},
		{"S-SECTION-MISSING", "", "绩效自评结果拟应用和公开情况", jixiao.SevWarning},
		{"S-FIELD-MISSING", "", "年度预算申请", jixiao.SevWarning},
		// indicator quality
		{"Q-VAGUE-NAME", "完成量", "写明对象与内容的指标名称（如“法律援助案件办结数”）", jixiao.SevWarning},
		{"Q-VAGUE-NAME", "完成率", "写明对象与内容的指标名称（如“法律援助案件办结数”）", jixiao.SevWarning},
		{"Q-VAGUE-TARGET", "年度完成", "带方向、数值和单位的指标值（如“≤12月31日”“≥95%”）", jixiao.SevWarning},
		{"Q-SAVING-100", "100% / 100%", "按成本测算的节约比例或成本控制数（如“≤X万元”）", jixiao.SevWarning},
		{"Q-SATISFACTION-NO-SURVEY", "100%", "说明调查方式、样本数量与结果", jixiao.SevWarning},
		{"Q-GOAL-ACTUAL-VAGUE", "高站位、高标准、高质量完成了各项工作", "与预期目标逐项对应、可核对的完成结果", jixiao.SevWarning},
		{"Q-INFLATED", "96.12", "执行率低于 80% 时总分一般不应 ≥ 90", jixiao.SevWarning},
		{"Q-SELF-REFERENCE", "我办", "我局", jixiao.SevWarning},
	}
	for _, w := range want {
		found := false
		for _, f := range fs {
			if f.Code == w.code && f.Stated == w.stated && f.Expected == w.expected {
				found = true
				if f.Severity != w.sev {
					t.Errorf("%s %s: severity %s, want %s", w.code, w.stated, f.Severity, w.sev)
				}
			}
		}
		if !found {
			t.Errorf("missing %s stated %q expected %q", w.code, w.stated, w.expected)
		}
	}
	// The figures that agree must raise nothing: 95.01%, 4.99%, the economic
	// classes, the three 完成率 and 435.79 + 59.87 = 495.66.
	for _, f := range fs {
		switch f.Code {
		case "N-RATE", "N-PARTS-SUM", "N-CONFLICT", "S-NUMBER-REPEAT":
			t.Errorf("unexpected %s: %s", f.Code, f.Message)
		case "N-SHARE":
			if f.Stated != "44.67%" {
				t.Errorf("unexpected N-SHARE: %s", f.Message)
			}
		}
	}
	if t.Failed() {
		t.Logf("findings:\n%s", dumpFindings(fs))
	}
	checkGolden(t, "testdata/sample.golden", fs)
}

// TestCorrectedSampleHasNoErrors audits the hand-corrected copy of the
// sample: consistent figures, continuous numbering, the missing section
// restored. Warnings about indicator quality may remain; no error may.
func TestCorrectedSampleHasNoErrors(t *testing.T) {
	fs := auditFile(t, correctedPath)
	if errs := errorsIn(fs); len(errs) > 0 {
		t.Errorf("corrected sample raises errors:\n%s", dumpFindings(errs))
	}
	// the corrections must not have silenced the narrative checks: the
	// report's figures are still read and related
	n := 0
	for _, f := range fs {
		if f.Code == "Q-VAGUE-NAME" {
			n++
		}
	}
	if n == 0 {
		t.Errorf("corrected sample lost its indicator warnings:\n%s", dumpFindings(fs))
	}
}
