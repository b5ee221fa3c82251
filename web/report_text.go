package web

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"jixiao"
)

// withReportText returns ev with its report's text in full: the imported
// document's headings and paragraphs, with the unit's edits, removals and
// additions applied, so that the editor shows every paragraph and a
// finding on any of them points at its field. ev itself is not changed;
// an evaluation without a report or without a source document is
// returned as it is.
func withReportText(ev *jixiao.Evaluation, doc *jixiao.Document) *jixiao.Evaluation {
	if ev == nil || ev.Report == nil || doc == nil {
		return ev
	}
	text := jixiao.ReportTextWith(doc, ev.Report.Text)
	if len(text) == 0 {
		return ev
	}
	c := *ev
	rep := *ev.Report
	rep.Text = text
	c.Report = &rep
	return &c
}

// editedText keeps of text (the whole report text, in reading order) what
// differs from the imported document: changed paragraphs, added ones with
// the paragraph before each (where it goes; those at the start of the
// report with the imported one after them), and an empty edit for each
// imported paragraph text no longer holds (removed). Only those are
// stored, so a revision records the paragraphs the unit changed and the
// rest is read from the source. An added paragraph left empty is dropped,
// unless keepEmpty (the editor showing a row just added).
func editedText(text []jixiao.ReportText, doc *jixiao.Document, keepEmpty bool) []jixiao.ReportText {
	kept := map[int]bool{}
	for _, t := range text {
		if t.Block >= 0 {
			kept[t.Block] = true
		}
	}
	imported := jixiao.ReportTextOf(doc)
	var out []jixiao.ReportText
	next := 0 // the first imported paragraph not yet passed
	removedBefore := func(block int) {
		for ; next < len(imported) && imported[next].Block < block; next++ {
			if p := imported[next]; !kept[p.Block] {
				p.Text = ""
				out = append(out, p)
			}
		}
	}
	dropped := func(t jixiao.ReportText) bool { return !keepEmpty && t.Block < 0 && strings.TrimSpace(t.Text) == "" }
	for k, t := range text {
		if dropped(t) {
			continue
		}
		if t.Block >= 0 {
			removedBefore(t.Block)
		}
		changed := t.Block < 0 || t.Block >= len(doc.Blocks) || doc.Blocks[t.Block].Text != t.Text
		anchor := k+1 < len(text) && text[k+1].Block < 0 && !dropped(text[k+1])
		// the paragraphs added at the very start go before the first
		// imported one stored (jixiao.Document.WithReportText)
		lead := len(out) > 0 && !slices.ContainsFunc(out, func(o jixiao.ReportText) bool { return o.Block >= 0 })
		if changed || anchor || lead {
			out = append(out, t)
		}
	}
	removedBefore(len(doc.Blocks))
	return out
}

// contentFromForm is the stored content with the editor's form written over
// it, the report's data and edited text included, and where each of its
// indicators stood in the stored content (formContent).
func (s *Server) contentFromForm(ctx context.Context, rec *jixiao.EvaluationRecord, form url.Values) (*jixiao.Evaluation, []int, error) {
	doc := s.sourceDocument(ctx, rec.SourceHash)
	base := withReportText(rec.Content, doc)
	ev, from, err := formContent(base, form, false)
	if err != nil || doc == nil || ev.Report == nil {
		return ev, from, err
	}
	rep := *ev.Report
	rep.Text = editedText(rep.Text, doc, false)
	ev.Report = &rep
	return ev, from, nil
}
