package web

import (
	"html/template"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/audit"
	"jixiao/gen"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/rules"
	"jixiao/score"
)

// TestPieceWritersMatchTemplates: each piece written by Go code is byte
// for byte what its template writes for the same data: over the sample,
// every file of the real corpus, generated evaluations with and without
// injected errors, and each of those again with every string in it (the
// content, the check panel, the review rows) made of what must be
// escaped.
func TestPieceWritersMatchTemplates(t *testing.T) {
	p, err := newPages((&Server{}).pageRoutes())
	if err != nil {
		t.Fatal(err)
	}
	plain := func(t *testing.T, view, name string, data any) template.HTML {
		t.Helper()
		var b strings.Builder
		if err := p.views[view].ExecuteTemplate(&b, name, data); err != nil {
			t.Fatalf("%s of %s: %v", name, view, err)
		}
		return template.HTML(b.String())
	}
	type named struct {
		name string
		ev   *jixiao.Evaluation
		doc  *jixiao.Document
	}
	var evs []named
	files, _ := filepath.Glob("../testdata/real/*/*")
	files = append([]string{"../testdata/yanfeng-sfj-2024.yaml", samplePathInternal, "../testdata/samples/yanfeng-sfj-2024.docx"}, files...)
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".yaml":
			if base := filepath.Base(f); base == "meta.yaml" || base == "truth.yaml" {
				continue
			}
		case ".txt", ".docx", ".xlsx", ".html", ".pdf":
		default:
			continue
		}
		ev, doc, _, err := pipeline.Load(f, importer.DefaultLimits())
		if err != nil || ev == nil {
			continue // a file of the corpus that reads as no table is no case here
		}
		evs = append(evs, named{f, ev, doc})
	}
	if len(evs) < 40 {
		t.Fatalf("only %d evaluations read from the sample and the corpus", len(evs))
	}
	for i := range 40 {
		kind := jixiao.KindProject
		if i%2 == 0 {
			kind = jixiao.KindDepartment
		}
		c, err := gen.Generate(2024, i, gen.Options{Kind: kind, ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, named{c.Name, c.Eval, nil})
	}
	findings := 0
	for _, n := range evs {
		rs, err := rules.Load(n.ev.Rules)
		if err != nil {
			rs, _ = rules.Load("")
		}
		res := score.Score(n.ev, rs)
		panel := newCheckPanel(n.ev, res, audit.Check(audit.Input{Eval: n.ev, Doc: n.doc, Rules: rs, Result: res}))
		findings += len(panel.Findings)
		var rows []reviewRow
		for _, r := range res.Rows {
			rows = append(rows, reviewRow{Index: r.Index, Path: indicatorPath(r.Index), Name: n.ev.Indicators[r.Index].Name, Weight: r.Weight.String(), UnitScore: r.Score.StringFixed(2)})
		}
		var scores []*jixiao.ReviewScore
		if len(rows) > 1 {
			scores = []*jixiao.ReviewScore{{Path: rows[1].Path, Score: decimal.RequireFromString("1.5"), UnitScore: decimal.RequireFromString("2"),
				Reason: "佐证不足", UserName: "审核员", Stage: jixiao.StageDept}}
		}
		reviewed, _ := withReviews(rows, scores)
		cases := []struct {
			what           string
			ev             *jixiao.Evaluation
			panel          checkPanel
			rows, reviewed []reviewRow
		}{{"", n.ev, panel, rows, reviewed}}
		// the same again with every string made of what must be escaped
		ev, hostile := *n.ev, panel
		ev.Budget.Splits = append([]jixiao.BudgetSplit(nil), ev.Budget.Splits...)
		for i := range ev.Budget.Splits {
			ev.Budget.Splits[i].Rows = append([]jixiao.BudgetRow(nil), ev.Budget.Splits[i].Rows...)
		}
		ev.Indicators = append([]jixiao.Indicator(nil), ev.Indicators...)
		hostile.Rows = append([]panelRow(nil), panel.Rows...)
		hostile.Findings = append([]panelFinding(nil), panel.Findings...)
		hostileRows := append([]reviewRow(nil), rows...)
		hostileReviewed := append([]reviewRow(nil), reviewed...)
		for i := range hostileReviewed {
			if r := hostileReviewed[i].Review; r != nil {
				c := *r
				hostileReviewed[i].Review = &c
			}
		}
		for _, v := range []any{&ev.Budget, &ev.Goal, &ev.Indicators, &ev.StatedTotal, &ev.StatedGrade, &hostile, &hostileRows, &hostileReviewed} {
			spoil(reflect.ValueOf(v).Elem())
		}
		hostile.Problem = "无法检查<" + hostile.Problem
		cases = append(cases, struct {
			what           string
			ev             *jixiao.Evaluation
			panel          checkPanel
			rows, reviewed []reviewRow
		}{" (escaped)", &ev, hostile, hostileRows, hostileReviewed})
		for _, c := range cases {
			ro := c.panel.readOnly()
			for _, check := range []struct {
				piece     string
				got, want template.HTML
			}{
				{"table", tableHTML(c.ev), plain(t, "show", "table", c.ev)},
				{"panel", panelHTML(&ro), plain(t, "show", "panel", ro)},
				{"editor's panel", panelHTML(&c.panel), plain(t, "edit", "panel", c.panel)},
				{"targets", targetsHTML(commentTargets(c.ev)), plain(t, "show", "targets", commentTargets(c.ev))},
				{"score rows", scoreRowsHTML(c.rows), plain(t, "show", "scorerows", showPage{Scores: c.rows})},
				{"score rows reviewed", scoreRowsHTML(c.reviewed), plain(t, "show", "scorerows", showPage{Scores: c.reviewed})},
				{"remained", remainedHTML(&ro), plain(t, "public_show", "remained", ro)},
				{"live check", checkHTML(&c.panel), plain(t, "check", "check.html", pageData{Data: c.panel})},
			} {
				if check.got != check.want {
					i := firstDiffAt(string(check.got), string(check.want))
					t.Errorf("%s%s: %s differs from its template at byte %d:\n got %q\nwant %q", n.name, c.what, check.piece, i,
						around(string(check.got), i), around(string(check.want), i))
				}
			}
		}
	}
	if findings == 0 {
		t.Errorf("no findings in any evaluation: the findings' part of the panel was never compared")
	}
}

// samplePathInternal is the sample the story tests import.
const samplePathInternal = "../testdata/samples/yanfeng-sfj-2024.txt"

// spoiled is what every string becomes, around what it was: each
// character html/template replaces, a character it escapes only in other
// contexts, invalid UTF-8, noncharacters, and text an attribute or a
// fragment could be ended with.
const spoiled = "\x00<b>&amp;\"'+ %/#?=\xff\xfe\ufdd0\uffff\u2028 a\"onclick=x </td>"

// spoil prefixes every settable string reachable from v with spoiled.
func spoil(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(spoiled + v.String())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				spoil(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			spoil(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			spoil(v.Elem())
		}
	}
}

func firstDiffAt(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(s string, i int) string { return s[max(0, i-60):min(len(s), i+60)] }
