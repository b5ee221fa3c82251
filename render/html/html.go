// Package html writes the 自评报告 and the 自评表 as one self-contained,
// print-friendly HTML file: inline CSS with A4 @page rules, real tables
// with colspan/rowspan, charts as inline SVG, no external assets or
// scripts, so it opens offline and prints like the Word version.
package html

import (
	"fmt"
	"html"
	"io"
	"strings"

	"jixiao/render/report"
)

const css = `@page{size:A4;margin:25mm 22mm}
body{font-family:"FangSong_GB2312","仿宋_GB2312","FangSong","STFangsong","LXGW WenKai",serif;font-size:16pt;line-height:1.75;max-width:170mm;margin:2em auto;color:#000;background:#fff}
h1{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Songti SC",serif;font-size:22pt;font-weight:normal;text-align:center;margin:.4em 0}
h1.unit{margin-bottom:0}
h2{font-family:"SimHei","黑体","Heiti SC",sans-serif;font-size:16pt;font-weight:normal;margin:.6em 0 .2em}
h3{font-family:"KaiTi_GB2312","楷体_GB2312","KaiTi","STKaiti",serif;font-size:16pt;font-weight:normal;margin:.4em 0 .2em}
p{text-indent:2em;margin:0;text-align:justify}
p.note{text-indent:0;text-align:right;font-size:10.5pt}
.caption{text-indent:0;text-align:center;font-family:"SimHei","黑体",sans-serif;font-size:12pt;margin-top:.6em}
.subtitle{text-indent:0;text-align:center;font-size:12pt}
table{border-collapse:collapse;width:100%;margin:.4em 0 .8em;font-family:"SimSun","宋体","Songti SC",serif;font-size:10.5pt;line-height:1.4;page-break-inside:auto}
td,th{border:1px solid #000;padding:3px 4px;text-align:center;vertical-align:middle}
th{font-weight:bold}
td.l{text-align:left}td.r{text-align:right}
tr{page-break-inside:avoid}
figure{margin:.6em 0;text-align:center;page-break-inside:avoid}
figure svg{max-width:100%;height:auto}
section.attachment{page-break-before:always}
@media print{body{margin:0;max-width:none}}`

// WriteReport writes the composed report as one HTML page.
func WriteReport(w io.Writer, o *report.Outline) error {
	var b strings.Builder
	head(&b, o.Title)
	if o.Unit != "" {
		fmt.Fprintf(&b, "<h1 class=\"unit\">%s</h1>\n", esc(o.Unit))
	}
	fmt.Fprintf(&b, "<h1>%s</h1>\n", esc(o.Title))
	for _, s := range o.Sections {
		switch s.Level {
		case 1:
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(s.Heading))
		case 2:
			fmt.Fprintf(&b, "<h3>%s</h3>\n", esc(s.Heading))
		}
		for _, bl := range s.Blocks {
			if err := block(&b, bl); err != nil {
				return err
			}
		}
	}
	for _, a := range o.Attachments {
		fmt.Fprintf(&b, "<section class=\"attachment\">\n<p class=\"note\" style=\"text-align:left\">%s</p>\n", esc(a.Label))
		grid(&b, a.Grid)
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// WriteTable writes the 自评表 alone.
func WriteTable(w io.Writer, g *report.Grid) error {
	var b strings.Builder
	head(&b, g.Title)
	grid(&b, g)
	b.WriteString("</body>\n</html>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

func head(b *strings.Builder, title string) {
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"jixiao\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(title), css)
}

func block(b *strings.Builder, bl report.Block) error {
	switch bl.Kind {
	case report.KindTable:
		grid(b, bl.Grid)
	case report.KindChart:
		b.WriteString("<figure>")
		if err := bl.Chart.SVG(b); err != nil {
			return fmt.Errorf("html: %w", err)
		}
		b.WriteString("</figure>\n")
	default:
		class := ""
		if bl.Style != "" {
			class = fmt.Sprintf(" class=\"%s\"", bl.Style)
		}
		fmt.Fprintf(b, "<p%s>%s</p>\n", class, esc(bl.Text))
	}
	return nil
}

func grid(b *strings.Builder, g *report.Grid) {
	if g.Title != "" {
		fmt.Fprintf(b, "<p class=\"caption\">%s</p>\n", esc(g.Title))
	}
	if g.Subtitle != "" {
		fmt.Fprintf(b, "<p class=\"subtitle\">%s</p>\n", esc(g.Subtitle))
	}
	if g.Note != "" {
		fmt.Fprintf(b, "<p class=\"note\">%s</p>\n", esc(g.Note))
	}
	b.WriteString("<table>\n<colgroup>")
	total := g.Width()
	for _, w := range g.Widths {
		fmt.Fprintf(b, "<col style=\"width:%.1f%%\">", 100*w/total)
	}
	b.WriteString("</colgroup>\n")
	for _, row := range g.Rows {
		b.WriteString("<tr>")
		for _, c := range row {
			if c.Covered {
				continue
			}
			tag := "td"
			if c.Header {
				tag = "th"
			}
			fmt.Fprintf(b, "<%s", tag)
			if c.ColSpan > 1 {
				fmt.Fprintf(b, " colspan=\"%d\"", c.ColSpan)
			}
			if c.RowSpan > 1 {
				fmt.Fprintf(b, " rowspan=\"%d\"", c.RowSpan)
			}
			switch c.Align {
			case report.AlignLeft:
				b.WriteString(` class="l"`)
			case report.AlignRight:
				b.WriteString(` class="r"`)
			}
			fmt.Fprintf(b, ">%s</%s>", strings.ReplaceAll(esc(c.Text), "\n", "<br>"), tag)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}

func esc(s string) string { return html.EscapeString(s) }
