package yamlfile

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"jixiao"
	"jixiao/rules"
	"jixiao/score"
)

// unitFile is a table whose 度量单位 stands in a column of its own: the
// figures as printed, the unit apart.
const unitFile = `类型: 项目
单位: 测试局
年度: 2024
项目名称: 测试项目
指标:
  - 一级指标: 产出指标
    二级指标: 质量指标
    三级指标: 差错率
    年度指标值: "≤5"
    实际完成值: "3"
    度量单位: "%"
    分值: 50
    得分: 50
  - 一级指标: 产出指标
    二级指标: 数量指标
    三级指标: 培训人数
    年度指标值: "≥500"
    实际完成值: "520人"
    度量单位: 人
    分值: 50
    得分: 50
`

// TestUnitRoundTrip: the 度量单位 survives encode → decode, bare figures
// stay as printed and mean their unit, and a ≤5 target in % against an
// actual of 3 scores full.
func TestUnitRoundTrip(t *testing.T) {
	ev, err := Decode([]byte(unitFile), "unit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rate := ev.Indicators[0]
	if rate.Unit != "%" || rate.Actual.Raw != "3" || !rate.Actual.Percent || !rate.Target.Percent || rate.Actual.Text() != "3%" {
		t.Errorf("差错率 read as %+v, want the bare 3 and ≤5 in %%", rate)
	}
	if n := ev.Indicators[1]; n.Actual.Unit != "人" || n.Actual.InUnit || n.Target.Unit != "人" || !n.Target.InUnit {
		t.Errorf("培训人数 read as %+v, want 人 on both, the actual's its own", n)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, ev, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "度量单位: '%'") && !strings.Contains(buf.String(), `度量单位: "%"`) {
		t.Errorf("the encoded file has no 度量单位:\n%s", buf.String())
	}
	back, err := Decode(buf.Bytes(), "back.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(ev, back, cmpopts.IgnoreFields(jixiao.Evaluation{}, "Provenance")); diff != "" {
		t.Errorf("round trip changed the evaluation (-want +got):\n%s", diff)
	}
	res := score.Score(back, rules.MustLoad("national-2020"))
	if r := res.Rows[0]; r.Met == nil || !*r.Met || r.Score.String() != "50" {
		t.Errorf("差错率 3%% against ≤5%% scored %s (met %v, %s), want met and full 50", r.Score, r.Met, r.Trace)
	}
}

// TestNoUnitWritesNone: a file without 度量单位 encodes without the key,
// so old files read and write unchanged.
func TestNoUnitWritesNone(t *testing.T) {
	ev := mustRead(t, samplePath)
	var buf bytes.Buffer
	if err := Encode(&buf, ev, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "度量单位") {
		t.Error("a file with no 度量单位 writes the key")
	}
}
