package web_test

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCommentsFollowIndicatorRows: the unit moves, removes and adds
// indicator rows in the editor after a return with comments on them; the
// editor shows each comment at the indicator it was written on, both while
// the change is not yet saved (a row button pressed) and after the save,
// and the review page names the indicator's new row. A comment on the row
// removed stays, among the comments on the evaluation as a whole.
func TestCommentsFollowIndicatorRows(t *testing.T) {
	eachEngine(t, testCommentsFollowIndicatorRows)
}

func testCommentsFollowIndicatorRows(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	ed := w.login("editorU")
	status, body := ed.upload("/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath), map[string]string{"kind": "部门整体"})
	if status != 200 {
		t.Fatalf("import: %d", status)
	}
	action, form := formOf(t, string(body), "editor")
	id, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(action, "/evaluations/"), "/edit"), 10, 64)
	names := []string{form.Get("i.0.name"), form.Get("i.1.name"), form.Get("i.2.name"), form.Get("i.3.name")}
	var ev struct{ Version int }
	version, _ := strconv.Atoi(form.Get("version"))
	w.login("approverU").must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", id), map[string]any{"action": "submit", "version": version}, 200, &ev)
	w.login("reviewerD").must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", id), map[string]any{"action": "dept_return",
		"version": ev.Version, "reason": "指标有误",
		"comments": []map[string]string{{"path": "indicators[0]", "body": "意见甲"}, {"path": "indicators[1]", "body": "意见乙"},
			{"path": "indicators[2].得分", "body": "意见丙"}, {"path": "indicators[3]", "body": "意见丁"}}}, 200, &ev)

	_, page := ed.page(t, action)
	want := map[string]string{names[0]: "意见甲", names[1]: "意见乙", names[2]: "意见丙", names[3]: "意见丁"}
	if got := commentsByRow(page); !cmp.Equal(got, want) {
		t.Fatalf("after the return (-want +got):\n%s", cmp.Diff(want, got))
	}
	_, form = formOf(t, page, "editor")
	blank := strconv.Itoa(len(indicatorLegends.FindAllString(page, -1)) - 1)
	form.Set("i.2.order", "0.5") // the third row to the top
	form.Set("i.0.remove", "1")
	form.Set("i."+blank+".name", "新增指标")
	form.Set("i."+blank+".level1", "产出指标")
	moved := map[string]string{names[1]: "意见乙", names[2]: "意见丙", names[3]: "意见丁"}

	// a row button shows the rows as they will be saved, each comment at its indicator
	form.Set("op", "add:r.text:1")
	resp, page := ed.postForm(t, action, form)
	if resp.StatusCode != 200 || !strings.Contains(page, "尚未保存") {
		t.Fatalf("row button: %d", resp.StatusCode)
	}
	if got, first := commentsByRow(page), indicatorLegends.FindStringSubmatch(page); !cmp.Equal(got, moved) || first == nil || first[2] != names[2] {
		t.Errorf("before the save (-want +got):\n%s\nfirst row %q, want %q", cmp.Diff(moved, got), first, names[2])
	}
	if !strings.Contains(page, "意见甲") {
		t.Errorf("the comment on the row to be removed is not shown")
	}

	_, form = formOf(t, page, "editor")
	resp, page = ed.postForm(t, action, form)
	if !strings.Contains(page, "已保存") {
		t.Fatalf("save: %d %.300s", resp.StatusCode, page)
	}
	if got := commentsByRow(page); !cmp.Equal(got, moved) {
		t.Errorf("after the save (-want +got):\n%s", cmp.Diff(moved, got))
	}
	if !strings.Contains(page, "意见甲 <span class=\"muted\">— reviewerD，位置：绩效指标（意见所在的一行已删除）") {
		t.Errorf("the comment on the removed row is not among the evaluation's comments")
	}
	// rows now: the old third, second, fourth…
	_, show := ed.page(t, fmt.Sprintf("/evaluations/%d", id))
	if !strings.Contains(show, "标注在 指标第 3 行："+html.EscapeString(names[3])+"）：意见丁") {
		t.Errorf("the review page does not name the moved indicator's new row")
	}
}

var indicatorLegends = regexp.MustCompile(`<legend>第 (\d+) 行(?:：([^<]*)|（新增一行：填写后保存）)</legend>`)

// commentsByRow returns the editor's comments shown in an indicator's
// row, by the row's 三级指标.
func commentsByRow(page string) map[string]string {
	out := map[string]string{}
	rows := strings.Split(page, `<fieldset class="ind`)
	for _, row := range rows[1:] {
		row, _, _ = strings.Cut(row, "</fieldset>")
		legend := indicatorLegends.FindStringSubmatch(row)
		for _, c := range regexp.MustCompile(`<strong>审核意见：</strong>([^<]*) <span`).FindAllStringSubmatch(row, -1) {
			if legend != nil {
				out[html.UnescapeString(legend[2])] += c[1]
			}
		}
	}
	return out
}
