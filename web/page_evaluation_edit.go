package web

import (
	"context"
	"html/template"
	"net/http"
	"sort"
	"strings"

	"jixiao"
)

// editPage is the editor: the form, and beside it the live check.
type editPage struct {
	Rec        *jixiao.EvaluationRecord
	Form       evaluationForm
	Panel      checkPanel
	PanelHTML  template.HTML // Panel rendered, kept with the version's pieces when content is the stored one
	Editable   bool
	Actions    []labelled
	Notes      []string    // what the import could not read
	Read       []readField // what the import read, from where
	Returned   *jixiao.Transition
	Comments   []*jixiao.Comment // open comments not pinned to an indicator row
	BudgetCols []string
	SplitCols  []string
	Downloads  []download
	Labels     map[string]string // a comment's path in words
	Note       string            // the 修改说明 typed before a row button
}

type readField struct{ Path, Where string }

type download struct{ File, Label string }

// downloads are the rendered outputs, in the order the pages list them.
var downloads = []download{
	{"table.xlsx", "自评表 Excel"}, {"table.docx", "自评表 Word"}, {"table.pdf", "自评表 PDF"},
	{"report.docx", "自评报告 Word"}, {"report.pdf", "自评报告 PDF"}, {"report.html", "自评报告 网页"},
}

// pageEvaluationEdit answers GET /evaluations/{id}/edit.
func (s *Server) pageEvaluationEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := s.cfg.Evaluations.FindEvaluationByID(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := s.newEditPage(r.Context(), rec, rec.Content, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "edit", pageData{Title: "填报 · " + rec.Title, Flash: flash(r), Data: d})
}

// newEditPage makes the editor for rec showing content (the stored one,
// or what the user sent when a save was refused or a row button pressed):
// from says where each of content's indicators stands in the stored
// version (formContent), nil for the stored content itself.
func (s *Server) newEditPage(ctx context.Context, rec *jixiao.EvaluationRecord, content *jixiao.Evaluation, from []int) (*editPage, error) {
	me := jixiao.UserFromContext(ctx)
	form := newEvaluationForm(withReportText(content, s.sourceDocument(ctx, rec.SourceHash)))
	form.placeRows(from)
	d := &editPage{Rec: rec, Form: form, Editable: jixiao.CanEdit(me, rec), Downloads: downloads,
		Labels: targetLabels(commentTargets(rec.Content))} // comments name the stored version's rows
	for _, c := range budgetCols {
		d.BudgetCols = append(d.BudgetCols, c.Label)
	}
	for _, c := range splitCols {
		d.SplitCols = append(d.SplitCols, c.Label)
	}
	for _, a := range jixiao.NextActions(me, rec) {
		d.Actions = append(d.Actions, labelled{string(a), a.Label()})
	}
	panel, err := s.checkContent(ctx, rec, content)
	if err != nil {
		return nil, err
	}
	d.Panel = panel
	if content == rec.Content {
		if d.PanelHTML, err = s.editPanelOf(ctx, rec, panel); err != nil {
			return nil, err
		}
	}
	for path, pos := range rec.Provenance {
		d.Read = append(d.Read, readField{path, pos.Describe()})
	}
	sort.Slice(d.Read, func(i, j int) bool { return d.Read[i].Path < d.Read[j].Path })
	trs, err := s.cfg.Evaluations.FindTransitions(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	if n := len(trs); n > 0 && strings.HasSuffix(string(trs[n-1].Action), "_return") {
		d.Returned = trs[n-1]
	}
	if jixiao.CanViewComments(me, rec) {
		cs, err := s.cfg.Comments.FindComments(ctx, jixiao.CommentFilter{EvaluationID: rec.ID, Unresolved: true})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if i, ok := d.Form.rowOf(c.Path); ok {
				d.Form.Indicators[i].Comments = append(d.Form.Indicators[i].Comments, c)
			} else {
				d.Comments = append(d.Comments, c)
			}
		}
	}
	return d, nil
}

// indicatorIndex reads "indicators[3]" (or "indicators[3].得分") as 3.
func indicatorIndex(path string) (int, bool) {
	rest, ok := strings.CutPrefix(path, "indicators[")
	if !ok {
		return 0, false
	}
	n, _, ok := strings.Cut(rest, "]")
	if !ok {
		return 0, false
	}
	if len(n) > 1 && n[0] == '0' {
		return 0, false // the domain writes indicators[3], never indicators[03]
	}
	i := 0
	for _, c := range n {
		if c < '0' || c > '9' || i > 100000 {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, n != ""
}

// placeRows sets each indicator row's place in the stored version to
// from's (nil: the rows are the stored ones, in place).
func (f *evaluationForm) placeRows(from []int) {
	if from == nil {
		return
	}
	for j := range f.Indicators {
		f.Indicators[j].From = ""
		if j < len(from) && from[j] >= 0 {
			f.Indicators[j].From = itoa(int64(from[j]))
		}
	}
}

// rowOf returns the form row that shows the indicator a comment is pinned
// to: comments name rows of the stored version, which the form may show
// elsewhere (moved, not yet saved) or not at all (removed).
func (f *evaluationForm) rowOf(path string) (int, bool) {
	i, ok := indicatorIndex(path)
	if !ok {
		return 0, false
	}
	for j, row := range f.Indicators {
		if row.From == itoa(int64(i)) {
			return j, true
		}
	}
	return 0, false
}
