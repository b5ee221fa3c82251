package web_test

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var countErrors = regexp.MustCompile(`id="count-errors">(\d+)<`)

// reportField returns the name and id of the editor's report paragraph
// holding text.
func reportField(t *testing.T, form url.Values, text string) string {
	t.Helper()
	for k, v := range form {
		if strings.HasPrefix(k, "r.text.") && len(v) > 0 && strings.Contains(v[0], text) {
			return k
		}
	}
	t.Fatalf("no report paragraph in the editor holds %q", text)
	return ""
}

// TestReportTextWithoutJavaScript edits the report's text with plain form
// posts: the 项目支出 share the sample misstates (44.67% of 674.85 for
// 286.74, which is 42.49%) is a finding pointing at its paragraph until
// the paragraph is corrected, in the check and in the saved revision.
func TestReportTextWithoutJavaScript(t *testing.T) {
	eachEngine(t, testReportTextWithoutJavaScript)
}

func testReportTextWithoutJavaScript(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	var task struct{ ID int64 }
	w.login("financeAdmin").must("POST", "/api/tasks", map[string]any{"name": "2024 年度部门整体支出绩效自评", "year": 2024,
		"kinds": []string{"部门整体"}, "unit_ids": []int64{w.orgs["U"].ID}, "deadline": time.Now().AddDate(0, 1, 0).Format(time.RFC3339),
		"rule_set": "hunan"}, 201, &task)
	c := w.anon()
	if resp, _ := c.postForm(t, "/login", url.Values{"login": {"editoru"}, "password": {testPassword}, "next": {"/"}}); resp.Request.URL.Path != "/" {
		t.Fatalf("login ends at %s", resp.Request.URL)
	}
	status, body := c.upload("/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath),
		map[string]string{"task_id": strconv.FormatInt(task.ID, 10), "kind": "部门整体"})
	page := string(body)
	checkHTML(t, "import", page)
	if status != 200 {
		t.Fatalf("import: %d %.300s", status, page)
	}
	action, form := formOf(t, page, "editor")
	name := reportField(t, form, "占本年支出44.67%")
	id := "f-" + strings.ReplaceAll(name, ".", "-")
	if !strings.Contains(page, `<label for="`+id+`">`) {
		t.Errorf("the report paragraph %s has no label", id)
	}
	share := regexp.MustCompile(`data-code="N-SHARE">\s*<span class="sev">[^<]*</span>\s*<a href="#` + id + `"`)
	if !share.MatchString(page) {
		t.Fatalf("the imported editor shows no N-SHARE pointing at %s", id)
	}
	if !strings.Contains(page, `data-code="N-SHARES-SUM"`) {
		t.Errorf("the imported editor shows no N-SHARES-SUM (57.51%% + 44.67%%)")
	}
	before := countErrors.FindStringSubmatch(page)
	form.Set(name, strings.Replace(form.Get(name), "占本年支出44.67%", "占本年支出42.49%", 1))

	evPath := strings.TrimSuffix(action, "/edit")
	r, frag := c.postForm(t, evPath+"/check", form)
	if r.StatusCode != 200 || !strings.Contains(frag, `id="score-total"`) {
		t.Fatalf("check: %d %.300s", r.StatusCode, frag)
	}
	for _, code := range []string{"N-SHARE", "N-SHARES-SUM"} {
		if strings.Contains(frag, `data-code="`+code+`"`) {
			t.Errorf("the check after correcting the share still shows %s", code)
		}
	}
	after := countErrors.FindStringSubmatch(frag)
	if before == nil || after == nil {
		t.Fatalf("error counts: before %v, after %v", before, after)
	}
	if b, a := atoi(before[1]), atoi(after[1]); a >= b {
		t.Errorf("errors after correcting the share: %d, before %d; want fewer", a, b)
	}

	// the report's data: what the rendered report says
	if _, ok := form["rd.other"]; !ok {
		t.Fatal("the editor has no field for 其他需要说明的情况")
	}
	const other = "本单位无其他需要说明的情况（网页填报）。"
	form.Set("rd.other", other)
	form.Set("note", "改正项目支出占比")
	resp, saved := c.postForm(t, action, form)
	if !strings.Contains(saved, "已保存") || strings.Contains(saved, `data-code="N-SHARE"`) {
		t.Fatalf("after save at %s: N-SHARE still shown or not saved", resp.Request.URL)
	}
	if _, f := formOf(t, saved, "editor"); !strings.Contains(f.Get(name), "占本年支出42.49%") {
		t.Errorf("the saved paragraph reads %q", f.Get(name))
	}
	if got := countErrors.FindStringSubmatch(saved); got == nil || got[1] != after[1] {
		t.Errorf("saved errors %v, live check %s", got, after[1])
	}
	if _, f := formOf(t, saved, "editor"); f.Get("rd.other") != other {
		t.Errorf("the saved 其他需要说明的情况 reads %q", f.Get("rd.other"))
	}
	if _, rendered := c.page(t, "/api"+evPath+"/downloads/report.html"); !strings.Contains(rendered, other) {
		t.Errorf("the rendered report does not say the edited 其他需要说明的情况")
	}
	if _, review := c.page(t, evPath); strings.Contains(review, `data-code="N-SHARE"`) {
		t.Errorf("the review page still shows N-SHARE after the save")
	}
	if _, diff := c.page(t, evPath+"/diff"); !strings.Contains(diff, "42.49%") || strings.Count(diff, "块文字") != 1 {
		t.Errorf("the diff of the save shows %d report paragraphs, want the corrected one", strings.Count(diff, "块文字"))
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
