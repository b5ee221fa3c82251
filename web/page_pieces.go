package web

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"jixiao"
)

// pagePieces are the parts of the review and public pages that an
// evaluation's version fixes, rendered once per version (Server.pieces)
// instead of on every view: executing the read-only table and the check
// panel was most of a page view's cost. Each piece is written by the same
// template the page would call in its place (TestPiecesMatchInline holds
// the pages against the inline calls), from our own data, so printing it
// unescaped adds nothing a user typed that the template did not escape.
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
	// of Panel: each rendered when a page first prints it, since the
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
		p := &pagePieces{Ev: rec.Content, Panel: panel.readOnly(), Paths: commentTargets(rec.Content), Labels: targetLabels(rec.Content)}
		p.Rows, _ = reviewRows(rec, nil)
		once := func(view, name string, data any) func() (template.HTML, error) {
			return sync.OnceValues(func() (template.HTML, error) { return s.piece(view, name, data) })
		}
		p.table = once("show", "table", rec.Content)
		p.checks = once("show", "panel", p.Panel)
		p.targets = once("show", "targets", p.Paths)
		p.unscored = once("show", "scorerows", showPage{Rec: rec, Scores: p.Rows})
		p.remained = once("public_show", "remained", p.Panel)
		return p, nil
	})
}

// piece executes the template name of view's set with data: the HTML the
// view writes where it calls {{template name data}} from the body's text,
// which is where the pages print their pieces.
func (s *Server) piece(view, name string, data any) (template.HTML, error) {
	t := s.pages().views[view]
	if t == nil {
		return "", fmt.Errorf("web: no view %q", view)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("web: rendering %s of %s: %w", name, view, err)
	}
	return template.HTML(b.String()), nil
}

// editPanelOf returns the editor's check panel of rec's stored version
// (the review page's is read-only) rendered, once per version.
func (s *Server) editPanelOf(ctx context.Context, rec *jixiao.EvaluationRecord, panel checkPanel) (template.HTML, error) {
	return s.editPanels.get(rec, func() (template.HTML, error) { return s.piece("edit", "panel", panel) })
}
