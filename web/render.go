package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"jixiao"
	"jixiao/render"
)

// renderKinds lists, for each document an evaluation renders to, the
// formats offered for download and their media types.
var renderKinds = map[string]map[string]string{
	"table": {
		"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"pdf":  "application/pdf",
	},
	"report": {
		"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"pdf":  "application/pdf",
		"html": "text/html; charset=utf-8",
	},
}

// renderNames are the documents' names in download file names.
var renderNames = map[string]string{"table": "自评表", "report": "自评报告"}

// writeRender renders what (table or report) of ev in format and sends it
// as a download named after the unit and year. The document is made in
// memory first, so that a failure is an error answer and never half a file.
func (s *Server) writeRender(w http.ResponseWriter, what, format string, ev *jixiao.Evaluation, opt render.Options) error {
	ctype, ok := renderKinds[what][format]
	if !ok {
		return invalidField("format", "%s 不能生成为 %s", renderNames[what], format)
	}
	var buf bytes.Buffer
	var err error
	if what == "table" {
		err = render.Table(&buf, format, ev, opt)
	} else {
		err = render.Report(&buf, format, ev, opt)
	}
	if err != nil {
		return fmt.Errorf("rendering the %s as %s: %w", what, format, err)
	}
	name := fmt.Sprintf("%s-%d-%s.%s", ev.Unit, ev.Year, renderNames[what], format)
	if ev.Unit == "" {
		name = renderNames[what] + "." + format
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	// RFC 6266 with RFC 5987 encoding: Chinese file names in every browser.
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"; filename*=UTF-8''%s`,
		what, format, url.PathEscape(name)))
	if format == "html" {
		// A rendered report is a page of its own; it may show its styles,
		// never run scripts.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
	}
	_, err = w.Write(buf.Bytes())
	return err
}
