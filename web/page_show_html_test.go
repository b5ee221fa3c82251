package web

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/rules"
	"jixiao/score"
)

// TestShowWriterMatchesTemplate: the review page written by Go code is
// byte for byte show.html with the layout, for every combination of what
// changes it: the caller's roles (or none), a flash, the workflow steps
// offered (returns with their comment targets, and others), comments
// resolved and open, on known paths and others, workflow steps with and
// without reasons and none, re-scoring with and without the form, the
// rows as a piece or not, one revision or more; and each again with
// every string in the page made of what must be escaped.
func TestShowWriterMatchesTemplate(t *testing.T) {
	p, err := newPages((&Server{}).pageRoutes())
	if err != nil {
		t.Fatal(err)
	}
	ev, doc, _, err := pipeline.Load(samplePathInternal, importer.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := rules.Load("")
	res := score.Score(ev, rs)
	panel := newCheckPanel(ev, res, audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res}))
	at := time.Date(2025, 3, 4, 5, 6, 0, 0, time.UTC)
	rec := &jixiao.EvaluationRecord{ID: 42, Title: "雁峰区司法局", Year: 2024, Kind: jixiao.KindDepartment, Status: jixiao.StatusSubmitted,
		UnitName: "雁峰区司法局", Revision: 3, Version: 7, RuleSet: "hunan", UpdatedName: "填报员", UpdatedAt: at, Content: ev}
	for _, r := range res.Rows {
		rec.Score.Rows = append(rec.Score.Rows, jixiao.RowScore{Index: r.Index, Name: ev.Indicators[r.Index].Name, Weight: r.Weight, Score: r.Score})
	}
	scores := []*jixiao.ReviewScore{{Path: "indicators[1]", Score: decimal.RequireFromString("1.5"), UnitScore: decimal.RequireFromString("2"),
		Reason: "佐证不足", UserName: "审核员", Stage: jixiao.StageDept}}
	comments := []*jixiao.Comment{
		{ID: 1, Path: "indicators[0]", Body: "请补充佐证", UserName: "审核员", CreatedAt: at},
		{ID: 2, Path: "budget.全年执行数", Body: "已改", UserName: "审核员", Resolved: true, CreatedAt: at},
		{ID: 3, Path: "indicators[99]", Body: "行已删除", UserName: "审核员", CreatedAt: at},
		{ID: 4, Path: "", Body: "无标注", UserName: "审核员"},
	}
	transitions := []*jixiao.Transition{
		{Action: jixiao.ActionSubmit, From: jixiao.StatusDraft, To: jixiao.StatusSubmitted, UserName: "填报员", CreatedAt: at},
		{Action: jixiao.ActionDeptReturn, From: jixiao.StatusSubmitted, To: jixiao.StatusDeptReturned, UserName: "审核员", Reason: "执行数有误", CreatedAt: at},
	}
	users := []*jixiao.User{
		nil,
		{Name: "填报员", OrgName: "雁峰区司法局", Roles: []jixiao.Role{jixiao.RoleUnitEditor}},
		{Name: "审核员", OrgName: "主管部门", Roles: []jixiao.Role{jixiao.RoleDeptReviewer}},
		{Name: "全能", OrgName: "财政局", Roles: []jixiao.Role{jixiao.RoleFinanceReviewer, jixiao.RoleFinanceAdmin, jixiao.RoleSystemAdmin}},
	}
	type variant struct {
		name string
		d    pageData
	}
	var variants []variant
	for ui, u := range users {
		for _, state := range []int{0, 1, 2, 3} {
			rc := *rec
			if state%2 == 1 {
				rc.Revision = 1
			}
			pieces := newPagePieces(&rc, panel)
			sp := showPage{Rec: &rc, Pieces: pieces, Downloads: downloads, Transitions: transitions[:state%3]}
			switch state {
			case 0: // a reader who may not score, nobody re-scored: the rows as a piece
				sp.ScoreRows, _ = pieces.Unscored()
				sp.Scores = pieces.Rows
			case 1: // a reviewer who may act, comment and score
				sp.Actions = []labelled{{"dept_return", "退回"}, {"dept_approve", "审核通过"}}
				sp.CanComment, sp.CanScore, sp.Editable = true, true, true
				sp.Comments = comments
				sp.Scores, sp.Gap = withReviews(pieces.Rows, scores)
			case 2: // re-scored, seen by who may not score
				sp.Actions = []labelled{{"finance_return", "财政退回"}}
				sp.Comments = comments[:1]
				sp.Scores, sp.Gap = withReviews(pieces.Rows, scores)
			case 3:
				sp.CanScore = true
				sp.Scores, _ = withReviews(pieces.Rows, nil)
			}
			d := pageData{Title: "审核 · " + rc.Title, User: u, Path: "/evaluations/42", Data: sp}
			if state == 1 {
				d.Flash = "已保存为新的修订。"
			}
			if state == 2 {
				d.Path = "/dashboard"
			}
			variants = append(variants, variant{fmt.Sprintf("user %d, state %d", ui, state), d})
		}
	}
	// the same again with every string made of what must be escaped
	for _, v := range variants[:] {
		d := v.d
		sp := d.Data.(showPage)
		rc := *sp.Rec
		spoil(reflect.ValueOf(&rc).Elem().FieldByName("Title"))
		spoil(reflect.ValueOf(&rc).Elem().FieldByName("UnitName"))
		spoil(reflect.ValueOf(&rc).Elem().FieldByName("UpdatedName"))
		spoil(reflect.ValueOf(&rc).Elem().FieldByName("RuleSet"))
		rc.Kind, rc.Status = jixiao.Kind(spoiled), jixiao.Status(spoiled)
		sp.Rec = &rc
		sp.Actions = spoilCopy(sp.Actions)
		sp.Comments = spoilCopy(sp.Comments)
		sp.Transitions = spoilCopy(sp.Transitions)
		sp.Downloads = spoilCopy(sp.Downloads)
		sp.Scores = spoilCopy(sp.Scores)
		sp.Gap = spoiled + sp.Gap
		if d.User != nil {
			u := *d.User
			u.Name, u.OrgName = spoiled+u.Name, spoiled+u.OrgName
			d.User = &u
		}
		d.Title, d.Flash, d.Error = spoiled+d.Title, spoiled+d.Flash, spoiled
		d.Data = sp
		variants = append(variants, variant{v.name + " (escaped)", d})
	}
	// the URL escapers at a URL's start: a scheme the filter refuses, and
	// what the normalizer and the attribute escaper change
	p.assets["app.css"], p.assets["app.js"] = "javascript:alert(1)", "/assets/0a1b/app.js?v=1&x="+spoiled
	for _, v := range variants {
		var want strings.Builder
		if err := p.views["show"].ExecuteTemplate(&want, "show.html", v.d); err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		got := newPieceHTML(0)
		if err := writeShowPage(got, p, v.d); err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		if g, w := got.b.String(), want.String(); g != w {
			i := firstDiffAt(g, w)
			t.Errorf("%s: the written page differs from show.html at byte %d:\n got %q\nwant %q", v.name, i, around(g, i), around(w, i))
		}
	}
}

// spoilCopy is a deep enough copy of the slice xs with spoil applied to
// every string in it.
func spoilCopy[T any](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		v := reflect.ValueOf(&out[i]).Elem()
		v.Set(reflect.ValueOf(x))
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			c := reflect.New(v.Type().Elem())
			c.Elem().Set(v.Elem())
			v.Set(c)
		}
		if v.Kind() == reflect.Struct {
			for j := range v.NumField() {
				if f := v.Field(j); f.Kind() == reflect.Pointer && !f.IsNil() && v.Type().Field(j).IsExported() {
					c := reflect.New(f.Type().Elem())
					c.Elem().Set(f.Elem())
					f.Set(c)
				}
			}
		}
		spoilTyped(v)
	}
	return out
}

// spoilTyped is spoil reaching strings of named string types too (a
// status, an action) through pointers, without following slices.
func spoilTyped(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(spoiled + v.String())
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				spoilTyped(v.Field(i))
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			spoilTyped(v.Elem())
		}
	}
}
