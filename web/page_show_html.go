package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// The review page written by Go code instead of show.html and the
// layout's "head" and "foot": with its pieces kept per version, executing
// the page's own template was about a third of the CPU of every view of
// it. writeShowPage prints, byte for byte, what the templates print for
// the same data (TestShowWriterMatchesTemplate over callers, workflow
// states, comments and every string made of what must be escaped; and
// TestPiecesMatchInline, whose inline server renders the templates), so a
// change to show.html or _layout.html must be made here too.

// renderShow writes the review page d with writeShowPage, as render writes
// a view; a server told to render every page with its templates
// (pages.plain, for the tests that hold the two together) renders
// show.html instead.
func (s *Server) renderShow(w http.ResponseWriter, r *http.Request, d pageData) error {
	p := s.pages()
	if p.plain {
		return s.render(w, r, http.StatusOK, "show", d)
	}
	d.User = jixiao.UserFromContext(r.Context())
	d.Path = r.URL.Path
	return writePage(w, http.StatusOK, func(buf *bytes.Buffer) error { return writeShowPage(&pieceHTML{b: buf}, p, d) })
}

// url writes s as html/template escapes a value inside a URL attribute
// after its start (urlNormalizer, then attrEscaper): bytes that are
// neither unreserved nor reserved in RFC 3986, and '%' not starting an
// escape, percent-encoded, then what the attribute escaper replaces.
func (w *pieceHTML) url(s string) {
	const hex = "0123456789abcdef"
	isHex := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0,
			'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		w.text(s)
		return
	}
	b.WriteString(s[written:])
	w.text(b.String())
}

// urlStart writes s where a URL attribute starts: as url, after
// html/template's filter of schemes other than http, https and mailto.
func (w *pieceHTML) urlStart(s string) {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") &&
		!strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
		s = "#ZgotmplZ"
	}
	w.url(s)
}

func (w *pieceHTML) id(n int64) { w.b.WriteString(strconv.FormatInt(n, 10)) }

// writeLayoutHead is _layout.html's "head" of d.
func writeLayoutHead(w *pieceHTML, p *pages, d pageData) {
	w.raw("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	w.text(d.Title)
	w.raw(" · 预算绩效自评系统</title>\n")
	if d.Refresh != 0 {
		w.raw("<meta http-equiv=\"refresh\" content=\"")
		w.int(d.Refresh)
		w.raw("\">")
	}
	w.raw("\n<link rel=\"stylesheet\" href=\"")
	w.urlStart(p.assets["app.css"])
	w.raw("\">\n<script src=\"")
	w.urlStart(p.assets["app.js"])
	w.raw("\" defer></script>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">跳到正文</a>\n<header class=\"top\">\n  <a class=\"brand\" href=\"/\">预算绩效自评系统</a>\n  <nav aria-label=\"主导航\">\n    ")
	current := func(path string) {
		if d.Path == path {
			w.raw("aria-current=\"page\"")
		}
	}
	if d.User != nil {
		w.raw("\n    <a href=\"/\" ")
		current("/")
		w.raw(">我的任务</a>\n    ")
		for _, n := range []struct {
			roles       []jixiao.Role
			path, label string
		}{
			{[]jixiao.Role{jixiao.RoleFinanceReviewer, jixiao.RoleFinanceAdmin, jixiao.RoleSystemAdmin}, "/overview", "任务总览"},
			{[]jixiao.Role{jixiao.RoleDeptReviewer, jixiao.RoleFinanceReviewer, jixiao.RoleFinanceAdmin}, "/dashboard", "看板"},
			{[]jixiao.Role{jixiao.RoleFinanceAdmin, jixiao.RoleSystemAdmin}, "/admin", "单位与用户"},
			{[]jixiao.Role{jixiao.RoleFinanceAdmin}, "/intakes", "批量收件"},
		} {
			if hasAnyRole(d.User, n.roles) {
				w.raw("<a href=\"" + n.path + "\" ")
				current(n.path)
				w.raw(">" + n.label + "</a>")
			}
			w.raw("\n    ")
		}
	}
	w.raw("\n    <a href=\"/public\" ")
	current("/public")
	w.raw(">公开信息</a>\n  </nav>\n  <div class=\"who\">\n    ")
	if d.User != nil {
		w.raw("<span>")
		w.text(d.User.Name)
		w.raw("（")
		w.text(d.User.OrgName)
		w.raw("）</span>\n    <form method=\"post\" action=\"/logout\"><button type=\"submit\" class=\"link\">退出</button></form>\n    ")
	} else {
		w.raw("<a href=\"/login\">登录</a>")
	}
	w.raw("\n  </div>\n</header>\n<main id=\"main\">\n")
	if d.Flash != "" {
		w.raw("<p class=\"flash\" role=\"status\">")
		w.text(d.Flash)
		w.raw("</p>")
	}
	w.raw("\n")
	if d.Error != "" {
		w.raw("<p class=\"alert\" role=\"alert\">")
		w.text(d.Error)
		w.raw("</p>")
	}
	w.raw("\n")
}

// hasAnyRole is the templates' hasRole.
func hasAnyRole(u *jixiao.User, roles []jixiao.Role) bool {
	for _, r := range u.Roles {
		for _, want := range roles {
			if r == want {
				return true
			}
		}
	}
	return false
}

// writeLayoutFoot is _layout.html's "foot".
func writeLayoutFoot(w *pieceHTML) {
	w.raw("\n</main>\n<footer class=\"foot\">预算绩效自评系统 · 得分与检查由 jixiao 计算</footer>\n</body>\n</html>\n")
}

// writeShowPage is show.html of d, whose Data is a showPage.
func writeShowPage(w *pieceHTML, p *pages, d pageData) error {
	sp := d.Data.(showPage)
	rec, pieces := sp.Rec, sp.Pieces
	w.b.Grow(16384 + 2048*len(pieces.Ev.Indicators))
	writeLayoutHead(w, p, d)
	w.raw("\n\n<div class=\"titlebar\">\n  <h1>")
	w.text(rec.Title)
	w.raw(" <small>")
	w.int(rec.Year)
	w.raw(" 年度 · ")
	w.text(string(rec.Kind))
	w.raw("</small></h1>\n  <span class=\"badge st-")
	w.text(string(rec.Status))
	w.raw("\">")
	w.text(rec.Status.Label())
	w.raw("</span>\n  <span class=\"muted\">")
	w.text(rec.UnitName)
	w.raw(" · 第 ")
	w.int(rec.Revision)
	w.raw(" 次修订 · 规则集 ")
	w.text(rec.RuleSet)
	w.raw("</span>\n  ")
	if sp.Editable {
		w.raw("<a href=\"/evaluations/")
		w.id(rec.ID)
		w.raw("/edit\" class=\"button\">去填报页修改</a>")
	}
	w.raw("\n</div>\n")
	if len(sp.Actions) > 0 {
		targets, err := pieces.Targets()
		if err != nil {
			return err
		}
		w.raw("\n<section class=\"actions\" id=\"actions\">\n<h2>审核操作</h2>\n<div class=\"row\">\n")
		for _, a := range sp.Actions {
			w.raw("\n")
			if a.Code == "dept_return" || a.Code == "finance_return" {
				writeTransitionHead(w, rec, a, " return")
				w.raw("</h3>\n  <label for=\"reason-")
				w.text(a.Code)
				w.raw("\">退回原因（必填）</label>\n  <textarea id=\"reason-")
				w.text(a.Code)
				w.raw("\" name=\"reason\" rows=\"2\" required></textarea>\n  <label for=\"path-")
				w.text(a.Code)
				w.raw("\">意见标注在</label>\n  <select id=\"path-")
				w.text(a.Code)
				w.raw("\" name=\"path\">")
				w.raw(string(targets))
				w.raw("</select>\n  <label for=\"comment-")
				w.text(a.Code)
				w.raw("\">具体意见</label>\n  <textarea id=\"comment-")
				w.text(a.Code)
				w.raw("\" name=\"comment\" rows=\"2\"></textarea>\n  <button type=\"submit\" class=\"danger\">")
				w.text(a.Label)
				w.raw("</button>\n</form>\n")
			} else {
				writeTransitionHead(w, rec, a, "")
				w.raw("</h3>\n  <button type=\"submit\" class=\"primary\">")
				w.text(a.Label)
				w.raw("</button>\n</form>\n")
			}
			w.raw("\n")
		}
		w.raw("\n</div>\n</section>\n")
	}
	table, err := pieces.Table()
	if err != nil {
		return err
	}
	w.raw("\n<div class=\"editor\">\n<div>\n<section><h2>自评表（只读）</h2>")
	w.raw(string(table))
	w.raw("</section>\n<section id=\"review\">\n<h2>复核评分</h2>\n<table class=\"grid\">\n" +
		"<thead><tr><th scope=\"col\">指标</th><th scope=\"col\" class=\"num\">分值</th><th scope=\"col\" class=\"num\">单位自评</th><th scope=\"col\" class=\"num\">复核得分</th><th scope=\"col\" class=\"num\">差额</th><th scope=\"col\">理由</th>")
	if sp.CanScore {
		w.raw("<th scope=\"col\">复核</th>")
	}
	w.raw("</tr></thead>\n<tbody>\n")
	if sp.ScoreRows != "" {
		w.raw(string(sp.ScoreRows))
	} else {
		writeScoreRows(w, sp.Scores, sp.CanScore, rec.ID)
	}
	w.raw("\n</tbody>\n")
	if sp.Gap != "" {
		w.raw("<tfoot><tr><th scope=\"row\" colspan=\"4\">复核差额合计</th><td class=\"num\" id=\"gap-total\">")
		w.text(sp.Gap)
		w.raw("</td><td colspan=\"2\"></td></tr></tfoot>")
	}
	w.raw("\n</table>\n</section>\n<section id=\"comments\">\n<h2>审核意见</h2>\n")
	if len(sp.Comments) == 0 {
		w.raw("<p class=\"muted\">暂无意见。</p>")
	}
	w.raw("\n<ul class=\"comments\">")
	for _, c := range sp.Comments {
		w.raw("<li>")
		if c.Resolved {
			w.raw("<span class=\"badge\">已处理</span> ")
		}
		w.raw("<span class=\"")
		if c.Resolved {
			w.raw("resolved")
		}
		w.raw("\"><strong>")
		w.text(c.UserName)
		w.raw("</strong>（")
		w.text(dateText(c.CreatedAt))
		w.raw("，标注在 ")
		if l := pieces.Labels[c.Path]; l != "" {
			w.text(l)
		} else {
			w.text(c.Path)
		}
		w.raw("）：")
		w.text(c.Body)
		w.raw("</span></li>")
	}
	w.raw("</ul>\n")
	if sp.CanComment {
		targets, err := pieces.Targets()
		if err != nil {
			return err
		}
		w.raw("\n<form method=\"post\" action=\"/evaluations/")
		w.id(rec.ID)
		w.raw("/comments\" class=\"stack narrow-form\">\n  <label for=\"c-path\">标注在</label>\n  <select id=\"c-path\" name=\"path\">")
		w.raw(string(targets))
		w.raw("</select>\n  <label for=\"c-body\">意见</label>\n  <textarea id=\"c-body\" name=\"body\" rows=\"2\" required></textarea>\n  <button type=\"submit\">添加意见</button>\n</form>\n")
	}
	w.raw("\n</section>\n<section>\n<h2>流程记录</h2>\n<ol class=\"history\">")
	for _, t := range sp.Transitions {
		w.raw("<li>")
		w.text(dateText(t.CreatedAt))
		w.raw(" ")
		w.text(t.UserName)
		w.raw("：")
		w.text(t.Action.Label())
		w.raw("（")
		w.text(t.From.Label())
		w.raw(" → ")
		w.text(t.To.Label())
		w.raw("）")
		if t.Reason != "" {
			w.raw("，原因：")
			w.text(t.Reason)
		}
		w.raw("</li>")
	}
	if len(sp.Transitions) == 0 {
		w.raw("<li class=\"muted\">尚未提交。</li>")
	}
	w.raw("</ol>\n</section>\n<section>\n<h2>修订历史</h2>\n<p>共 ")
	w.int(rec.Revision)
	w.raw(" 次修订，最后一次由 ")
	w.text(rec.UpdatedName)
	w.raw(" 于 ")
	w.text(dateText(rec.UpdatedAt))
	w.raw(" 保存。\n<a href=\"/evaluations/")
	w.id(rec.ID)
	if rec.Revision > 1 {
		w.raw("/diff\">查看修订历史与逐字段对比</a>")
	} else {
		w.raw("/diff\">查看修订内容</a>")
	}
	w.raw("</p>\n</section>\n<p class=\"downloads\">下载：")
	for _, dl := range sp.Downloads {
		w.raw("<a href=\"/api/evaluations/")
		w.id(rec.ID)
		w.raw("/downloads/")
		w.url(dl.File)
		w.raw("\">")
		w.text(dl.Label)
		w.raw("</a> ")
	}
	checks, err := pieces.Checks()
	if err != nil {
		return err
	}
	w.raw("</p>\n</div>\n<aside class=\"panel\" aria-label=\"得分与检查结果\">")
	w.raw(string(checks))
	w.raw("</aside>\n</div>\n")
	writeLayoutFoot(w)
	w.raw("\n")
	return nil
}

// writeTransitionHead opens show.html's form of one transition, up to its
// heading's text; class is added to the card's ("" or " return").
func writeTransitionHead(w *pieceHTML, rec *jixiao.EvaluationRecord, a labelled, class string) {
	w.raw("\n<form method=\"post\" action=\"/evaluations/")
	w.id(rec.ID)
	w.raw("/transitions\" class=\"card")
	w.raw(class)
	w.raw("\">\n  <input type=\"hidden\" name=\"action\" value=\"")
	w.text(a.Code)
	w.raw("\"><input type=\"hidden\" name=\"version\" value=\"")
	w.int(rec.Version)
	w.raw("\">\n  <h3>")
	w.text(a.Label)
}
