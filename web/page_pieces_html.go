package web

import (
	"bytes"
	"html/template"
	"strconv"

	"jixiao"
)

// The pieces of a version written by Go code instead of their templates:
// executing the templates (reflection on every field, an escaper call per
// value) was about half the CPU of a version's first view. Each writer
// prints, byte for byte, what its template prints for the same data
// (TestPieceWritersMatchTemplates holds them together over the sample, the
// real corpus, generated evaluations and every field filled with what
// must be escaped), so a change to _table.html, _panel.html, show.html's
// "targets" and "scorerows" or public_show.html's "remained" must be made
// here too, or that test fails.

// pieceHTML builds one piece's HTML, or a page's.
type pieceHTML struct{ b *bytes.Buffer }

// newPieceHTML returns a builder with room for size bytes.
func newPieceHTML(size int) *pieceHTML {
	return &pieceHTML{b: bytes.NewBuffer(make([]byte, 0, size))}
}

// raw writes s as it is: template text, never data.
func (w *pieceHTML) raw(s string) { w.b.WriteString(s) }

// text writes s as html/template escapes a value in HTML text and in a
// quoted attribute value (htmlEscaper, attrEscaper): NUL and the five
// characters that can end a text or an attribute, and '+' (for UTF-7
// sniffing), replaced; everything else, invalid UTF-8 included, as it is.
// Every replaced character is ASCII, which no byte of a multi-byte UTF-8
// sequence is, so a byte scan sees what html/template's rune scan sees.
func (w *pieceHTML) text(s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.b.WriteString(s[written:i])
		w.b.WriteString(repl)
		written = i + 1
	}
	w.b.WriteString(s[written:])
}

// fragment writes s as html/template escapes a value in a URL's query or
// fragment inside a quoted attribute (urlEscaper, then attrEscaper):
// every byte but RFC 3986's unreserved ones percent-encoded, which leaves
// nothing for the attribute escaper to change.
func (w *pieceHTML) fragment(s string) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			w.b.WriteByte(c)
			continue
		}
		w.b.WriteByte('%')
		w.b.WriteByte(hex[c>>4])
		w.b.WriteByte(hex[c&15])
	}
}

func (w *pieceHTML) int(n int) { w.b.WriteString(strconv.Itoa(n)) }

func (w *pieceHTML) html() template.HTML { return template.HTML(w.b.String()) }

// tableHTML is _table.html's "table" of ev.
func tableHTML(ev *jixiao.Evaluation) template.HTML {
	w := newPieceHTML(4096 + 512*len(ev.Indicators))
	bu := &ev.Budget
	w.raw("\n<table class=\"grid sheet\" id=\"t-budget\">\n<caption>年度资金总额（万元）</caption>\n" +
		"<thead><tr><th scope=\"col\">年度预算申请</th><th scope=\"col\">年初预算数</th><th scope=\"col\">全年预算数</th><th scope=\"col\">全年执行数</th><th scope=\"col\">分值</th><th scope=\"col\">执行率</th><th scope=\"col\">得分</th></tr></thead>\n" +
		"<tbody><tr>")
	for _, f := range []*jixiao.Figure{&bu.Request, &bu.Initial, &bu.FullYear, &bu.Executed, &bu.Weight, &bu.Rate, &bu.Score} {
		w.raw("<td class=\"num\">")
		w.text(f.Text)
		w.raw("</td>")
	}
	w.raw("</tr></tbody>\n</table>\n")
	for si := range bu.Splits {
		sp := &bu.Splits[si]
		w.raw("\n<table class=\"grid sheet\" id=\"t-split-")
		w.int(si)
		w.raw("\">\n<caption>")
		w.text(sp.Name)
		w.raw("</caption>\n<thead><tr><th scope=\"col\">项目</th><th scope=\"col\">年初预算数</th><th scope=\"col\">全年预算数</th><th scope=\"col\">全年执行数</th><th scope=\"col\">执行率</th></tr></thead>\n<tbody>")
		for ri := range sp.Rows {
			r := &sp.Rows[ri]
			w.raw("<tr><th scope=\"row\">")
			w.text(r.Name)
			w.raw("</th>")
			for _, f := range []*jixiao.Figure{&r.Initial, &r.FullYear, &r.Executed, &r.Rate} {
				w.raw("<td class=\"num\">")
				w.text(f.Text)
				w.raw("</td>")
			}
			w.raw("</tr>")
		}
		w.raw("</tbody>\n</table>\n")
	}
	w.raw("\n<table class=\"grid sheet\" id=\"t-goal\">\n<caption>年度总体目标</caption>\n" +
		"<thead><tr><th scope=\"col\">预期目标</th><th scope=\"col\">实际完成情况</th></tr></thead>\n<tbody><tr><td class=\"prose\">")
	w.text(ev.Goal.Expected)
	w.raw("</td><td class=\"prose\">")
	w.text(ev.Goal.Actual)
	w.raw("</td></tr></tbody>\n</table>\n<table class=\"grid sheet\" id=\"t-indicators\">\n<caption>绩效指标</caption>\n" +
		"<thead><tr><th scope=\"col\">一级指标</th><th scope=\"col\">二级指标</th><th scope=\"col\">三级指标</th><th scope=\"col\">年度指标值</th><th scope=\"col\">实际完成值</th><th scope=\"col\">分值</th><th scope=\"col\">得分</th><th scope=\"col\">偏差原因分析及改进措施</th></tr></thead>\n<tbody>")
	for i := range ev.Indicators {
		in := &ev.Indicators[i]
		w.raw("<tr id=\"row-")
		w.int(i)
		w.raw("\"><td>")
		w.text(in.Level1)
		w.raw("</td><td>")
		w.text(in.Level2)
		w.raw("</td><td>")
		w.text(in.Name)
		w.raw("</td><td>")
		w.text(in.Target.Raw)
		w.raw("</td><td>")
		w.text(in.Actual.Raw)
		w.raw("</td><td class=\"num\">")
		w.text(in.Weight.Text)
		w.raw("</td><td class=\"num\">")
		w.text(in.Score.Text)
		w.raw("</td><td class=\"prose\">")
		w.text(in.Deviation)
		w.raw("</td></tr>")
	}
	w.raw("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"5\">总分（表列）</th><td></td><td class=\"num\">")
	w.text(ev.StatedTotal.Text)
	w.raw("</td><td>")
	w.text(ev.StatedGrade)
	w.raw("</td></tr></tfoot>\n</table>\n")
	return w.html()
}

// panelHTML is _panel.html's "panel" of p.
func panelHTML(p *checkPanel) template.HTML {
	w := newPieceHTML(3072 + 320*len(p.Rows) + 512*len(p.Findings))
	w.raw("\n<div class=\"panel-body\" data-errors=\"")
	w.int(p.Errors)
	w.raw("\">\n")
	if p.Problem != "" {
		w.raw("<p class=\"alert\" role=\"alert\">")
		w.text(p.Problem)
		w.raw("</p>")
	}
	w.raw("\n<div class=\"scorebox\">\n  <div><span class=\"muted\">计算总分</span> <strong class=\"total\" id=\"score-total\">")
	w.text(p.Total)
	w.raw("</strong> <span class=\"grade\">")
	w.text(p.Grade)
	w.raw("</span></div>\n  ")
	if p.StatedTotal != "" {
		w.raw("<div class=\"muted\">表列总分 ")
		w.text(p.StatedTotal)
		w.raw("</div>")
	}
	w.raw("\n  <div class=\"counts\"><span class=\"sev-error\">错误 <b id=\"count-errors\">")
	w.int(p.Errors)
	w.raw("</b></span> <span class=\"sev-warning\">警告 <b>")
	w.int(p.Warnings)
	w.raw("</b></span> <span class=\"sev-info\">提示 ")
	w.int(p.Infos)
	w.raw("</span></div>\n</div>\n<h2 class=\"h3\">检查发现的问题</h2>\n")
	if len(p.Findings) == 0 {
		w.raw("<p class=\"ok\">没有发现问题。</p>")
	}
	w.raw("\n<ol class=\"findings\" id=\"findings\">\n")
	for i := range p.Findings {
		f := &p.Findings[i]
		w.raw("\n<li class=\"sev-")
		w.text(f.Severity)
		w.raw("\" data-code=\"")
		w.text(f.Code)
		w.raw("\">\n  <span class=\"sev\">")
		w.text(f.SeverityLabel)
		w.raw("</span>\n  ")
		if f.Anchor != "" {
			w.raw("<a href=\"#")
			w.fragment(f.Anchor)
			w.raw("\" class=\"goto\" data-focus=\"")
			w.text(f.Anchor)
			w.raw("\">")
			w.text(f.Message)
			w.raw("</a>")
		} else {
			w.raw("<span>")
			w.text(f.Message)
			w.raw("</span>")
		}
		w.raw("\n  ")
		w.statedExpected(f)
		w.raw("\n  <div class=\"detail muted\">")
		w.text(f.Code)
		if f.Where != "" {
			w.raw(" · 源文件")
			w.text(f.Where)
		}
		if f.Anchor == "" {
			w.raw(" · 在自评报告中")
		}
		w.raw("</div>\n</li>\n")
	}
	w.raw("\n</ol>\n<details class=\"trace\" open>\n<summary>得分依据（规则集 ")
	w.text(p.Rules)
	w.raw("）</summary>\n<table class=\"grid compact\">\n" +
		"<thead><tr><th scope=\"col\">项目</th><th scope=\"col\" class=\"num\">分值</th><th scope=\"col\" class=\"num\">得分</th><th scope=\"col\">计算</th></tr></thead>\n<tbody>\n")
	ex := &p.Execution
	w.traceRow(ex)
	w.text(ex.Formula)
	w.note(ex.Note)
	w.raw("</td></tr>\n")
	for i := range p.Rows {
		r := &p.Rows[i]
		w.raw("\n")
		w.traceRow(r)
		w.text(r.Method)
		if r.Formula != "" {
			w.raw("：")
			w.text(r.Formula)
		}
		w.note(r.Note)
		w.raw("</td></tr>\n")
	}
	w.raw("\n</tbody>\n</table>\n</details>\n</div>\n")
	return w.html()
}

// traceRow writes a trace row up to its formula cell's content.
func (w *pieceHTML) traceRow(r *panelRow) {
	w.raw("<tr><td><a href=\"#")
	w.fragment(r.Anchor)
	w.raw("\" data-focus=\"")
	w.text(r.Anchor)
	w.raw("\">")
	w.text(r.Name)
	w.raw("</a></td><td class=\"num\">")
	w.text(r.Weight)
	w.raw("</td><td class=\"num\">")
	w.text(r.Score)
	w.raw("</td><td class=\"formula\">")
}

func (w *pieceHTML) note(n string) {
	if n != "" {
		w.raw("<div class=\"muted\">")
		w.text(n)
		w.raw("</div>")
	}
}

// targetsHTML is show.html's "targets" of paths.
func targetsHTML(paths []labelled) template.HTML {
	w := newPieceHTML(64 * len(paths))
	for _, p := range paths {
		w.raw("<option value=\"")
		w.text(p.Code)
		w.raw("\">")
		w.text(p.Label)
		w.raw("</option>")
	}
	return w.html()
}

// scoreRowsHTML is show.html's "scorerows" of rows for a caller who may
// not score (no form on the rows), the only one it is a piece for.
func scoreRowsHTML(rows []reviewRow) template.HTML {
	w := newPieceHTML(192 * len(rows))
	writeScoreRows(w, rows, false, 0)
	return w.html()
}

// writeScoreRows writes show.html's "scorerows" of rows, with the form
// re-scoring each row of evaluation id when canScore.
func writeScoreRows(w *pieceHTML, rows []reviewRow, canScore bool, id int64) {
	for i := range rows {
		r := &rows[i]
		w.raw("\n<tr>\n  <td>")
		w.text(r.Name)
		w.raw("</td><td class=\"num\">")
		w.text(r.Weight)
		w.raw("</td><td class=\"num\">")
		w.text(r.UnitScore)
		w.raw("</td>\n  <td class=\"num\">")
		if r.Review != nil {
			w.text(r.Review.Score.StringFixed(2))
		}
		w.raw("</td>\n  <td class=\"num\">")
		w.text(r.Gap)
		w.raw("</td>\n  <td>")
		if r.Review != nil {
			w.text(r.Review.Reason)
			w.raw(" <span class=\"muted\">— ")
			w.text(r.Review.UserName)
			w.raw("（")
			w.text(r.Review.Stage.Label())
			w.raw("）</span>")
		}
		w.raw("</td>\n  ")
		if canScore {
			w.raw("<td>\n  <form method=\"post\" action=\"/evaluations/")
			w.id(id)
			w.raw("/review-scores\" class=\"inline score-form\">\n    <input type=\"hidden\" name=\"path\" value=\"")
			w.text(r.Path)
			w.raw("\">\n    <label for=\"score-")
			w.int(r.Index)
			w.raw("\" class=\"sr\">")
			w.text(r.Name)
			w.raw(" 复核得分</label><input id=\"score-")
			w.int(r.Index)
			w.raw("\" name=\"score\" inputmode=\"decimal\" size=\"5\" required value=\"")
			if r.Review != nil {
				w.text(r.Review.Score.StringFixed(2))
			}
			w.raw("\">\n    <label for=\"rs-reason-")
			w.int(r.Index)
			w.raw("\" class=\"sr\">")
			w.text(r.Name)
			w.raw(" 理由</label><input id=\"rs-reason-")
			w.int(r.Index)
			w.raw("\" name=\"reason\" placeholder=\"理由\" value=\"")
			if r.Review != nil {
				w.text(r.Review.Reason)
			}
			w.raw("\">\n    <button type=\"submit\">保存</button>\n  </form></td>")
		}
		w.raw("\n</tr>\n")
	}
}

// remainedHTML is public_show.html's "remained" of p.
func remainedHTML(p *checkPanel) template.HTML {
	w := newPieceHTML(256 + 256*len(p.Findings))
	w.raw("<section><h2>公开时仍存在的问题（")
	w.int(len(p.Findings))
	w.raw("）</h2>\n<ol class=\"findings\">")
	for i := range p.Findings {
		f := &p.Findings[i]
		w.raw("<li class=\"sev-")
		w.text(f.Severity)
		w.raw("\"><span class=\"sev\">")
		w.text(f.SeverityLabel)
		w.raw("</span> ")
		w.text(f.Message)
		w.statedExpected(f)
		w.raw("</li>")
	}
	if len(p.Findings) == 0 {
		w.raw("<li class=\"ok\">没有问题。</li>")
	}
	w.raw("</ol>\n</section>")
	return w.html()
}

// statedExpected writes a finding's figure as stated and as expected,
// where it has them (_panel.html and public_show.html alike).
func (w *pieceHTML) statedExpected(f *panelFinding) {
	if f.Expected == "" {
		return
	}
	w.raw("<div class=\"detail\">表列：")
	w.text(f.Stated)
	w.raw("　应为：")
	w.text(f.Expected)
	w.raw("</div>")
}
