package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
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

// Decode parses an evaluation file.
func Decode(b []byte, name string) (ev *jixiao.Evaluation, err error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, yamlError(name, &root, err)
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
	if err := dec.Decode(&f); err != nil {
		return nil, yamlError(name, &root, err)
	}
	return f.evaluation(name, &root)
}

var (
	reLine    = regexp.MustCompile(`line (\d+): `)
	reUnknown = regexp.MustCompile(`field (.+) not found in type \S+`)
	reType    = regexp.MustCompile(`cannot unmarshal !!(\w+) ` + "`?" + `([^` + "`" + `]*)` + "`?" + ` into (\S+)`)
)

// yamlError turns a yaml.v3 error into an *Error naming line and field.
func yamlError(name string, root *yaml.Node, err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	first := strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	e := &Error{File: name, Msg: first}
	if m := reLine.FindStringSubmatch(first); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = strings.TrimSpace(first[len(m[0])+strings.Index(first, m[0]):])
		e.Field = pathAt(root, e.Line)
	}
	if m := reUnknown.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = fmt.Sprintf("未知字段“%s”（字段名见 docs/format.md；注意全角冒号“：”应为半角“:”）", m[1])
	} else if m := reType.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = fmt.Sprintf("值 %q 的类型不对（应为%s）", m[2], goTypeName(m[3]))
	}
	var se *yaml.TypeError
	if errors.As(err, &se) && len(se.Errors) > 1 {
		e.Msg += fmt.Sprintf("（另有 %d 处错误）", len(se.Errors)-1)
	}
	return e
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
