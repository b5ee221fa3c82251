package web

import (
	"net/http"
	"slices"
	"strings"

	"jixiao"
)

// noRoute answers a request no route matches: 405 with the methods the
// path has when it has some, else 404, both as JSON error bodies (the
// mux's own answers are plain text).
func (s *Server) noRoute(mux *http.ServeMux) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var allow []string
		for _, rt := range s.routes {
			if slices.Contains(allow, rt.method) {
				continue
			}
			probe := r.Clone(r.Context())
			probe.Method = rt.method
			if _, pattern := mux.Handler(probe); pattern != "/" && pattern != "" {
				allow = append(allow, rt.method)
			}
		}
		if len(allow) == 0 {
			return errNoRoute
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return jixiao.Errorf(eMethod, "此地址不支持 %s 请求，可用：%s", r.Method, strings.Join(allow, "、"))
	}
}
