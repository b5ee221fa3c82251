package jixiao_test

import (
	"testing"

	"jixiao"
)

func TestWithReportText(t *testing.T) {
	doc := &jixiao.Document{Blocks: []jixiao.Block{
		{Kind: jixiao.BlockHeading, Text: "二、一般公共预算支出情况", Pos: jixiao.Position{Line: 188}},
		{Kind: jixiao.BlockTable, Table: &jixiao.Table{}, Pos: jixiao.Position{Line: 189}},
		{Kind: jixiao.BlockParagraph, Text: "项目支出286.74万元，占本年支出44.67%", Pos: jixiao.Position{Line: 192}},
		{Kind: jixiao.BlockParagraph, Text: "2024年度无政府性基金预算支出。", Pos: jixiao.Position{Line: 196}},
	}}
	fixed := "项目支出286.74万元，占本年支出42.49%"
	tests := []struct {
		name string
		doc  *jixiao.Document
		text []jixiao.ReportText
		want []string // the texts of the blocks, tables as ""
	}{
		{"NoEdits", doc, nil, []string{doc.Blocks[0].Text, "", doc.Blocks[2].Text, doc.Blocks[3].Text}},
		{"ByBlock", doc, []jixiao.ReportText{{Block: 2, Text: fixed, Pos: jixiao.Position{Line: 192}}},
			[]string{doc.Blocks[0].Text, "", fixed, doc.Blocks[3].Text}},
		{"BlocksRenumbered", doc, []jixiao.ReportText{{Block: 1, Text: fixed, Pos: jixiao.Position{Line: 192}}},
			[]string{doc.Blocks[0].Text, "", fixed, doc.Blocks[3].Text}},
		{"NowhereAppended", doc, []jixiao.ReportText{{Block: 9, Text: "补充说明。", Pos: jixiao.Position{Line: 300}}},
			[]string{doc.Blocks[0].Text, "", doc.Blocks[2].Text, doc.Blocks[3].Text, "补充说明。"}},
		{"Removed", doc, []jixiao.ReportText{{Block: 3, Text: "", Pos: jixiao.Position{Line: 196}}},
			[]string{doc.Blocks[0].Text, "", doc.Blocks[2].Text, ""}},
		{"AddedAfterTheEditBefore", doc, []jixiao.ReportText{
			{Block: 0, Text: doc.Blocks[0].Text, Pos: jixiao.Position{Line: 188}},
			{Block: -1, Text: "新增的一段。"}, {Block: -1, Kind: jixiao.BlockHeading, Text: "（一）新增的标题"},
			{Block: 2, Text: fixed, Pos: jixiao.Position{Line: 192}}, {Block: -1, Text: "又一段。"}},
			[]string{doc.Blocks[0].Text, "新增的一段。", "（一）新增的标题", "", fixed, "又一段。", doc.Blocks[3].Text}},
		{"AddedFirst", doc, []jixiao.ReportText{{Block: -1, Text: "开头一段。"}, {Block: -1, Kind: jixiao.BlockHeading, Text: "前言"},
			{Block: 0, Text: doc.Blocks[0].Text, Pos: jixiao.Position{Line: 188}}},
			[]string{"开头一段。", "前言", doc.Blocks[0].Text, "", doc.Blocks[2].Text, doc.Blocks[3].Text}},
		{"AddedFirstBeforeARemoved", doc, []jixiao.ReportText{{Block: -1, Text: "开头一段。"}, {Block: 0, Text: "", Pos: jixiao.Position{Line: 188}}},
			[]string{"开头一段。", "", "", doc.Blocks[2].Text, doc.Blocks[3].Text}},
		{"NoDocument", nil, []jixiao.ReportText{{Block: 2, Kind: jixiao.BlockHeading, Text: "一、基本情况"}}, []string{"一、基本情况"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.doc.WithReportText(tt.text)
			if len(got.Blocks) != len(tt.want) {
				t.Fatalf("%d blocks, want %d", len(got.Blocks), len(tt.want))
			}
			for i, b := range got.Blocks {
				if b.Text != tt.want[i] {
					t.Errorf("block %d: %q, want %q", i, b.Text, tt.want[i])
				}
			}
			if tt.doc != nil && tt.doc.Blocks[2].Text != "项目支出286.74万元，占本年支出44.67%" {
				t.Errorf("the source document was changed")
			}
		})
	}
}

func TestDiffReportText(t *testing.T) {
	rep := func(text ...jixiao.ReportText) *jixiao.Evaluation {
		return &jixiao.Evaluation{Report: &jixiao.Report{Other: "无", Text: text}}
	}
	p36 := jixiao.ReportText{Block: 36, Text: "占本年支出42.49%", Pos: jixiao.Position{Line: 192}}
	p38 := jixiao.ReportText{Block: 38, Text: "无政府性基金预算支出。", Pos: jixiao.Position{Line: 196}}
	tests := []struct {
		name string
		a, b *jixiao.Evaluation
		want []jixiao.Change
	}{
		{"FirstEdit", rep(), rep(p36), []jixiao.Change{{Path: "report.text[第 37 块]", Old: "（源文件原文）", New: p36.Text}}},
		{"AnotherEdit", rep(p36), rep(p36, p38), []jixiao.Change{{Path: "report.text[第 39 块]", Old: "（源文件原文）", New: p38.Text}}},
		{"Reverted", rep(p36, p38), rep(p38), []jixiao.Change{{Path: "report.text[第 37 块]", Old: p36.Text, New: "（源文件原文）"}}},
		{"Same", rep(p36), rep(p36), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := jixiao.DiffEvaluations(tt.a, tt.b)
			if len(got) != len(tt.want) {
				t.Fatalf("changes %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("change %d: %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestReportTextWith: the editor's view of the text names each paragraph's
// imported block, leaves removed ones out and keeps added ones in place.
func TestReportTextWith(t *testing.T) {
	doc := &jixiao.Document{Blocks: []jixiao.Block{
		{Kind: jixiao.BlockHeading, Text: "一、基本情况", Pos: jixiao.Position{Line: 1}},
		{Kind: jixiao.BlockTable, Table: &jixiao.Table{}, Pos: jixiao.Position{Line: 2}},
		{Kind: jixiao.BlockParagraph, Text: "第一段。", Pos: jixiao.Position{Line: 3}},
		{Kind: jixiao.BlockParagraph, Text: "第二段。", Pos: jixiao.Position{Line: 4}},
	}}
	got := jixiao.ReportTextWith(doc, []jixiao.ReportText{
		{Block: 2, Text: "第一段。", Pos: jixiao.Position{Line: 3}}, {Block: -1, Kind: jixiao.BlockHeading, Text: "二、新增"},
		{Block: 3, Text: "", Pos: jixiao.Position{Line: 4}},
	})
	want := []jixiao.ReportText{
		{Block: 0, Kind: jixiao.BlockHeading, Text: "一、基本情况", Pos: jixiao.Position{Line: 1}},
		{Block: 2, Kind: jixiao.BlockParagraph, Text: "第一段。", Pos: jixiao.Position{Line: 3}},
		{Block: -1, Kind: jixiao.BlockHeading, Text: "二、新增"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
