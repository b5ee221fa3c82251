package gen

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/render/docx"
	"jixiao/render/report"
	"jixiao/render/xlsx"
	"jixiao/score"
)

// NarrativeSheet is the worksheet WriteSample adds to a workbook for the
// report's text.
const NarrativeSheet = "自评报告"

// Narrative returns the report part of a flattened document such as the
// sample: the lines from the one reading "附件2" on, trimmed, without the
// empty ones. It is empty when there is no such line.
func Narrative(text string) []string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var out []string
	on := false
	for _, l := range lines {
		l = strings.Trim(l, " \t\u3000\u00a0")
		if l == "附件2" {
			on = true
		}
		if on && l != "" {
			out = append(out, l)
		}
	}
	return out
}

// WriteSample lays out a real document in the official layout: ev's 自评表
// (as render.Table does) followed by the report's text, one paragraph per
// line. For docx the table comes first under "附件1", then the paragraphs,
// as the published document reads; for xlsx the table is the first sheet
// and the text a second sheet (NarrativeSheet), one line per row.
func WriteSample(w io.Writer, format string, ev *jixiao.Evaluation, rs *jixiao.RuleSet, narrative []string) error {
	g := report.TableAsStated(ev, score.Score(ev, rs), rs)
	// the published document names no jixiao rule set: the copy does not either
	g.Note = ""
	switch format {
	case "docx":
		blocks := []report.Block{{Kind: report.KindTable, Grid: g}}
		for _, l := range narrative {
			blocks = append(blocks, report.Para(l))
		}
		o := &report.Outline{Title: "附件1", Sections: []report.Section{{Blocks: blocks}}}
		return docx.WriteReport(w, o, docx.Options{})
	case "xlsx":
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, g); err != nil {
			return err
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			return fmt.Errorf("gen: reopen workbook: %w", err)
		}
		defer f.Close()
		if _, err := f.NewSheet(NarrativeSheet); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		if err := f.SetColWidth(NarrativeSheet, "A", "A", 120); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		for i, l := range narrative {
			if err := f.SetCellStr(NarrativeSheet, fmt.Sprintf("A%d", i+1), l); err != nil {
				return fmt.Errorf("gen: %w", err)
			}
		}
		return f.Write(w)
	}
	return jixiao.Errorf(jixiao.EInvalid, "样本只能写成 docx 或 xlsx，而不是 %q", format)
}
