package web_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSaveRepinsThroughAPI: after a return with comments and review
// scores on indicator rows, the unit saves through PUT
// /api/evaluations/{id} with rows moved and one removed, first without
// saying where the rows came from (the storage finds them by name), then
// with indicator_origins for a row renamed as it moves, which names alone
// cannot follow. Each comment and review score stays on its indicator;
// the review score of the removed row is dropped, the comment on it kept
// on the indicators as a whole.
func TestSaveRepinsThroughAPI(t *testing.T) {
	eachEngine(t, testSaveRepinsThroughAPI)
}

func testSaveRepinsThroughAPI(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	ed, ap, rd := w.login("editorU"), w.login("approverU"), w.login("reviewerD")
	status, body := ed.upload("/api/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath),
		map[string]string{"kind": "部门整体", "unit_id": strconv.FormatInt(w.orgs["U"].ID, 10)})
	if status != 201 {
		t.Fatalf("import: %d %s", status, body)
	}
	var ev evaluation
	mustJSON(t, body, &ev)
	url := fmt.Sprintf("/api/evaluations/%d", ev.ID)
	inds := ev.Content["指标"].([]any)
	if len(inds) < 5 {
		t.Fatalf("the sample has %d indicators, the test moves five", len(inds))
	}
	name := func(i int) string { return inds[i].(map[string]any)["三级指标"].(string) }
	n1, n2 := name(1), name(2)

	ap.must("POST", url+"/transitions", map[string]any{"action": "submit", "version": ev.Version}, 200, &ev)
	for _, p := range []string{"indicators[0]", "indicators[1]", "indicators[2]"} {
		rd.must("POST", url+"/review-scores", map[string]any{"path": p, "score": "0", "reason": "佐证材料不足"}, 200, nil)
	}
	rd.must("POST", url+"/transitions", map[string]any{"action": "dept_return", "version": ev.Version, "reason": "指标有误",
		"comments": []map[string]string{{"path": "indicators[0]", "body": "意见甲"}, {"path": "indicators[1].得分", "body": "意见乙"},
			{"path": "indicators[2]", "body": "意见丙"}, {"path": "indicators[3]", "body": "意见丁"}}}, 200, &ev)

	type pins struct{ Comments, Scores map[string]string }
	pinned := func() pins {
		var cs struct{ Items []struct{ Path, Body string } }
		ed.must("GET", url+"/comments", nil, 200, &cs)
		var rs struct{ Items []struct{ Path, Item string } }
		ed.must("GET", url+"/review-scores", nil, 200, &rs)
		p := pins{map[string]string{}, map[string]string{}}
		for _, c := range cs.Items {
			p.Comments[c.Body] = c.Path
		}
		for _, s := range rs.Items {
			p.Scores[s.Item] = s.Path
		}
		return p
	}
	save := func(rows []any, origins []int) {
		ev.Content["指标"] = rows
		req := map[string]any{"version": ev.Version, "evaluation": ev.Content, "note": "调整指标"}
		if origins != nil {
			req["indicator_origins"] = origins
		}
		ed.must("PUT", url, req, 200, &ev)
	}

	// rows 1 and 2 swap, row 3 goes to the top, row 0 is removed
	rows := append([]any{inds[3], inds[2], inds[1]}, inds[4:]...)
	save(rows, nil)
	want := pins{
		Comments: map[string]string{"意见甲": "indicators", "意见乙": "indicators[2].得分", "意见丙": "indicators[1]", "意见丁": "indicators[0]"},
		Scores:   map[string]string{n1: "indicators[2]", n2: "indicators[1]"},
	}
	if got := pinned(); !cmp.Equal(got, want) {
		t.Fatalf("after a save without origins (-want +got):\n%s", cmp.Diff(want, got))
	}

	// old row 1, renamed, back to the top: only the origins can say it
	renamed := map[string]any{}
	for k, v := range rows[2].(map[string]any) {
		renamed[k] = v
	}
	renamed["三级指标"] = n1 + "（改名）"
	save(append([]any{renamed, rows[1], rows[0]}, rows[3:]...), append([]int{2, 1, 0}, seq(3, len(rows))...))
	want = pins{
		Comments: map[string]string{"意见甲": "indicators", "意见乙": "indicators[0].得分", "意见丙": "indicators[1]", "意见丁": "indicators[2]"},
		Scores:   map[string]string{n1: "indicators[0]", n2: "indicators[1]"},
	}
	if got := pinned(); !cmp.Equal(got, want) {
		t.Fatalf("after a save with origins (-want +got):\n%s", cmp.Diff(want, got))
	}

	// origins that do not fit the rows are refused, and nothing moves
	if st, b := ed.call("PUT", url, map[string]any{"version": ev.Version, "evaluation": ev.Content, "indicator_origins": []int{0, 0}}); st != 400 {
		t.Fatalf("save with bad origins: %d %s, want 400", st, b)
	}
	if got := pinned(); !cmp.Equal(got, want) {
		t.Errorf("after a refused save (-want +got):\n%s", cmp.Diff(want, got))
	}
}

// seq is from, from+1 … to-1.
func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
