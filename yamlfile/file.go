// Package yamlfile reads and writes an evaluation as a YAML file a finance
// officer can edit by hand (docs/format.md). Keys are Chinese, figures are
// kept exactly as written, and every error names the line and the field.
package yamlfile

import (
	"errors"
	"reflect"

	"go.yaml.in/yaml/v3"
)

// file is the wire form of an evaluation file.
type file struct {
	Kind        string      `yaml:"类型"`
	Unit        string      `yaml:"单位"`
	Department  string      `yaml:"主管部门"`
	Year        *scalar     `yaml:"年度"`
	Project     string      `yaml:"项目名称"`
	ProjectCode string      `yaml:"项目编码"`
	Rules       string      `yaml:"规则集"`
	Budget      budget      `yaml:"预算"`
	Goal        goal        `yaml:"年度总体目标"`
	Indicators  []indRow    `yaml:"指标"`
	Total       *scalar     `yaml:"总分"`
	Grade       string      `yaml:"等级"`
	Report      *reportFile `yaml:"自评报告"`
}

type budget struct {
	Request  *scalar `yaml:"年度预算申请"`
	Initial  *scalar `yaml:"年初预算数"`
	FullYear *scalar `yaml:"全年预算数"`
	Executed *scalar `yaml:"全年执行数"`
	Weight   *scalar `yaml:"分值"`
	Rate     *scalar `yaml:"执行率"`
	Score    *scalar `yaml:"得分"`
	Splits   []split `yaml:"细分"`
}

type split struct {
	Name string     `yaml:"名称"`
	Rows []splitRow `yaml:"行"`
}

type splitRow struct {
	Name     string  `yaml:"名称"`
	Initial  *scalar `yaml:"年初预算数"`
	FullYear *scalar `yaml:"全年预算数"`
	Executed *scalar `yaml:"全年执行数"`
	Rate     *scalar `yaml:"执行率"`
}

type goal struct {
	Expected string `yaml:"预期目标"`
	Actual   string `yaml:"实际完成情况"`
}

type indRow struct {
	Level1    string  `yaml:"一级指标"`
	Level2    string  `yaml:"二级指标"`
	Name      string  `yaml:"三级指标"`
	Target    *scalar `yaml:"年度指标值"`
	Actual    *scalar `yaml:"实际完成值"`
	Unit      string  `yaml:"度量单位"`
	Standard  string  `yaml:"评分标准"`
	Type      string  `yaml:"指标值类型"`
	Weight    *scalar `yaml:"分值"`
	Score     *scalar `yaml:"得分"`
	Deviation string  `yaml:"偏差原因分析及改进措施"`
	line      int
}

// scalar is one value exactly as written, with its line.
type scalar struct {
	Text string
	Line int
}

// UnmarshalYAML keeps the scalar's text as written ("641.20" stays
// "641.20", not a float) and refuses lists and maps where a value belongs.
func (s *scalar) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{lineMsg(n.Line, "这里应为单个值（数字或文字），不是列表或映射")}}
	}
	s.Text, s.Line = n.Value, n.Line
	return nil
}

// UnmarshalYAML records the row's line for error messages.
func (r *indRow) UnmarshalYAML(n *yaml.Node) error {
	type plain indRow
	var p plain
	// Node.Decode does not inherit the file decoder's KnownFields: a
	// misspelt column would vanish, so unknown keys are looked for here.
	var unknown []string
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !indRowKeys[k.Value] {
				unknown = append(unknown, lineMsg(k.Line, "field "+k.Value+" not found in type yamlfile.indRow"))
			}
		}
	}
	err := n.Decode(&p)
	*r = indRow(p)
	r.line = n.Line
	if len(unknown) > 0 {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			unknown = append(unknown, te.Errors...)
		}
		return &yaml.TypeError{Errors: unknown}
	}
	return err
}

// indRowKeys are the keys an indicator row may have.
var indRowKeys = func() map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeOf(indRow{})
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("yaml"); tag != "" {
			m[tag] = true
		}
	}
	return m
}()
