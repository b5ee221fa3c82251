package yamlfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// jsonCases are API bodies: well-formed ones that the tree route decodes
// (tree true), and ones with problems or with what YAML reads otherwise
// than JSON, which go the long way.
var jsonCases = []struct {
	name string
	body string
	tree bool
}{
	{"FiguresAsStrings", `{"类型":"部门整体","单位":"某局","年度":2024,"预算":{"全年预算数":"641.20","全年执行数":"600","执行率":"93.57%"},"指标":[{"一级指标":"产出指标","三级指标":"完成率","分值":"10","得分":"9.5"}]}`, true},
	{"FiguresAsNumbers", `{"类型":"部门整体","年度":2024,"预算":{"全年预算数":641.20,"全年执行数":600,"分值":"1"},"指标":[{"一级指标":"产出指标","三级指标":"完成率","分值":10,"得分":-0.5}]}`, true},
	{"HugeNumbers", `{"类型":"项目","年度":"2024","预算":{"全年预算数":123456789012345678901234567890}}`, true},
	{"ErrExponents", `{"类型":"项目","预算":{"全年预算数":1e1,"全年执行数":1e400}}`, false},
	{"NullsAndEmpties", `{"类型":"部门整体","单位":null,"年度":null,"预算":{"细分":[]},"指标":[],"年度总体目标":{},"自评报告":null}`, true},
	{"Escapes", `{"类型":"部门整体","单位":"\u96c1\u5cf0\"局\"\\","年度总体目标":{"预期目标":"一\n二\t三 \u0001 \u2028"}}`, true},
	{"ReportNested", `{"类型":"部门整体","自评报告":{"前言":"x","基本情况":{"职能职责":["a","b"],"人员":{"编制人数":"12","说明":"y"}},"报告文字":[{"类别":"段落","文字":"z","源文件块":3,"源文件位置":{"行":2,"页":1}}]}}`, true},
	{"BoolWhereText", `{"类型":"部门整体","单位":true}`, true},
	{"ErrUnknownTop", `{"类型":"部门整体","不存在":1}`, false},
	{"ErrUnknownNested", `{"类型":"部门整体","预算":{"全年预算":"1"}}`, false},
	{"ErrUnknownInRow", `{"类型":"部门整体","指标":[{"一级指标":"产出指标","三级指标":"a","分数":"1"}]}`, false},
	{"ErrUnknownInReport", `{"类型":"部门整体","自评报告":{"基本情况":{"人员":{"人数":"1"}}}}`, false},
	{"ErrUnknownUnderWrongType", `{"类型":"部门整体","预算":[{"x":1}]}`, false},
	{"ErrSeveral", `{"类型":"无","年度":"二〇二四","预算":{"全年预算数":"abc","执行率":[1]},"指标":[{"一级指标":"","三级指标":"","指标值类型":"x"}],"多余":1}`, false},
	{"ErrListForScalar", `{"类型":"部门整体","预算":{"全年预算数":[1]}}`, false},
	{"ErrMapForText", `{"类型":"部门整体","单位":{"a":1}}`, false},
	{"ErrDuplicate", `{"类型":"部门整体","单位":"a","单位":"b"}`, false},
	{"ErrDuplicateInRow", `{"类型":"部门整体","指标":[{"一级指标":"a","三级指标":"b","三级指标":"c"}]}`, false},
	{"ErrMissingKind", `{"单位":"某局"}`, false},
	{"ErrEmptyObject", `{}`, false},
	{"ErrArray", `[1,2]`, false},
	{"ErrString", `"部门整体"`, false},
	{"ErrBadYear", `{"类型":"部门整体","年度":1800}`, false},
	{"ErrShortCode", `{"类型":"项目","项目编码":"123"}`, false},
	{"SlashEscape", `{"类型":"部门整体","单位":"a\/b"}`, false},
	{"SurrogatePair", `{"类型":"部门整体","单位":"\ud83d\ude00"}`, false},
	{"RawLineSeparator", "{\"类型\":\"部门整体\",\"单位\":\"a\u2028b\"}", false},
	{"RawNextLine", "{\"类型\":\"部门整体\",\"单位\":\"a\u0085b\"}", false},
	{"RawC1Control", "{\"类型\":\"部门整体\",\"单位\":\"a\u0090b\"}", false},
	{"InvalidUTF8", "{\"类型\":\"部门整体\",\"单位\":\"a\xffb\"}", false},
	{"Deep", `{"类型":"部门整体","单位":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, false},
	{"NotJSON", `{"类型":`, false},
}

// plainDecodeJSON is the route DecodeJSON must match: the JSON indented
// one key per line and read as YAML.
func plainDecodeJSON(b []byte, name string) (any, error) {
	var indented bytes.Buffer
	if err := json.Indent(&indented, b, "", " "); err != nil {
		return nil, &Error{File: name, Msg: "不是有效的 JSON"}
	}
	return Decode(indented.Bytes(), name)
}

func TestDecodeJSONMatchesDecode(t *testing.T) {
	cases := jsonCases
	sample := sampleJSON(t)
	cases = append(cases, struct {
		name string
		body string
		tree bool
	}{"Sample", string(sample), true})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := []byte(tc.body)
			got, gerr := DecodeJSON(b, "自评表")
			want, werr := plainDecodeJSON(b, "自评表")
			if !reflect.DeepEqual(gerr, werr) {
				t.Fatalf("error\n got %v\nwant %v", gerr, werr)
			}
			if json.Valid(b) { // and without looking again
				if valid, verr := DecodeValidJSON(b, "自评表"); !reflect.DeepEqual(verr, gerr) || !reflect.DeepEqual(valid, got) {
					t.Fatalf("DecodeValidJSON answers otherwise than DecodeJSON: %v, %v", valid, verr)
				}
			}
			if werr == nil && !reflect.DeepEqual(any(got), want) {
				t.Fatalf("evaluation\n got %+v\nwant %+v", got, want)
			}
			if tree := json.Valid(b) && decodeJSONTree(b, "自评表") != nil; tree != tc.tree {
				t.Errorf("read through the tree: %v, want %v", tree, tc.tree)
			}
		})
	}
}

// TestJSONNodeMatchesParser checks the tree built from JSON against the
// one the YAML parser builds from the indented text, node by node.
func TestJSONNodeMatchesParser(t *testing.T) {
	bodies := []string{string(sampleJSON(t)), `{}`, `[]`, `{"a":[],"b":{},"c":[[],[{}]],"d":[1,"2",null,true,false,-1.5e3]}`, `"x"`, `3`}
	for _, tc := range jsonCases {
		if tc.tree {
			bodies = append(bodies, tc.body)
		}
	}
	for _, body := range bodies {
		got, ok := jsonNode([]byte(body))
		if !ok {
			t.Errorf("%.60s: not read", body)
			continue
		}
		var indented bytes.Buffer
		if err := json.Indent(&indented, []byte(body), "", " "); err != nil {
			t.Fatal(err)
		}
		var want yaml.Node
		if err := yaml.Unmarshal(indented.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		if d := nodeDiff(got, &want, ""); d != "" {
			t.Errorf("%.60s: %s", body, d)
		}
	}
}

func nodeDiff(got, want *yaml.Node, at string) string {
	switch {
	case got.Kind != want.Kind, got.Style != want.Style, got.ShortTag() != want.ShortTag(), got.Value != want.Value,
		got.Line != want.Line, len(got.Content) != len(want.Content):
		return fmt.Sprintf("at %q: got kind %d style %d tag %s %q line %d (%d children), want kind %d style %d tag %s %q line %d (%d children)",
			at, got.Kind, got.Style, got.ShortTag(), got.Value, got.Line, len(got.Content),
			want.Kind, want.Style, want.ShortTag(), want.Value, want.Line, len(want.Content))
	}
	for i := range got.Content {
		if d := nodeDiff(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// sampleJSON is the sample file in the API's form: figures as strings,
// the year a number.
func sampleJSON(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		tb.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	writeTestJSON(&buf, doc.Content[0])
	return buf.Bytes()
}

func writeTestJSON(buf *bytes.Buffer, n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			buf.Write(k)
			buf.WriteByte(':')
			writeTestJSON(buf, n.Content[i+1])
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeTestJSON(buf, c)
		}
		buf.WriteByte(']')
	default:
		switch n.ShortTag() {
		case "!!null":
			buf.WriteString("null")
		case "!!int":
			buf.WriteString(n.Value)
		default:
			s, _ := json.Marshal(n.Value)
			buf.Write(s)
		}
	}
}

// FuzzDecodeJSON checks that DecodeJSON answers every body as the plain
// route does.
func FuzzDecodeJSON(f *testing.F) {
	f.Add(sampleJSON(f))
	for _, tc := range jsonCases {
		f.Add([]byte(tc.body))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, gerr := DecodeJSON(b, "自评表")
		want, werr := plainDecodeJSON(b, "自评表")
		if !reflect.DeepEqual(gerr, werr) {
			t.Fatalf("%q: error\n got %v\nwant %v", b, gerr, werr)
		}
		if werr == nil && !reflect.DeepEqual(any(got), want) {
			t.Fatalf("%q: evaluation\n got %+v\nwant %+v", b, got, want)
		}
	})
}

// TestCutIndex checks cutIndex against the regular expression it replaced.
func TestCutIndex(t *testing.T) {
	re := regexp.MustCompile(`^(.*)\[(\d+)\]$`)
	for _, part := range []string{"行[2]", "指标[12]", "指标", "a[b]", "[3]", "x[]", "x[1", "x1]", "x[1][2]", "x[-1]", "细分[0]", "表[１]"} {
		wantPart, wantIdx := part, 0
		if m := re.FindStringSubmatch(part); m != nil {
			wantPart = m[1]
			wantIdx, _ = strconv.Atoi(m[2])
		}
		if p, i := cutIndex(part); p != wantPart || i != wantIdx {
			t.Errorf("cutIndex(%q) = %q, %d; want %q, %d", part, p, i, wantPart, wantIdx)
		}
	}
}

// TestUnescape: unescape reads a JSON string's body as json.Unmarshal
// does, or leaves it to json.Unmarshal: strings json.Marshal writes from
// random pieces, and escapes written by hand.
func TestUnescape(t *testing.T) {
	pieces := []string{"a", "指标", "<", "&", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\u2028", "😀", "\ufffd", " "}
	rng := rand.New(rand.NewPCG(3, 4))
	var bodies []string
	for range 2000 {
		var s string
		for range rng.IntN(8) {
			s += pieces[rng.IntN(len(pieces))]
		}
		b, _ := json.Marshal(s)
		bodies = append(bodies, string(b[1:len(b)-1]))
	}
	bodies = append(bodies, `\/`, `a\u00e9b`, `\u0041\u4e2d`, `\uFFFF`, `\u0000`, `\ud83d\ude00`, `\ud800`, `\udfff`, `x\u`, `\u12`, `\uD7FF`, `\uE000`)
	left := 0
	for _, body := range bodies {
		got, ok := unescape([]byte(body))
		var want string
		err := json.Unmarshal([]byte(`"`+body+`"`), &want)
		switch {
		case !ok:
			left++
		case err != nil:
			t.Errorf("unescape(%q) = %q, json.Unmarshal refuses it: %v", body, got, err)
		case got != want:
			t.Errorf("unescape(%q) = %q, json.Unmarshal reads %q", body, got, want)
		}
	}
	if left > 10 {
		t.Errorf("%d of %d strings left to json.Unmarshal", left, len(bodies))
	}
}
