package web

import (
	"context"
	"net/url"
	"slices"

	"jixiao"
)

// withReportText returns ev with its report's text filled from the
// imported document when the report has not been edited yet, so that the
// editor shows the text the narrative checks read; ev itself is not
// changed. An evaluation without a report, or without a source document,
// is returned as it is.
func withReportText(ev *jixiao.Evaluation, doc *jixiao.Document) *jixiao.Evaluation {
	if ev == nil || ev.Report == nil || ev.Report.Text != nil || doc == nil {
		return ev
	}
	text := jixiao.ReportTextOf(doc)
	if len(text) == 0 {
		return ev
	}
	c := *ev
	rep := *ev.Report
	rep.Text = text
	c.Report = &rep
	return &c
}

// contentFromForm is the stored content with the editor's form written over
// it, the report's text included. Text the user left as imported is not
// stored: the report keeps reading the source document until an edit, and
// the revision shows no change for it.
func (s *Server) contentFromForm(ctx context.Context, rec *jixiao.EvaluationRecord, form url.Values) (*jixiao.Evaluation, error) {
	doc := s.sourceDocument(ctx, rec.SourceHash)
	base := withReportText(rec.Content, doc)
	ev, err := evaluationFromForm(base, form)
	if err != nil || base == rec.Content {
		return ev, err
	}
	if slices.Equal(ev.Report.Text, base.Report.Text) {
		rep := *ev.Report
		rep.Text = nil
		ev.Report = &rep
	}
	return ev, nil
}
