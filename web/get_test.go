package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"jixiao"
)

// TestGetChangesNothing calls every GET operation of the OpenAPI document
// (which TestOpenAPIMatchesRoutes keeps equal to the routes), as several
// users and as nobody, and checks that no evaluation changed and that the
// audit log, which records every change, gained nothing but logins and
// refusals.
func TestGetChangesNothing(t *testing.T) {
	w := mustWorld(t, MustDSN(t, "sqlite"))
	evs := []*seeded{w.seedEvaluation(jixiao.StatusDraft), w.seedEvaluation(jixiao.StatusSubmitted), w.seedEvaluation(jixiao.StatusPublished)}
	admin := w.login("admin")
	fa := w.login("financeAdmin")
	var task struct{ ID int64 }
	fa.must("POST", "/api/tasks", map[string]any{"name": "任务", "year": 2024, "kinds": []string{"项目"},
		"unit_ids": []int64{w.orgs["U"].ID}, "deadline": "2030-01-01T00:00:00Z", "rule_set": "hunan"}, 201, &task)
	var tok struct{ ID int64 }
	ed := w.login("editorU")
	ed.must("POST", "/api/tokens", map[string]string{"name": "脚本"}, 201, &tok)
	ed.must("POST", fmt.Sprintf("/api/evaluations/%d/comments", evs[1].id), map[string]string{"path": "indicators[0]", "body": "意见"}, 201, nil)

	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	w.anon().must("GET", "/api/openapi.json", nil, 200, &doc)
	users := []*client{w.anon(), ed, w.login("reviewerD"), w.login("reviewerE"), fa, admin}

	var before struct{ Total int }
	admin.must("GET", "/api/log?limit=1", nil, 200, &before)
	n := 0
	for path, ops := range doc.Paths {
		if _, ok := ops["get"]; !ok {
			continue
		}
		for _, ev := range evs {
			p := strings.NewReplacer("{id}", fmt.Sprint(ev.id), "{n}", "1", "{file}", "table.xlsx").Replace(path)
			switch {
			case strings.HasPrefix(path, "/api/tasks/"):
				p = strings.Replace(path, "{id}", fmt.Sprint(task.ID), 1)
			case strings.HasPrefix(path, "/api/organisations/"):
				p = strings.Replace(path, "{id}", fmt.Sprint(w.orgs["U"].ID), 1)
			case strings.HasPrefix(path, "/api/users/"):
				p = strings.Replace(path, "{id}", fmt.Sprint(w.users["editorU"].ID), 1)
			case path == "/static/{file}":
				p = "/static/robots.txt"
			}
			for _, c := range users {
				if st, b := c.call("GET", p, nil); st >= 500 {
					t.Errorf("GET %s: %d %s", p, st, b)
				}
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d GET requests made", n)
	}
	for _, ev := range evs {
		var got evaluation
		status, b := ed.call("GET", fmt.Sprintf("/api/public/evaluations/%d", ev.id), nil)
		if status == 200 {
			mustJSON(t, b, &got)
		} else {
			ed.must("GET", fmt.Sprintf("/api/evaluations/%d", ev.id), nil, 200, &got)
		}
		if got.Version != ev.version {
			t.Errorf("evaluation %d went from version %d to %d on GETs", ev.id, ev.version, got.Version)
		}
	}
	var after struct {
		Total int
		Items []struct{ Action, Object string }
	}
	admin.must("GET", fmt.Sprintf("/api/log?offset=%d&limit=500", before.Total), nil, 200, &after)
	t.Logf("%d GET requests; the log gained %d entries", n, len(after.Items))
	for _, e := range after.Items {
		if e.Action != string(jixiao.LogForbidden) && e.Action != string(jixiao.LogLogin) {
			t.Errorf("a GET wrote %s %s to the audit log", e.Action, e.Object)
		}
	}
}
