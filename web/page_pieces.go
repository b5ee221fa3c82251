package web

import (
	"context"
	"html/template"
	"sync"

	"jixiao"
)

// pagePieces are the parts of the review and public pages that an
// evaluation's version fixes, rendered once per version (Server.pieces)
// instead of on every view: executing the read-only table and the check
// panel was most of a page view's cost. Each piece is what the template
// the page would call in its place writes (TestPiecesMatchInline holds the
// pages against the inline calls), written by Go code that escapes as the
// template does (page_pieces_html.go; TestPieceWritersMatchTemplates holds
// each writer against its template), so printing it unescaped adds
// nothing a user typed that the template would not have escaped.
// What depends on the caller (who they are, what they may do) and what
// changes without a new version (comments, review scores, the unit's
// name) stays in the page and is rendered per request; the review table's
// rows are a piece only while nobody has re-scored and for a caller who
// may not.
type pagePieces struct {
	Ev     *jixiao.Evaluation // the version's content
	Panel  checkPanel         // read-only, for what the public page shows of it
	Paths  []labelled         // what a comment may be pinned to
	Labels map[string]string  // a comment's path in words
	Rows   []reviewRow        // the review table's rows before anyone re-scored

	// table is "table" of the content, checks "panel" of Panel, targets
	// show.html's "targets" of Paths, unscored its "scorerows" of Rows for
	// a caller who may not score, remained public_show.html's "remained"
	// of Panel: each written when a page first prints it, since the
	// review page prints no remained and the public page only table and
	// remained, and a version's first view makes its pieces.
	table, checks, targets, unscored, remained func() (template.HTML, error)
}

// Table, Checks, Targets, Unscored and Remained are the pieces the pages
// print, rendered once each.
func (p *pagePieces) Table() (template.HTML, error)    { return p.table() }
func (p *pagePieces) Checks() (template.HTML, error)   { return p.checks() }
func (p *pagePieces) Targets() (template.HTML, error)  { return p.targets() }
func (p *pagePieces) Unscored() (template.HTML, error) { return p.unscored() }
func (p *pagePieces) Remained() (template.HTML, error) { return p.remained() }

// piecesOf returns the pieces of rec's stored version, made once per
// version. They are shared: callers must not change them.
func (s *Server) piecesOf(ctx context.Context, rec *jixiao.EvaluationRecord) (*pagePieces, error) {
	return s.pieces.get(rec, func() (*pagePieces, error) {
		panel, err := s.checkContent(ctx, rec, rec.Content)
		if err != nil {
			return nil, err
		}
		return newPagePieces(rec, panel), nil
	})
}

// newPagePieces are the pieces of rec's stored version, whose check panel
// is panel.
func newPagePieces(rec *jixiao.EvaluationRecord, panel checkPanel) *pagePieces {
	p := &pagePieces{Ev: rec.Content, Panel: panel.readOnly(), Paths: commentTargets(rec.Content)}
	p.Labels = targetLabels(p.Paths)
	p.Rows, _ = reviewRows(rec, nil)
	once := func(write func() template.HTML) func() (template.HTML, error) {
		return sync.OnceValues(func() (template.HTML, error) { return write(), nil })
	}
	p.table = once(func() template.HTML { return tableHTML(p.Ev) })
	p.checks = once(func() template.HTML { return panelHTML(&p.Panel) })
	p.targets = once(func() template.HTML { return targetsHTML(p.Paths) })
	p.unscored = once(func() template.HTML { return scoreRowsHTML(p.Rows) })
	p.remained = once(func() template.HTML { return remainedHTML(&p.Panel) })
	return p
}

// editPanelOf returns the editor's check panel of rec's stored version
// (the review page's is read-only) written, once per version.
func (s *Server) editPanelOf(ctx context.Context, rec *jixiao.EvaluationRecord, panel checkPanel) (template.HTML, error) {
	return s.editPanels.get(rec, func() (template.HTML, error) { return panelHTML(&panel), nil })
}
