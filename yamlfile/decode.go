package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// MaxFileBytes bounds what Decode reads: an evaluation file is a few KiB.
const MaxFileBytes = 8 << 20

// Error is a problem in an evaluation file, at a line and a field.
type Error struct {
	File  string
	Line  int    // 1-based; 0 when unknown
	Field string // "预算.全年预算数", "指标[3].得分"
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func lineMsg(line int, msg string) string { return fmt.Sprintf("line %d: %s", line, msg) }

// Read decodes an evaluation file from r; name is used in errors.
func Read(r io.Reader, name string) (*jixiao.Evaluation, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxFileBytes {
		return nil, &Error{File: name, Msg: fmt.Sprintf("文件超过 %d MiB，不像自评表文件", MaxFileBytes>>20)}
	}
	return Decode(b, name)
}

// ErrorList is every problem found in one evaluation file, in line order:
// a finance officer fixes them all in one pass instead of one per run.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// result returns nil for no error, the *Error itself for one, and the list
// for more.
func (l ErrorList) result() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
	return l
}

// Decode parses an evaluation file. A syntax error stops the reading; past
// it, every unknown field, value of the wrong type and figure that is not a
// number is reported at once, as an ErrorList when there are several.
func Decode(b []byte, name string) (ev *jixiao.Evaluation, err error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, syntaxError(name, b, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, &Error{File: name, Msg: "文件为空"}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: root.Content[0].Line, Msg: "文件顶层应为“键: 值”的映射（类型、单位、预算、指标 …）"}
	}
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var errs ErrorList
	if err := dec.Decode(&f); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, syntaxError(name, b, err)
		}
		// yaml.v3 goes on past type errors: what it decoded is checked too
		for _, m := range te.Errors {
			errs = append(errs, typeError(name, &root, m))
		}
	}
	ev, cerrs := f.evaluation(name, &root)
	for _, e := range cerrs {
		if !errs.has(e.Field) {
			errs = append(errs, e)
		}
	}
	if err := errs.result(); err != nil {
		return nil, err
	}
	return ev, nil
}

func (l ErrorList) has(field string) bool {
	for _, e := range l {
		if field != "" && e.Field == field {
			return true
		}
	}
	return false
}

var (
	reLine      = regexp.MustCompile(`line (\d+): `)
	reUnknown   = regexp.MustCompile(`field (.+) not found in type \S+`)
	reType      = regexp.MustCompile(`cannot unmarshal !!(\w+) ` + "`?" + `([^` + "`" + `]*)` + "`?" + ` into (\S+)`)
	reDuplicate = regexp.MustCompile(`mapping key "(.*)" already defined at line (\d+)`)
)

// typeError turns one of yaml.v3's type errors into an *Error naming the
// line and the field, in Chinese. yaml.v3 shortens long values by bytes
// and may cut a Chinese character in two: the value is taken whole from
// the parsed file instead.
func typeError(name string, root *yaml.Node, msg string) *Error {
	msg = strings.TrimSpace(msg)
	e := &Error{File: name, Msg: msg}
	if m := reLine.FindStringSubmatchIndex(msg); m != nil {
		e.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
		e.Msg = strings.TrimSpace(msg[m[1]:])
		e.Field = pathAt(root, e.Line)
	}
	switch {
	case reUnknown.MatchString(e.Msg):
		m := reUnknown.FindStringSubmatch(e.Msg)
		e.Msg = fmt.Sprintf("未知字段“%s”（字段名见 docs/format.md；注意全角冒号“：”应为半角“:”）", m[1])
	case reType.MatchString(e.Msg):
		m := reType.FindStringSubmatch(e.Msg)
		v := valueAt(root, e.Line)
		if v == "" {
			v = strings.ToValidUTF8(strings.TrimSuffix(m[2], "..."), "")
		}
		e.Msg = fmt.Sprintf("值“%s”的类型不对（应为%s）", v, goTypeName(m[3]))
	case reDuplicate.MatchString(e.Msg):
		m := reDuplicate.FindStringSubmatch(e.Msg)
		e.Msg = fmt.Sprintf("字段“%s”重复（第 %s 行已有）", m[1], m[2])
	case !hasHan(e.Msg):
		e.Msg = "值的类型不对（" + e.Msg + "）"
	}
	e.Msg = strings.ToValidUTF8(e.Msg, "")
	return e
}

// syntaxMessages translates yaml.v3's syntax errors, which are English.
var syntaxMessages = []struct{ en, zh string }{
	{"mapping values are not allowed in this context", "这里不能有“键: 值”：上一行的值未结束，或冒号后缺少空格、缩进不对"},
	{"did not find expected key", "缩进不对：这一行与同级的键没有对齐"},
	{"did not find expected ',' or ']'", "方括号列表 [ … ] 没有闭合"},
	{"did not find expected ',' or '}'", "花括号映射 { … } 没有闭合"},
	{"could not find expected ':'", "缺少半角冒号“:”（注意全角冒号“：”应为半角“:”，且冒号后加空格）"},
	{"found character that cannot start any token", "有不能作为开头的字符（例如制表符或 @、`）：请用空格缩进，或给值加引号"},
	{"found a tab character that violates indentation", "缩进中有制表符：请用空格缩进"},
	{"found a tab character where an indentation space is expected", "缩进中有制表符：请用空格缩进"},
	{"block sequence entries are not allowed in this context", "这里不能有列表项“- ”：缩进不对"},
	{"did not find expected node content", "缺少值"},
	{"did not find expected '-' indicator", "列表项缩进不对：应以“- ”开头并与同级对齐"},
	{"found unexpected end of stream", "文件意外结束：引号或括号没有闭合"},
	{"found unknown escape character", "双引号中有未知的转义符“\\”：请改用单引号"},
	{"control characters are not allowed", "文件中有控制字符"},
	{"invalid leading UTF-8 octet", "文件不是 UTF-8 编码：请另存为 UTF-8"},
	{"incomplete UTF-8 octet sequence", "文件不是 UTF-8 编码：请另存为 UTF-8"},
	{"invalid Unicode character", "文件不是 UTF-8 编码：请另存为 UTF-8"},
	{"found undefined alias", "引用了未定义的锚点（*名称）"},
	{"unknown anchor", "引用了未定义的锚点（*名称）"},
	{"found unexpected ':'", "多了一个冒号：含冒号的值请加引号"},
}

// syntaxError turns a yaml.v3 parse error into an *Error in Chinese,
// naming its line.
func syntaxError(name string, b []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: name, Msg: msg}
	if m := reLine.FindStringSubmatchIndex(msg); m != nil {
		e.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
		e.Msg = strings.TrimSpace(msg[m[1]:])
	}
	zh := ""
	for _, t := range syntaxMessages {
		if strings.Contains(e.Msg, t.en) {
			zh = t.zh
			break
		}
	}
	if m := reDuplicate.FindStringSubmatch(e.Msg); m != nil {
		zh = fmt.Sprintf("字段“%s”重复（第 %s 行已有）", m[1], m[2])
	}
	if zh == "" {
		zh = "YAML 格式错误"
	}
	if line := lineText(b, e.Line); strings.Contains(line, "：") && !strings.Contains(line, ": ") {
		zh += "；这一行用了全角冒号“：”，键与值之间应为半角“: ”"
	}
	e.Msg = strings.ToValidUTF8("YAML 语法错误："+zh, "")
	return e
}

func lineText(b []byte, line int) string {
	if line <= 0 {
		return ""
	}
	lines := strings.SplitN(string(b), "\n", line+1)
	if line > len(lines) {
		return ""
	}
	return lines[line-1]
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// valueAt returns the text of the first scalar value on a line.
func valueAt(root *yaml.Node, line int) string {
	var found string
	var walk func(n *yaml.Node, isKey bool)
	walk = func(n *yaml.Node, isKey bool) {
		if found != "" {
			return
		}
		if n.Kind == yaml.ScalarNode && n.Line == line && !isKey {
			found = n.Value
			return
		}
		for i, c := range n.Content {
			walk(c, n.Kind == yaml.MappingNode && i%2 == 0)
		}
	}
	walk(root, false)
	return found
}

func goTypeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "列表"
	case t == "string":
		return "文字"
	case strings.Contains(t, "yamlfile."):
		return "映射（键: 值）"
	}
	return t
}

// pathAt returns the field path of the key or value on a line.
func pathAt(root *yaml.Node, line int) string {
	var walk func(n *yaml.Node, path string) string
	walk = func(n *yaml.Node, path string) string {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p := walk(c, path); p != "" {
					return p
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := join(path, k.Value)
				if k.Line == line {
					return p
				}
				if sub := walk(v, p); sub != "" {
					return sub
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := fmt.Sprintf("%s[%d]", path, i+1)
				if sub := walk(c, p); sub != "" {
					return sub
				}
				if c.Line == line {
					return p
				}
			}
		case yaml.ScalarNode:
			if n.Line == line {
				return path
			}
		}
		return ""
	}
	return walk(root, "")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
