// Package render writes an evaluation's official documents: the 自评表
// (Table) and the 自评报告 (Report), in xlsx, docx, pdf, html or md. It
// scores the evaluation, composes the format-neutral documents with
// render/report and hands them to the format package; see docs/render.md
// for what is printed as stated and what is computed.
package render

import (
	"fmt"
	"io"
	"strings"

	"jixiao"
	"jixiao/render/chart"
	"jixiao/render/docx"
	"jixiao/render/html"
	"jixiao/render/internal/cjkfont"
	"jixiao/render/md"
	"jixiao/render/pdf"
	"jixiao/render/report"
	"jixiao/render/xlsx"
	"jixiao/rules"
	"jixiao/score"
)

// Formats lists the output formats, as given to Table and Report.
var Formats = []string{"xlsx", "docx", "pdf", "html", "md"}

// Options tunes rendering.
type Options struct {
	// Rules scores the evaluation; nil means the rule set the evaluation
	// names, else rules.Default.
	Rules *jixiao.RuleSet
	// Findings are the audit's findings; the report appends them as a
	// section when WithFindings is set.
	Findings     []jixiao.Finding
	WithFindings bool
	// FontPath is a Chinese TrueType font (.ttf, glyf outlines) for PDF text
	// and chart labels; empty means $JIXIAO_FONT, else the embedded 宋 face
	// (render/internal/cjkfont).
	FontPath string
}

// Table writes ev's 自评表 in format (xlsx, docx, pdf, html, md).
func Table(w io.Writer, format string, ev *jixiao.Evaluation, opt Options) error {
	rs, err := ruleSet(ev, opt)
	if err != nil {
		return err
	}
	g := report.Table(ev, score.Score(ev, rs), rs)
	switch format = normalize(format); format {
	case "xlsx":
		return xlsx.Write(w, g)
	case "docx":
		return docx.WriteTable(w, g)
	case "pdf":
		po, err := pdfOptions(opt.FontPath, false)
		if err != nil {
			return err
		}
		return pdf.WriteTable(w, g, po)
	case "html":
		return html.WriteTable(w, g)
	case "md":
		return md.WriteTable(w, g)
	}
	return badFormat(format)
}

// Report writes ev's 自评报告 in format (docx, pdf, html, md). A report in
// xlsx is refused with an error that says to render the table instead.
func Report(w io.Writer, format string, ev *jixiao.Evaluation, opt Options) error {
	rs, err := ruleSet(ev, opt)
	if err != nil {
		return err
	}
	o := report.Compose(ev, score.Score(ev, rs), rs, report.Options{Findings: opt.Findings, WithFindings: opt.WithFindings})
	switch format = normalize(format); format {
	case "xlsx":
		return jixiao.Errorf(jixiao.EInvalid, "自评报告不能输出为 xlsx：xlsx 只用于自评表，请改用 docx、pdf、html 或 md")
	case "docx":
		var do docx.Options
		if _, data, err := cjkfont.Load(opt.FontPath); err == nil {
			do.ChartFont, _ = chart.ParseFont(data)
		} else if opt.FontPath != "" {
			return fmt.Errorf("render: %w", err)
		}
		return docx.WriteReport(w, o, do)
	case "pdf":
		po, err := pdfOptions(opt.FontPath, true)
		if err != nil {
			return err
		}
		return pdf.WriteReport(w, o, po)
	case "html":
		return html.WriteReport(w, o)
	case "md":
		return md.WriteReport(w, o)
	}
	return badFormat(format)
}

func pdfOptions(fontPath string, charts bool) (pdf.Options, error) {
	path, data, err := cjkfont.Load(fontPath)
	if err != nil {
		return pdf.Options{}, &jixiao.Error{Code: jixiao.EInvalid, Message: "指定的 PDF 字体无法使用（需要单一字体、glyf 轮廓的 TrueType .ttf 文件；不指定则用内置字体）：" + err.Error(), Err: err}
	}
	po := pdf.Options{Font: data, Fallback: cjkfont.Fallbacks(path)}
	if charts {
		f, err := chart.ParseFont(data)
		if err != nil {
			return po, fmt.Errorf("render: font %s: %w", path, err)
		}
		po.ChartFont = f
	}
	return po, nil
}

func ruleSet(ev *jixiao.Evaluation, opt Options) (*jixiao.RuleSet, error) {
	if opt.Rules != nil {
		return opt.Rules, nil
	}
	return rules.Load(ev.Rules)
}

func normalize(format string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(format)), ".")
}

func badFormat(format string) error {
	return jixiao.Errorf(jixiao.EInvalid, "不支持的输出格式 %q（可选：%s）", format, strings.Join(Formats, "、"))
}
