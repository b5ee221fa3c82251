package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"jixiao"
	"jixiao/internal/posjson"
	"jixiao/yamlfile"
)

// The API carries an evaluation in the evaluation file's own form
// (docs/format.md, docs/evaluation.schema.json): the same Chinese keys,
// every figure as the string it was stated as ("641.20" stays "641.20"),
// so that what a user reads and writes through the API is what the file
// format and the CLI show.

// evaluationJSON returns ev in the file form as JSON, keys in the file's
// order.
func evaluationJSON(ev *jixiao.Evaluation) (json.RawMessage, error) {
	root, err := evaluationNode(ev)
	if err != nil {
		return nil, err
	}
	// written into a pooled buffer and copied out at its size: the body
	// cache keeps it, and a fresh buffer reached it by doubling
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledPage {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := writeNodeJSON(buf, root, ""); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// evaluationNode returns ev's file form as a YAML mapping node.
func evaluationNode(ev *jixiao.Evaluation) (*yaml.Node, error) {
	return yamlfile.Node(ev), nil
}

// evaluationNodeViaText is evaluationNode the long way, through the YAML
// text Encode writes and yaml reads back: what a file on disk holds. The
// tests check that both give the same JSON.
func evaluationNodeViaText(ev *jixiao.Evaluation) (*yaml.Node, error) {
	var y bytes.Buffer
	if err := yamlfile.Encode(&y, ev, yamlfile.Options{}); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(y.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("web: re-reading the encoded evaluation: %w", err)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	return doc.Content[0], nil
}

// writeNodeJSON writes n as JSON. Scalars are strings, except 年度, an
// integer in the schema, and nulls.
func writeNodeJSON(buf *bytes.Buffer, n *yaml.Node, key string) error {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k := n.Content[i].Value
			writeString(buf, k)
			buf.WriteByte(':')
			if err := writeNodeJSON(buf, n.Content[i+1], k); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeNodeJSON(buf, c, ""); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		switch {
		case n.Tag == "!!null":
			buf.WriteString("null")
		case key == "年度" && n.Tag == "!!int":
			if _, err := strconv.Atoi(n.Value); err != nil {
				writeString(buf, n.Value)
			} else {
				buf.WriteString(n.Value)
			}
		default:
			writeString(buf, n.Value)
		}
	case yaml.AliasNode:
		return writeNodeJSON(buf, n.Alias, key)
	default:
		return fmt.Errorf("web: unexpected YAML node kind %d", n.Kind)
	}
	return nil
}

// writeString writes s as json.Marshal does (posjson.AppendString, which
// TestWriteStringAsMarshal holds to it), in place: json.Marshal costs an
// allocation and a reflective call for each string, which was a third of
// encoding an evaluation.
func writeString(buf *bytes.Buffer, s string) {
	buf.Write(posjson.AppendString(buf.AvailableBuffer(), s, true))
}

// decodeEvaluation reads an evaluation in the file form from JSON. JSON is
// YAML, so the file format's own decoder reads it, with its checks and its
// messages naming the field at fault. decodeEvaluationWith has checked
// that raw is valid JSON, which the decoder need not do again.
func decodeEvaluation(raw json.RawMessage) (*jixiao.Evaluation, error) {
	return decodeEvaluationWith(raw, yamlfile.DecodeValidJSON)
}

// decodeEvaluationWith is decodeEvaluation with the file decoder given:
// the tests compare yamlfile.DecodeJSON with the plain route, the JSON
// indented one key per line (so that the decoder names lines) and read by
// yamlfile.Decode.
func decodeEvaluationWith(raw json.RawMessage, decode func([]byte, string) (*jixiao.Evaluation, error)) (*jixiao.Evaluation, error) {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, invalidField("evaluation", "缺少自评表内容")
	}
	if !json.Valid(raw) {
		return nil, invalidField("evaluation", "自评表内容不是有效的 JSON")
	}
	ev, err := decode(raw, "自评表")
	if err != nil {
		var ye *yamlfile.Error
		if errors.As(err, &ye) {
			field := "evaluation"
			if ye.Field != "" {
				field += "." + ye.Field
			}
			return nil, invalidField(field, "自评表内容有误：%s", ye.Msg)
		}
		return nil, invalidField("evaluation", "自评表内容有误：%v", err)
	}
	return ev, nil
}
