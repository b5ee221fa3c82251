package web

import (
	"html/template"
	"io"
	"net/http"
	"strconv"

	"jixiao"
)

// pageEvaluationCheck answers POST /evaluations/{id}/check: the editor's
// form, scored and audited without saving, as the side panel's HTML. The
// editor's script posts it as the user types and swaps the panel in.
func (s *Server) pageEvaluationCheck(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	var panel checkPanel
	content, _, err := s.contentFromForm(ctx, rec, r.PostForm)
	if err == nil {
		panel, err = s.checkContent(ctx, rec, content)
	}
	if err != nil {
		if jixiao.ErrorCode(err) != jixiao.EInvalid {
			return err
		}
		var de *jixiao.Error
		panel.Problem = err.Error()
		if errorsAs(err, &de) {
			panel.Problem = de.Message
		}
	}
	if s.pages().plain {
		return s.render(w, r, http.StatusOK, "check", pageData{Data: panel})
	}
	body := checkHTML(&panel)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	_, err = io.WriteString(w, string(body))
	return err
}

// checkHTML is check.html of p: the panel alone, written as its template
// writes it (TestPieceWritersMatchTemplates).
func checkHTML(p *checkPanel) template.HTML { return panelHTML(p) + "\n" }
