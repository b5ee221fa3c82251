package web

import (
	"fmt"
	"net/http"
	"strings"

	"jixiao"
)

// The editor's row buttons without JavaScript: each is a submit button of
// the editor's form named "op" (see listOp). The server writes the form
// over the stored content, adds or removes the row and shows the editor
// again with the change not yet saved (the version the user started from
// is kept, so the save that follows is checked against it), the new row's
// first field focused.

// pageEditorRows answers POST /evaluations/{id}/edit with an op.
func (s *Server) pageEditorRows(w http.ResponseWriter, r *http.Request, rec *jixiao.EvaluationRecord, version int, raw string) error {
	ctx := r.Context()
	if !jixiao.CanEdit(jixiao.UserFromContext(ctx), rec) {
		return jixiao.Errorf(jixiao.EForbidden, "自评表处于“%s”状态，你不能修改", rec.Status.Label())
	}
	doc := s.sourceDocument(ctx, rec.SourceHash)
	ev, from, err := formContent(withReportText(rec.Content, doc), r.PostForm, true)
	if err != nil {
		return s.refusedSave(w, r, rec, nil, nil, err)
	}
	focus, msg, err := applyEditorOp(ev, raw)
	if err != nil {
		return err
	}
	if doc != nil && ev.Report != nil {
		rep := *ev.Report
		rep.Text = editedText(rep.Text, doc, true)
		ev.Report = &rep
	}
	shown := *rec
	shown.Version = version
	d, err := s.newEditPage(ctx, &shown, ev, from)
	if err != nil {
		return err
	}
	d.Form.focus(focus)
	if note := r.PostForm.Get("note"); note != "" {
		d.Note = note
	}
	return s.render(w, r, http.StatusOK, "edit", pageData{Title: "填报 · " + rec.Title, Flash: msg + "（尚未保存，改完后请点“保存”）", Data: d})
}

// applyEditorOp applies a row button to ev and returns the id of the
// field to focus after it and what the page says it did.
func applyEditorOp(ev *jixiao.Evaluation, raw string) (focus, msg string, err error) {
	if raw == "add:report:0" {
		if ev.Report == nil {
			ev.Report = &jixiao.Report{}
		}
		return "f-rd-preface", "已添加自评报告", nil
	}
	op, ok := parseListOp(raw)
	if !ok {
		return "", "", jixiao.Errorf(jixiao.EInvalid, "无法识别的操作 %q", raw)
	}
	lists := []rowList{splitList(&ev.Budget)}
	if ev.Report != nil {
		lists = append(append(lists, reportLists(ev.Report)...), textList(ev.Report))
	}
	l, ok := findList(lists, op.prefix)
	if !ok {
		return "", "", jixiao.Errorf(jixiao.EInvalid, "表单中没有列表 %q", op.prefix)
	}
	switch op.verb {
	case "del":
		if op.at >= l.rows() {
			return "", "", jixiao.Errorf(jixiao.EInvalid, "%s没有第 %d %s", l.Title, op.at+1, l.Noun)
		}
		l.remove(op.at)
		msg = "已删除" + l.Title + "的一" + l.Noun
	case "up", "down":
		to, dir := op.at-1, "上"
		if op.verb == "down" {
			to, dir = op.at+1, "下"
		}
		if op.at >= l.rows() || to < 0 || to >= l.rows() {
			return "", "", jixiao.Errorf(jixiao.EInvalid, "%s的第 %d %s不能再%s移", l.Title, op.at+1, l.Noun, dir)
		}
		l.swap(to, op.at)
		op.at = to
		msg = fmt.Sprintf("已把%s的一%s%s移到第 %d %s", l.Title, l.Noun, dir, to+1, l.Noun)
	default:
		l.insert(op.at)
		op.at = min(op.at, l.rows()-1)
		if op.verb == "addh" && l.Prefix == "r.text" {
			ev.Report.Text[op.at].Kind = jixiao.BlockHeading
		}
		msg = "已在" + l.Title + "中添加一" + l.Noun
	}
	if op.at < l.rows() {
		focus = fieldID(l.fields(op.at)[0].name)
	}
	return focus, msg, nil
}

// fieldID is the id of the input named name (see field).
func fieldID(name string) string { return "f-" + strings.ReplaceAll(name, ".", "-") }
