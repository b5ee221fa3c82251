package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// writeJSON writes v as the JSON body of an answer with the given status.
// A value that encodes itself from parts already encoded (an evaluation)
// is written as it appends itself: encoding/json would check and copy
// every byte of those parts again.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if a, ok := v.(interface{ appendJSON([]byte) ([]byte, error) }); ok {
		if b, err := a.appendJSON(nil); err == nil {
			w.Header().Set("Content-Length", strconv.Itoa(len(b)+1)) // written at once, not chunked
			w.WriteHeader(status)
			_, _ = w.Write(append(b, '\n'))
			return
		}
	}
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away; nothing to tell it
}

// marshalJSON encodes v as writeJSON does, without escaping <, > and &
// (the answers are JSON, never HTML), and without the final newline.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// decodeJSON reads the request body into v. The body must be JSON, hold
// one value and no field v does not know, so that a misspelt field is an
// error rather than silently ignored.
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return jixiao.Errorf(eUnsupported, "请求体应为 JSON（Content-Type: application/json）")
		}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return jixiao.Errorf(jixiao.EInvalid, "请求体只能包含一个 JSON 值")
	}
	return nil
}

// jsonError translates a decoding error into a message a user can act on.
func jsonError(err error) error {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return jixiao.Errorf(eTooLarge, "请求体超过 %d 字节的上限", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return jixiao.Errorf(jixiao.EInvalid, "请求体为空，应为 JSON")
	case errors.As(err, &syntax):
		return jixiao.Errorf(jixiao.EInvalid, "请求体不是有效的 JSON（第 %d 字节附近）", syntax.Offset)
	case errors.As(err, &typ):
		return invalidField(typ.Field, "字段 %s 的类型不对，应为 %s", typ.Field, typ.Type)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return invalidField(name, "未知字段 %s", name)
	}
	return jixiao.Errorf(jixiao.EInvalid, "请求体无法读取：%v", err)
}
