package yamlfile

import (
	"encoding/json"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestDecodeTreeMatchesNodeDecode: what decodeTree takes, it decodes as
// Node.Decode does, and it takes the sample and the plain cases; what it
// leaves, Node.Decode decodes otherwise or refuses. The bodies are the
// JSON cases, the sample's JSON, and values Node.Decode reads in its own
// way: nulls for every part, numbers and booleans where text belongs,
// nulls in lists, empty lists and mappings, repeated keys.
func TestDecodeTreeMatchesNodeDecode(t *testing.T) {
	bodies := map[string]string{"Sample": string(sampleJSON(t))}
	takes := map[string]bool{"Sample": true, "FiguresAsStrings": true, "FiguresAsNumbers": true, "NullsAndEmpties": true,
		"Escapes": true, "ReportNested": true, "BoolWhereText": false, "ErrDuplicate": false}
	for _, tc := range jsonCases {
		bodies[tc.name] = tc.body
	}
	for name, tc := range map[string]struct {
		body  string
		takes bool
	}{
		"NullParts":      {`{"类型":"部门整体","单位":null,"预算":null,"年度总体目标":null,"指标":null,"年度":null,"总分":null,"自评报告":null}`, true},
		"NullFigures":    {`{"预算":{"全年预算数":null,"细分":[{"名称":null,"行":[{"名称":"a","年初预算数":null}]}]},"指标":[{"一级指标":null,"分值":null}]}`, true},
		"NullText":       {`{"总分":"null","单位":"null"}`, true},
		"Empty":          {`{"预算":{},"指标":[],"年度总体目标":{},"自评报告":{}}`, true},
		"EmptySplits":    {`{"预算":{"细分":[]}}`, true},
		"ScalarKinds":    {`{"年度":2024,"总分":95.5,"预算":{"分值":true,"得分":-1}}`, true},
		"NumberText":     {`{"单位":12}`, false},
		"BoolText":       {`{"单位":false}`, false},
		"NullInList":     {`{"指标":[null,{"一级指标":"a"}]}`, false},
		"NullRow":        {`{"预算":{"细分":[{"名称":"x","行":[null]}]}}`, false},
		"TextForList":    {`{"指标":"a"}`, false},
		"TextForMapping": {`{"预算":"a"}`, false},
		"ListForScalar":  {`{"年度":[2024]}`, false},
		"TextInList":     {`{"指标":["a"]}`, false},
		"RepeatedTop":    {`{"单位":"a","单位":"b"}`, false},
		"RepeatedInRow":  {`{"指标":[{"一级指标":"a","一级指标":"b"}]}`, false},
		"UnknownInRow":   {`{"指标":[{"分数":"1"}]}`, false},
		"ReportNull":     {`{"自评报告":null}`, true},
		"ReportText":     {`{"自评报告":"a"}`, false},
	} {
		bodies[name], takes[name] = tc.body, tc.takes
	}
	for name, body := range bodies {
		if !json.Valid([]byte(body)) {
			continue
		}
		root, ok := jsonNode([]byte(body))
		if !ok || root.Content[0].Kind != yaml.MappingNode {
			continue
		}
		var want file
		werr := root.Decode(&want)
		var got file
		took := decodeTree(root.Content[0], &got)
		if took && (werr != nil || !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: decodeTree took it as\n %+v\nNode.Decode gives\n %+v (%v)", name, got, want, werr)
		}
		if want, ok := takes[name]; ok && took != want {
			t.Errorf("%s: decodeTree took it: %v, want %v", name, took, want)
		}
	}
}
