package web

import (
	"context"
	"net/http"
	"strings"

	"jixiao/render"
	"jixiao/rules"
)

// downloadShow answers GET /api/evaluations/{id}/downloads/{file}: the
// evaluation's official documents made by render/, file being
// table.xlsx, table.docx, table.pdf, report.docx, report.pdf or
// report.html. ?findings=1 appends the audit's findings to the report.
func (s *Server) downloadShow(w http.ResponseWriter, r *http.Request) error {
	return s.writeDownload(w, r, r.Context(), queryBool(r, "findings"))
}

func (s *Server) writeDownload(w http.ResponseWriter, r *http.Request, ctx context.Context, withFindings bool) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	what, format, ok := strings.Cut(r.PathValue("file"), ".")
	if _, known := renderKinds[what][format]; !ok || !known {
		return invalidField("file", "可下载：table.xlsx、table.docx、table.pdf、report.docx、report.pdf、report.html")
	}
	rec, err := s.cfg.Evaluations.FindEvaluationByID(ctx, id)
	if err != nil {
		return err
	}
	rs, err := rules.Load(rec.RuleSet)
	if err != nil {
		return err
	}
	opt := render.Options{Rules: rs, Findings: rec.Findings, WithFindings: withFindings}
	return s.writeRender(w, what, format, rec.Content, opt)
}
