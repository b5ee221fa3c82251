package web_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/wire"
	"jixiao/web"
)

// TestPiecesMatchInline: the review and public pages, printing the pieces
// cached per version, are byte for byte the pages rendered with the
// templates called in place (no cache), on a first view and a cached one,
// on this server and on a second one sharing the database; and after a
// save, both servers show the saved content, not a piece of the version
// before.
func TestPiecesMatchInline(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
		serve := func(svc web.Services, inline bool) string {
			srv, err := web.NewServer(web.Config{Services: svc, Logger: logger})
			if err != nil {
				t.Fatal(err)
			}
			if inline {
				if err := web.InlinePieces(srv); err != nil {
					t.Fatal(err)
				}
			}
			ts := httptest.NewServer(srv)
			t.Cleanup(ts.Close)
			return ts.URL
		}
		inline := serve(w.svc, true)
		other := serve(wire.Services(MustOpenDB(t, dsn)), false) // its own connection and caches: another server

		submitted := w.seedEvaluation(jixiao.StatusSubmitted)
		if err := w.svc.Comments.CreateComment(w.as("reviewerD"), &jixiao.Comment{EvaluationID: submitted.id, Path: "indicators[1]", Body: "请补充<佐证>"}); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.Reviews.SaveReviewScore(w.as("reviewerD"), &jixiao.ReviewScore{EvaluationID: submitted.id, Path: "indicators[0]", Score: decimal.RequireFromString("1.5"), Reason: "佐证不足"}); err != nil {
			t.Fatal(err)
		}
		published := w.seedEvaluation(jixiao.StatusPublished)
		draft := w.seedEvaluation(jixiao.StatusDraft)

		// pages of every base, each fetched by the same user
		views := func(c *client, path string) map[string]string {
			t.Helper()
			out := map[string]string{}
			for _, at := range []struct{ name, base string }{{"first", w.url}, {"cached", w.url}, {"inline", inline}, {"other", other}, {"other cached", other}} {
				_, out[at.name] = (&client{t: t, base: at.base, hc: c.hc}).page(t, path)
			}
			return out
		}
		same := func(what string, pages map[string]string) string {
			t.Helper()
			want := pages["inline"]
			for name, got := range pages {
				if got != want {
					t.Errorf("%s: the %s page differs from the page rendered inline at byte %d", what, name, firstDiff(got, want))
				}
			}
			return want
		}
		for _, v := range []struct {
			who  *client
			path string
		}{
			{w.login("reviewerD"), fmt.Sprintf("/evaluations/%d", submitted.id)}, // actions, review score forms, comments
			{w.editor(), fmt.Sprintf("/evaluations/%d", submitted.id)},
			{w.anon(), fmt.Sprintf("/public/%d", published.id)},
			{w.login("financeAdmin"), fmt.Sprintf("/public/%d", published.id)},
			{w.editor(), fmt.Sprintf("/evaluations/%d/edit", submitted.id)}, // the editor's panel, comments at their rows
		} {
			page := same(v.path, views(v.who, v.path))
			if !strings.Contains(page, `id="t-indicators"`) && !strings.Contains(page, `id="editor"`) || !strings.Contains(page, "<ol class=\"findings\"") {
				t.Errorf("%s: no table or findings in the page", v.path)
			}
		}

		// a save on this server: both show it, and what they showed before is
		// gone, on the pages and through the API (whose body of a version is
		// kept too, and found by the row alone)
		path, api := fmt.Sprintf("/evaluations/%d", draft.id), fmt.Sprintf("/api/evaluations/%d", draft.id)
		before := same("draft before the save", views(w.editor(), path))
		editBefore := same("draft's editor before the save", views(w.editor(), path+"/edit"))
		answers := func() []string {
			var out []string
			for _, base := range []string{w.url, w.url, other, other} {
				st, b := (&client{t: t, base: base, hc: w.editor().hc, header: http.Header{}}).call("GET", api, nil)
				if st != 200 {
					t.Fatalf("GET %s: %d %s", api, st, b)
				}
				out = append(out, string(b))
			}
			for _, b := range out[1:] {
				if b != out[0] {
					t.Errorf("GET %s answers differ between reads:\n%s\n%s", api, out[0], b)
				}
			}
			return out
		}
		apiBefore := answers()
		content := cloneContent(t, draft.content)
		content["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": "保存后的<完成情况>"}
		w.editor().must("PUT", fmt.Sprintf("/api/evaluations/%d", draft.id), map[string]any{"version": draft.version, "evaluation": content}, 200, nil)
		after := same("draft after the save", views(w.editor(), path))
		if editAfter := same("draft's editor after the save", views(w.editor(), path+"/edit")); editAfter == editBefore {
			t.Errorf("after the save the editor shows the page of the version before")
		}
		if after == before || !strings.Contains(after, "保存后的&lt;完成情况&gt;") {
			t.Errorf("after the save the page does not show the saved goal")
		}
		if apiAfter := answers(); apiAfter[0] == apiBefore[0] || !strings.Contains(apiAfter[0], `保存后的\u003c完成情况\u003e`) && !strings.Contains(apiAfter[0], "保存后的<完成情况>") {
			t.Errorf("after the save GET %s does not answer the saved goal: %s", api, apiAfter[0])
		}
	})
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
