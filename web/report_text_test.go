package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
)

// TestEditedTextRoundTrip: what the editor holds of the report's text
// (the whole text, in order) is stored as the edits alone, and those
// edits over the source give the editor's text back.
func TestEditedTextRoundTrip(t *testing.T) {
	doc := &jixiao.Document{Blocks: []jixiao.Block{
		{Kind: jixiao.BlockHeading, Text: "一、基本情况", Pos: jixiao.Position{Line: 1}},
		{Kind: jixiao.BlockParagraph, Text: "第一段。", Pos: jixiao.Position{Line: 2}},
		{Kind: jixiao.BlockTable, Table: &jixiao.Table{}, Pos: jixiao.Position{Line: 3}},
		{Kind: jixiao.BlockParagraph, Text: "第二段。", Pos: jixiao.Position{Line: 4}},
		{Kind: jixiao.BlockHeading, Text: "二、问题", Pos: jixiao.Position{Line: 5}},
	}}
	full := jixiao.ReportTextOf(doc)
	added := func(kind jixiao.BlockKind, text string) jixiao.ReportText {
		return jixiao.ReportText{Block: -1, Kind: kind, Text: text}
	}
	changed := full[1]
	changed.Text = "第一段（改）。"
	removed := full[2]
	removed.Text = ""
	tests := []struct {
		name   string
		editor []jixiao.ReportText
		stored int // how many edits are stored
	}{
		{"Unchanged", full, 0},
		{"Changed", []jixiao.ReportText{full[0], changed, full[2], full[3]}, 1},
		{"Removed", []jixiao.ReportText{full[0], full[1], full[3]}, 1},
		{"AddedAfter", []jixiao.ReportText{full[0], added(jixiao.BlockParagraph, "新增段。"), full[1], full[2], full[3]}, 2},
		{"AddedChain", []jixiao.ReportText{full[0], full[1], full[2], full[3], added(jixiao.BlockHeading, "三、新增"), added(jixiao.BlockParagraph, "新增段。")}, 3},
		{"AddedFirst", []jixiao.ReportText{added(jixiao.BlockParagraph, "开头段。"), added(jixiao.BlockHeading, "前言"), full[0], full[1], full[2], full[3]}, 3},
		{"FirstRemovedThenAdded", []jixiao.ReportText{added(jixiao.BlockParagraph, "替代标题。"), full[1], full[2], full[3]}, 2},
		{"Moved", []jixiao.ReportText{full[0], added(jixiao.BlockParagraph, full[3].Text), full[1], full[2]}, 3},
		{"RemovedThenAdded", []jixiao.ReportText{full[0], added(jixiao.BlockParagraph, "替代第一段。"), full[2], full[3]}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edits := editedText(tt.editor, doc, false)
			if len(edits) != tt.stored {
				t.Errorf("%d edits stored, want %d: %+v", len(edits), tt.stored, edits)
			}
			back := withReportText(&jixiao.Evaluation{Report: &jixiao.Report{Text: edits}}, doc)
			if diff := cmp.Diff(tt.editor, back.Report.Text); diff != "" {
				t.Errorf("the edits over the source (-editor +read back):\n%s", diff)
			}
		})
	}
	t.Run("EmptyAdded", func(t *testing.T) {
		editor := []jixiao.ReportText{full[0], added(jixiao.BlockParagraph, ""), full[1], full[2], full[3]}
		if edits := editedText(editor, doc, false); len(edits) != 0 {
			t.Errorf("an empty added paragraph is saved: %+v", edits)
		}
		kept := editedText(editor, doc, true)
		back := withReportText(&jixiao.Evaluation{Report: &jixiao.Report{Text: kept}}, doc)
		if diff := cmp.Diff(editor, back.Report.Text); diff != "" {
			t.Errorf("a row just added, shown again (-editor +shown):\n%s", diff)
		}
	})
}
