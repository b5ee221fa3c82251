package pipeline

import (
	"context"
	"fmt"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer"
)

// importDocument reads a document through the importers and extracts the
// evaluation from it. The notes say what could not be read; a document
// with no 自评表 at all is an error, since nothing can be scored.
func importDocument(ctx context.Context, src Source, lim importer.Limits, withReport bool) (*jixiao.Evaluation, *jixiao.Document, []string, []table, error) {
	doc, err := importer.Read(src.Data, src.Size, src.Name, lim)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, nil, err
	}
	var all []extract.Table
	if withReport {
		all = extract.ExtractAll(doc)
	} else {
		all = extract.ExtractAllTables(doc)
	}
	ev := all[0].Eval
	out := append([]string(nil), doc.Warnings...)
	out = append(out, noteTexts(all[0].Notes)...)
	if ev.Kind == "" && len(ev.Indicators) == 0 && !ev.Budget.FullYear.Stated() && !ev.StatedTotal.Stated() && !hasNarrative(doc) {
		return nil, nil, out, nil, fmt.Errorf("%s: 没有找到自评表（年度资金总额、绩效指标、总分等栏目）", src.Name)
	}
	var more []table
	for _, t := range all[1:] {
		more = append(more, table{t.Eval, noteTexts(t.Notes)})
	}
	return ev, doc, out, more, nil
}

// table is one more 自评表 of a document and the notes on its reading.
type table struct {
	Eval  *jixiao.Evaluation
	Notes []string
}

func noteTexts(ns []extract.Note) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, noteText(n))
	}
	return out
}

func noteText(n extract.Note) string {
	s := n.Message
	if n.Field != "" {
		s = n.Field + "：" + s
	}
	if n.Pos.Line > 0 {
		s += fmt.Sprintf("（第 %d 行）", n.Pos.Line)
	}
	return s
}

// hasNarrative reports a document with paragraphs: a report without a
// table is still checked, its narrative at least (the table's checks say
// what could not be read, never an error).
func hasNarrative(doc *jixiao.Document) bool {
	n := 0
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockParagraph && len(b.Text) > 60 {
			n++
		}
	}
	return n >= 3
}
