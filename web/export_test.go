package web

import (
	"context"
	"fmt"
	"html/template"
	"strings"

	"jixiao"
)

// FindReview and FindReviewPlain expose the review page's two ways of
// reading, so that a test can hold one against the other.
func FindReview(s *Server, ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	return s.findReview(ctx, id)
}

// FindReviewPlain: see FindReview.
func FindReviewPlain(s *Server, ctx context.Context, id int64) (*jixiao.EvaluationRecord, []*jixiao.Transition, []*jixiao.Comment, []*jixiao.ReviewScore, error) {
	return s.findReviewPlain(ctx, id)
}

// inlineCalls are, per view, where it prints a piece and the template call
// the piece stands for, with how often the view prints it.
var inlineCalls = map[string][]struct {
	piece, call string
	times       int
}{
	"show": {
		{`{{$d.Pieces.Table}}`, `{{template "table" $d.Pieces.Ev}}`, 1},
		{`{{$d.Pieces.Checks}}`, `{{template "panel" $d.Pieces.Panel}}`, 1},
		{`{{$d.Pieces.Targets}}`, `{{template "targets" $d.Pieces.Paths}}`, 2},
		{`{{with $d.ScoreRows}}{{.}}{{else}}{{template "scorerows" $d}}{{end}}`, `{{template "scorerows" $d}}`, 1},
	},
	"edit": {
		{`{{with $d.PanelHTML}}{{.}}{{else}}{{template "panel" $d.Panel}}{{end}}`, `{{template "panel" $d.Panel}}`, 1},
	},
	"public_show": {
		{`{{$d.Pieces.Table}}`, `{{template "table" $d.Ev}}`, 1},
		{`{{$d.Pieces.Remained}}`, `{{template "remained" $d.Pieces.Panel}}`, 1},
	},
}

// InlinePieces makes s render the review and public pages with the
// templates called in place of the pieces, as the pages were before they
// printed cached pieces, and with their templates where Go code writes
// them (pages.plain): each page as it would be without the cache and
// without the writers.
func InlinePieces(s *Server) error {
	p := s.pages()
	p.plain = true
	for view, calls := range inlineCalls {
		b, err := templateFiles.ReadFile("templates/" + view + ".html")
		if err != nil {
			return err
		}
		src := string(b)
		for _, c := range calls {
			if n := strings.Count(src, c.piece); n != c.times {
				return fmt.Errorf("%s.html prints %s %d times, want %d", view, c.piece, n, c.times)
			}
			src = strings.ReplaceAll(src, c.piece, c.call)
		}
		t, err := template.New(view + ".html").Funcs(templateFuncs(p)).Parse(src)
		if err != nil {
			return err
		}
		if t, err = t.ParseFS(templateFiles, partialFiles()...); err != nil {
			return err
		}
		p.views[view] = t
	}
	return nil
}

// PlainSessions has s look every session up alone, before the route's
// read, as it did before the reads that join the session (route.join).
func PlainSessions(s *Server) { s.plainSessions = true }
