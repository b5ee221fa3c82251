package web

import (
	"context"
	"net/url"

	"jixiao"
)

// withReportText returns ev with its report's text in full: the imported
// document's headings and paragraphs, with the unit's edits over them, so
// that the editor shows every paragraph and a finding on any of them points
// at its field. ev itself is not changed; an evaluation without a report
// or without a source document is returned as it is.
func withReportText(ev *jixiao.Evaluation, doc *jixiao.Document) *jixiao.Evaluation {
	if ev == nil || ev.Report == nil || doc == nil {
		return ev
	}
	text := jixiao.ReportTextOf(doc)
	if len(text) == 0 {
		return ev
	}
	for _, e := range ev.Report.Text {
		for k := range text {
			if text[k].Block == e.Block && text[k].Pos == e.Pos {
				text[k].Text = e.Text
			}
		}
	}
	c := *ev
	rep := *ev.Report
	rep.Text = text
	c.Report = &rep
	return &c
}

// editedText keeps of text the paragraphs that differ from the imported
// document: only those are stored, so a revision records the paragraphs
// the unit changed and the rest is read from the source.
func editedText(text []jixiao.ReportText, doc *jixiao.Document) []jixiao.ReportText {
	var out []jixiao.ReportText
	for _, t := range text {
		if t.Block < 0 || t.Block >= len(doc.Blocks) || doc.Blocks[t.Block].Text != t.Text {
			out = append(out, t)
		}
	}
	return out
}

// contentFromForm is the stored content with the editor's form written over
// it, the report's data and edited text included.
func (s *Server) contentFromForm(ctx context.Context, rec *jixiao.EvaluationRecord, form url.Values) (*jixiao.Evaluation, error) {
	doc := s.sourceDocument(ctx, rec.SourceHash)
	base := withReportText(rec.Content, doc)
	ev, err := evaluationFromForm(base, form)
	if err != nil || base == rec.Content {
		return ev, err
	}
	rep := *ev.Report
	rep.Text = editedText(rep.Text, doc)
	ev.Report = &rep
	return ev, nil
}
