package yamlfile

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// DecodeJSON reads an evaluation in the file form written as JSON (the
// API's form). JSON is YAML: the answer, evaluation or error, is the one
// Decode gives for the JSON indented one key per line, so that errors name
// the field at fault and a line of that form.
//
// Decode would parse the text twice with the YAML parser, which was a third
// of an API save. Here the JSON is read into the node tree YAML would
// build, and the file form is decoded from that tree. Only a body that
// decodes without any problem is answered that way: one with a problem, or
// with what YAML reads otherwise than JSON (an escaped "/", a surrogate
// pair, a line separator), goes through Decode, so that its errors are
// Decode's own.
func DecodeJSON(b []byte, name string) (*jixiao.Evaluation, error) {
	if !json.Valid(b) {
		return nil, &Error{File: name, Msg: "不是有效的 JSON"}
	}
	return DecodeValidJSON(b, name)
}

// DecodeValidJSON is DecodeJSON for b that is valid JSON (json.Valid), as
// the value of a request already decoded is: it does not look again.
func DecodeValidJSON(b []byte, name string) (*jixiao.Evaluation, error) {
	if ev := decodeJSONTree(b, name); ev != nil {
		return ev, nil
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, b, "", " "); err != nil {
		return nil, &Error{File: name, Msg: "不是有效的 JSON"}
	}
	return Decode(indented.Bytes(), name)
}

// decodeJSONTree returns the evaluation in valid JSON b, or nil when b
// is not plain or holds any problem.
func decodeJSONTree(b []byte, name string) *jixiao.Evaluation {
	if !yamlReadsAsJSON(b) {
		return nil
	}
	root, ok := jsonNode(b)
	if !ok || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	// Node.Decode does not refuse unknown keys as Decode's KnownFields
	// does: they are looked for first.
	if !knownKeys(root.Content[0], reflect.TypeOf(file{})) {
		return nil
	}
	var f file
	if err := root.Decode(&f); err != nil {
		return nil
	}
	ev, errs := f.evaluation(name, root)
	if len(errs) > 0 {
		return nil
	}
	return ev
}

// yamlReadsAsJSON reports whether the YAML parser reads valid JSON b as
// JSON does: every character is one YAML allows, none is a line break to
// YAML but not to JSON, and no escape is one YAML lacks (\/) or refuses
// (\u of a surrogate half).
func yamlReadsAsJSON(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c == '\\' {
			switch e := b[i+1]; {
			case e == '/':
				return false
			case e == 'u' && (b[i+2] == 'd' || b[i+2] == 'D') && strings.IndexByte("89abcdefABCDEF", b[i+3]) >= 0:
				return false
			}
			i += 2
			continue
		}
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF,
			r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// maxJSONDepth bounds the nesting read into a tree: an evaluation is five
// levels deep, anything deeper is refused and goes the long way.
const maxJSONDepth = 32

// jsonNode returns the YAML document node of valid JSON b, with the lines
// the parser gives the JSON indented one key or element per line
// (json.Indent), which is what Decode reads. Plain scalars carry no tag:
// the YAML decoder resolves them as the parser would.
func jsonNode(b []byte) (*yaml.Node, bool) {
	r := &jsonReader{b: b, line: 1}
	n, ok := r.value(0)
	if !ok {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{n}}, true
}

type jsonReader struct {
	b    []byte
	i    int
	line int
}

func (r *jsonReader) skip() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next byte past white space; b is valid JSON, so a
// value is always there when one is read.
func (r *jsonReader) peek() byte {
	r.skip()
	return r.b[r.i]
}

func (r *jsonReader) value(depth int) (*yaml.Node, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	switch c := r.peek(); c {
	case '{':
		return r.container(depth, '}', yaml.MappingNode)
	case '[':
		return r.container(depth, ']', yaml.SequenceNode)
	case '"':
		return r.str()
	default:
		start := r.i
		for r.i < len(r.b) && !strings.ContainsRune(" \t\n\r,]}", rune(r.b[r.i])) {
			r.i++
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Value: string(r.b[start:r.i]), Line: r.line}, true
	}
}

// container reads an object or an array: json.Indent puts each member on
// a line of its own and the closing bracket on the next, unless it is
// empty.
func (r *jsonReader) container(depth int, end byte, kind yaml.Kind) (*yaml.Node, bool) {
	n := &yaml.Node{Kind: kind, Style: yaml.FlowStyle, Line: r.line}
	r.i++
	if r.peek() == end {
		r.i++
		return n, true
	}
	for {
		r.line++
		if kind == yaml.MappingNode {
			k, ok := r.str()
			if !ok {
				return nil, false
			}
			r.peek() // the colon
			r.i++
			n.Content = append(n.Content, k)
		}
		v, ok := r.value(depth + 1)
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, v)
		if r.peek() == end {
			r.i++
			r.line++
			return n, true
		}
		r.i++ // the comma
	}
}

func (r *jsonReader) str() (*yaml.Node, bool) {
	r.skip()
	start, escaped := r.i, false
	for r.i++; r.b[r.i] != '"'; r.i++ {
		if r.b[r.i] == '\\' {
			escaped = true
			r.i++
		}
	}
	r.i++
	raw := r.b[start+1 : r.i-1]
	s, known := fieldNames()[string(raw)] // a key's name, not allocated again
	if !known {
		s = string(raw)
	}
	if escaped {
		var ok bool
		if s, ok = unescape(raw); !ok {
			if err := json.Unmarshal(r.b[start:r.i], &s); err != nil {
				return nil, false
			}
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s, Line: r.line}, true
}

// fieldNames are the keys of the file form, each its own value.
var fieldNames = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if key, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); key != "" && key != "-" {
				names[key] = key
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[file]())
	return names
})

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// knownKeys reports whether every key of the mappings in n that decode
// into a struct of type t, at any depth, is one of its fields, as the
// YAML decoder's KnownFields requires. A type that decodes itself (an
// indicator row) checks its own keys.
func knownKeys(n *yaml.Node, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return true
	}
	switch {
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if !knownKeys(c, t.Elem()) {
				return false
			}
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields, ok := structKeys(t)
		if !ok {
			return false
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			ft, known := fields[n.Content[i].Value]
			if !known || !knownKeys(n.Content[i+1], ft) {
				return false
			}
		}
	}
	return true
}

// structKeys is yamlFields, computed once per type.
func structKeys(t reflect.Type) (map[string]reflect.Type, bool) {
	if v, ok := fieldCache.Load(t); ok {
		m := v.(map[string]reflect.Type)
		return m, m != nil
	}
	m, _ := yamlFields(t)
	fieldCache.Store(t, m)
	return m, m != nil
}

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type, nil when not read field by field

// yamlFields maps the keys of struct type t to their field types as the
// YAML decoder names them; false for a struct it does not read field by
// field (an inline field), which knownKeys leaves to Decode.
func yamlFields(t reflect.Type) (map[string]reflect.Type, bool) {
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		key, flags, _ := strings.Cut(tag, ",")
		if strings.Contains(flags, "inline") || f.Anonymous {
			return nil, false
		}
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		m[key] = f.Type
	}
	return m, true
}

// unescape returns the string the valid JSON string body raw (its quotes
// cut off) stands for, as json.Unmarshal reads it (TestUnescape), for the
// escapes of text: a report's line breaks, a quote. It answers false for
// what it leaves to json.Unmarshal: a \u of a surrogate half, invalid
// UTF-8.
func unescape(raw []byte) (string, bool) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		switch e := raw[i]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if i+4 >= len(raw) {
				return "", false
			}
			v, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 16)
			if err != nil || v >= 0xD800 && v < 0xE000 {
				return "", false
			}
			out = utf8.AppendRune(out, rune(v))
			i += 4
		default:
			return "", false
		}
	}
	if !utf8.Valid(out) {
		return "", false
	}
	return string(out), true
}
