package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"jixiao"
	"jixiao/extract"
	"jixiao/gen"
	"jixiao/importer"
	"jixiao/yamlfile"
)

// plainDecode is the route yamlfile.DecodeJSON stands in for: the JSON
// indented one key per line and read by the file decoder.
func plainDecode(b []byte, name string) (*jixiao.Evaluation, error) {
	var indented bytes.Buffer
	if err := json.Indent(&indented, b, "", " "); err != nil {
		return nil, err
	}
	return yamlfile.Decode(indented.Bytes(), name)
}

// TestDecodeEvaluationMatchesPlain checks that a save's body reads to the
// same evaluation, or the same error with the same field, through
// yamlfile.DecodeJSON as through the plain route: the sample, generated
// evaluations (their API form, and with figures as JSON numbers) and
// edge cases.
func TestDecodeEvaluationMatchesPlain(t *testing.T) {
	doc, err := importer.Open("../testdata/samples/yanfeng-sfj-2024.txt", importer.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := extract.Extract(doc)
	evs := []*jixiao.Evaluation{sample}
	for i := range 60 {
		c, err := gen.Generate(3, i, gen.Options{ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, c.Eval)
	}
	bodies := map[string][]byte{}
	for i, ev := range evs {
		raw, err := evaluationJSON(ev)
		if err != nil {
			t.Fatal(err)
		}
		bodies[fmt.Sprintf("ev%03d", i)] = raw
		// figures as numbers, where they are numbers
		bodies[fmt.Sprintf("num%03d", i)] = unquoteNumbers(raw)
	}
	for name, body := range map[string]string{
		"unknown":    `{"类型":"部门整体","预算":{"全年预算":"1"}}`,
		"unknownRow": `{"类型":"部门整体","指标":[{"一级指标":"产出指标","三级指标":"a","分数":"1"}]}`,
		"several":    `{"类型":"无","年度":"二〇二四","预算":{"全年预算数":"abc","执行率":[1]},"多余":1}`,
		"listValue":  `{"类型":"部门整体","预算":{"全年预算数":[1]}}`,
		"duplicate":  `{"类型":"部门整体","单位":"a","单位":"b"}`,
		"slash":      `{"类型":"部门整体","单位":"a\/b"}`,
		"surrogate":  `{"类型":"部门整体","单位":"\ud83d\ude00"}`,
		"array":      `[1]`,
		"empty":      ``,
		"null":       `null`,
		"notJSON":    `{"类型":`,
	} {
		bodies[name] = []byte(body)
	}
	for name, body := range bodies {
		got, gerr := decodeEvaluation(body)
		want, werr := decodeEvaluationWith(body, plainDecode)
		if !reflect.DeepEqual(gerr, werr) {
			t.Errorf("%s: error\n got %v\nwant %v", name, gerr, werr)
			continue
		}
		if gerr != nil && errorField(gerr) == "" {
			t.Errorf("%s: error %v names no field", name, gerr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: evaluations differ: %v", name, jixiao.DiffEvaluations(want, got))
		}
	}
}

// unquoteNumbers writes every string value that is a plain decimal as a
// JSON number, as a script might send it.
func unquoteNumbers(raw []byte) []byte {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		panic(err)
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				x[k] = walk(c)
			}
		case []any:
			for i, c := range x {
				x[i] = walk(c)
			}
		case string:
			if json.Valid([]byte(x)) && x != "" && strings.Trim(x, "0123456789.-") == "" {
				return json.Number(x)
			}
		}
		return v
	}
	out, err := json.Marshal(walk(v))
	if err != nil {
		panic(err)
	}
	return out
}
