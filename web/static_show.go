package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static
var staticFiles embed.FS

// staticShow answers GET /static/{file...} from the embedded files. They
// change only with the binary, so clients may keep them for a day.
func (s *Server) staticShow(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	if name == "" || strings.HasSuffix(name, "/") || !fs.ValidPath(name) {
		return errNoRoute
	}
	sub, _ := fs.Sub(staticFiles, "static")
	if _, err := fs.Stat(sub, name); err != nil {
		return errNoRoute
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeFileFS(w, r, sub, name)
	return nil
}
