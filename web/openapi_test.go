package web

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes checks that every route in routes.go is
// described in openapi.yaml and every described operation has a route.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := MustNewServer(t, Config{})
	w := do(s, httptest.NewRequest("GET", "/api/openapi.json", nil))
	if w.Code != 200 {
		t.Fatalf("GET /api/openapi.json: %d", w.Code)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var documented, routed []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if slices.Contains([]string{"get", "put", "post", "delete", "patch"}, method) {
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	rest := regexp.MustCompile(`\{(\w+)\.\.\.\}`)
	for _, rt := range s.routes {
		routed = append(routed, rt.method+" "+rest.ReplaceAllString(rt.path, "{$1}"))
	}
	for _, r := range routed {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in openapi.yaml", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routed, d) {
			t.Errorf("openapi.yaml documents %s, which has no route", d)
		}
	}
}

// TestOpenAPIRefsResolve checks that every $ref in the document points to
// a component that exists.
func TestOpenAPIRefsResolve(t *testing.T) {
	s := MustNewServer(t, Config{})
	var doc map[string]any
	if err := json.Unmarshal(s.openapi, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				var at any = doc
				for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, _ := at.(map[string]any)
					at = m[part]
				}
				if at == nil {
					t.Errorf("$ref %s does not resolve", ref)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
}
