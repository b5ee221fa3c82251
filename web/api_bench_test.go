package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"jixiao"
)

// BenchmarkAPI is one client's requests on the paths bench/api loads, over
// loopback, the server and the client in this process: allocations and
// time per request without the load of 64 connections, to compare a
// change with the plain path before it. The figures go with bench/ and
// docs, never into assertions.
func BenchmarkAPI(b *testing.B) {
	for _, engine := range engines(b) {
		b.Run(engine, func(b *testing.B) {
			w := mustWorld(b, MustDSN(b, engine))
			task := &jixiao.Task{Name: "2024 年度自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject},
				UnitIDs: []int64{w.orgs["U"].ID, w.orgs["V"].ID}, Deadline: time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC), RuleSet: "hunan"}
			if err := w.svc.Tasks.CreateTask(w.as("financeAdmin"), task); err != nil {
				b.Fatal(err)
			}
			ev := w.seedEvaluation(jixiao.StatusDraft)
			c := w.editor()
			get := func(path string) func(b *testing.B) {
				return func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if status, body := c.call("GET", path, nil); status != http.StatusOK {
							b.Fatalf("GET %s: %d %s", path, status, body)
						}
					}
				}
			}
			b.Run("GET evaluation", get(fmt.Sprintf("/api/evaluations/%d", ev.id)))
			b.Run("GET unit task list", get(fmt.Sprintf("/api/tasks?unit=%d", w.orgs["U"].ID)))
			b.Run("PUT evaluation", func(b *testing.B) {
				inds := ev.content["指标"].([]any)
				row := inds[0].(map[string]any)
				actual, version := row["实际完成值"], ev.version
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					row["实际完成值"] = actual
					if i%2 == 0 {
						row["实际完成值"] = "1"
					}
					i++
					var saved evaluation
					c.must("PUT", fmt.Sprintf("/api/evaluations/%d", ev.id), map[string]any{"version": version, "evaluation": ev.content, "note": "基准"}, http.StatusOK, &saved)
					version = saved.Version
				}
			})
		})
	}
}
