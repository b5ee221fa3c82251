package yamlfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"jixiao"
	"jixiao/internal/sample"
)

// provenanceByPaths is provenance the plain way, every line looked up by
// its field path from the root (lineOf), as it was written first.
func provenanceByPaths(f *file, root *yaml.Node) map[string]jixiao.Position {
	p := map[string]jixiao.Position{}
	set := func(key string, line int) {
		if line > 0 {
			p[key] = jixiao.Position{Line: line, Col: 1}
		}
	}
	setScalar := func(key string, s *scalar) {
		if s != nil {
			set(key, s.Line)
		}
	}
	for _, k := range []struct{ key, field string }{
		{"unit", "单位"}, {"department", "主管部门"}, {"project", "项目名称"}, {"project_code", "项目编码"},
		{"budget", "预算"}, {"goal", "年度总体目标"}, {"goal.expected", "年度总体目标.预期目标"},
		{"goal.actual", "年度总体目标.实际完成情况"}, {"indicators", "指标"}, {"grade", "等级"}, {"report", "自评报告"},
	} {
		set(k.key, lineOf(root, k.field))
	}
	setScalar("year", f.Year)
	setScalar("total", f.Total)
	b := &f.Budget
	for _, k := range []struct {
		col string
		s   *scalar
	}{{"年度预算申请", b.Request}, {"年初预算数", b.Initial}, {"全年预算数", b.FullYear}, {"全年执行数", b.Executed},
		{"分值", b.Weight}, {"执行率", b.Rate}, {"得分", b.Score}} {
		setScalar("budget."+k.col, k.s)
	}
	for si, sp := range b.Splits {
		set(fmt.Sprintf("budget.splits[%d]", si), lineOf(root, fmt.Sprintf("预算.细分[%d]", si+1)))
		for ri, r := range sp.Rows {
			at := fmt.Sprintf("budget.splits[%d].rows[%d]", si, ri)
			set(at+".name", lineOf(root, fmt.Sprintf("预算.细分[%d].行[%d]", si+1, ri+1)))
			setScalar(at+".年初预算数", r.Initial)
			setScalar(at+".全年预算数", r.FullYear)
			setScalar(at+".全年执行数", r.Executed)
			setScalar(at+".执行率", r.Rate)
		}
	}
	for i, r := range f.Indicators {
		at := fmt.Sprintf("indicators[%d]", i)
		set(at, r.line)
		for _, col := range []struct{ key, field string }{{"一级指标", "一级指标"}, {"二级指标", "二级指标"},
			{"三级指标", "三级指标"}, {"评(扣)分标准", "评分标准"}, {"偏差原因分析及改进措施", "偏差原因分析及改进措施"}} {
			set(at+"."+col.key, lineOf(root, fmt.Sprintf("指标[%d].%s", i+1, col.field)))
		}
		setScalar(at+".年度指标值", r.Target)
		setScalar(at+".实际完成值", r.Actual)
		setScalar(at+".分值", r.Weight)
		setScalar(at+".得分", r.Score)
	}
	return p
}

// TestProvenanceMatchesPaths: provenance, which looks the indicator rows
// up once, gives the lines the lookup of every field path from the root
// gives: for the sample files in YAML and as the API's indented JSON, and
// for files with columns left out, rows that are not mappings, a repeated
// 指标 key and an indicator list that is not the root's.
func TestProvenanceMatchesPaths(t *testing.T) {
	files := map[string][]byte{}
	disk, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	files["disk"] = disk
	for name, ev := range map[string]*jixiao.Evaluation{"yanfeng": sample.Yanfeng(), "project": sample.Project()} {
		var y bytes.Buffer
		if err := Encode(&y, ev, Options{}); err != nil {
			t.Fatal(err)
		}
		files[name] = y.Bytes()
		var doc any
		if err := yaml.Unmarshal(y.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		j, err := json.MarshalIndent(doc, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		files[name+".json"] = j
	}
	for name, text := range map[string]string{
		"columnsLeftOut": "类型: 部门整体\n指标:\n  - 三级指标: a\n    分值: 1\n  -\n    一级指标: 产出指标\n    评分标准: x\n",
		"rowNotMapping":  "类型: 部门整体\n指标:\n  - 一级指标: 产出指标\n  - a\n  - [1]\n",
		"repeatedKey":    "类型: 部门整体\n指标:\n  - 一级指标: b\n指标:\n  - 一级指标: 产出指标\n    三级指标: c\n  - 三级指标: d\n",
		"repeatedColumn": "类型: 部门整体\n指标:\n  - 一级指标: b\n    一级指标: c\n",
		"flow":           "{类型: 部门整体, 指标: [{一级指标: a, 三级指标: b}, {二级指标: c}]}\n",
		"noIndicators":   "类型: 部门整体\n单位: a\n",
		"emptyList":      "类型: 部门整体\n指标: []\n",
		"nullList":       "类型: 部门整体\n指标:\n",
	} {
		files[name] = []byte(text)
	}
	for name, b := range files {
		var root yaml.Node
		if err := yaml.Unmarshal(b, &root); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var f file
		_ = root.Decode(&f) // what decodes, as Decode goes on past type errors
		want := provenanceByPaths(&f, &root)
		if got := provenance(&f, &root); !cmp.Equal(got, want) {
			t.Errorf("%s: provenance differs from the lookup by paths (-paths +got):\n%s", name, cmp.Diff(want, got))
		}
	}
	// and the rows themselves, whatever decodes of them, beyond the
	// file's indicators
	for _, name := range []string{"columnsLeftOut", "rowNotMapping", "repeatedKey", "repeatedColumn", "flow", "noIndicators", "emptyList", "nullList"} {
		var root yaml.Node
		if err := yaml.Unmarshal(files[name], &root); err != nil {
			t.Fatal(err)
		}
		rows := indicatorRows{root: &root}
		rows.find()
		for i := range 4 {
			for _, field := range []string{"一级指标", "三级指标", "评分标准", "分值", "无此列"} {
				if got, want := rows.line(i, field), lineOf(&root, fmt.Sprintf("指标[%d].%s", i+1, field)); got != want {
					t.Errorf("%s: row %d %s: line %d, lineOf says %d", name, i, field, got, want)
				}
			}
		}
	}
	for _, r := range []indicatorRows{{}, {root: &yaml.Node{Kind: yaml.DocumentNode}}} {
		r.find()
		if got := r.line(0, "一级指标"); got != 0 {
			t.Errorf("no file: line %d, want 0", got)
		}
	}
}
