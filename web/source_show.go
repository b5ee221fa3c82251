package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"jixiao"
)

// sourceShow answers GET /api/evaluations/{id}/source: the document the
// evaluation was imported from, byte for byte.
func (s *Server) sourceShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := s.cfg.Evaluations.FindEvaluationByID(r.Context(), id)
	if err != nil {
		return err
	}
	if rec.SourceHash == "" {
		return jixiao.Errorf(jixiao.ENotFound, "这份自评表不是由上传的文档生成的，没有原始文档")
	}
	src, err := s.cfg.Sources.FindSourceByHash(r.Context(), rec.SourceHash)
	if err != nil {
		return err
	}
	h := w.Header()
	// Served as an opaque download: an uploaded HTML file must never run
	// in the site's origin.
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Length", strconv.Itoa(len(src.Content)))
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="source"; filename*=UTF-8''%s`, url.PathEscape(src.Name)))
	h.Set("ETag", `"`+src.Hash+`"`)
	_, err = w.Write(src.Content)
	return err
}
