package web

import (
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// maxPage bounds a list's page size.
const maxPage = 500

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// pathID reads a positive integer path parameter.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, invalidField(name, "地址中的编号 %q 无效", r.PathValue(name))
	}
	return id, nil
}

// postedID reads the {id} of a page's form post and parses the form: the
// start of every handler that acts on one object from a form.
func postedID(r *http.Request) (int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, err
	}
	if err := r.ParseForm(); err != nil {
		return 0, jixiao.Errorf(jixiao.EInvalid, "表单无法读取")
	}
	return id, nil
}

// queryInt reads an optional non-negative integer query parameter.
func queryInt(r *http.Request, name string) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, invalidField(name, "参数 %s 应为非负整数，而不是 %q", name, s)
	}
	return n, nil
}

// queryID reads an optional ID query parameter.
func queryID(r *http.Request, name string) (int64, error) {
	n, err := queryInt(r, name)
	return int64(n), err
}

// queryBool reads an optional boolean query parameter.
func queryBool(r *http.Request, name string) bool {
	switch strings.ToLower(r.URL.Query().Get(name)) {
	case "1", "true", "yes":
		return true
	}
	return false
}

// page reads offset and limit, defaulting the limit to 100.
func page(r *http.Request) (offset, limit int, err error) {
	if offset, err = queryInt(r, "offset"); err != nil {
		return
	}
	if limit, err = queryInt(r, "limit"); err != nil {
		return
	}
	if limit == 0 {
		limit = 100
	}
	return offset, min(limit, maxPage), nil
}

// queryKind reads an optional table kind.
func queryKind(r *http.Request, name string) (jixiao.Kind, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return "", nil
	}
	k, ok := jixiao.ParseKind(s)
	if !ok {
		return "", invalidField(name, "自评表类型 %q 无效：应为部门整体或项目", s)
	}
	return k, nil
}

// parseKind reads a required table kind from a request body.
func parseKind(field, s string) (jixiao.Kind, error) {
	k, ok := jixiao.ParseKind(s)
	if !ok {
		return "", invalidField(field, "自评表类型 %q 无效：应为部门整体或项目", s)
	}
	return k, nil
}
