package web_test

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEditorRowsWithoutJavaScript adds and removes rows with the editor's
// row buttons as plain form posts: a breakdown row, a row of the report's
// income, a paragraph and a heading of the report's text. Each button
// shows the change unsaved, with the new row focused; the save keeps it.
func TestEditorRowsWithoutJavaScript(t *testing.T) {
	eachEngine(t, testEditorRows)
}

func testEditorRows(t *testing.T, dsn string) {
	e := openSampleEditor(t, dsn)
	c, action, press, page := e.c, e.action, e.press, e.page
	rowsOf := func(p, split string) int {
		return len(regexp.MustCompile(`name="s\.`+split+`\.\d+\.name"`).FindAllString(p, -1))
	}
	before := rowsOf(page, "0")
	if before < 2 {
		t.Fatalf("the first breakdown shows %d rows", before)
	}
	firstName := e.form.Get("s.0.0.name")

	// remove the first row of 按收入性质分, then insert a row after the first
	page = press("del:s.0:0")
	if got := rowsOf(page, "0"); got != before-1 || e.form.Get("s.0.0.name") == firstName {
		t.Fatalf("after 删除: %d rows, first %q; want %d rows without %q", got, e.form.Get("s.0.0.name"), before-1, firstName)
	}
	page = press("add:s.0:1")
	if !strings.Contains(page, `id="f-s-0-1-name" name="s.0.1.name" value="" autofocus`) {
		t.Errorf("the inserted row's name is not the focused blank field")
	}
	e.form.Set("s.0.1.name", "新增资金")
	e.form.Set("s.0.1.fullyear", "1.00")

	// a row of 本年收入 and a paragraph after the report's first
	page = press("add:rd.income:0")
	e.form.Set("rd.income.0.name", "新增收入")
	e.form.Set("rd.income.0.amount", "2.50")
	page = press("add:r.text:1")
	if !strings.Contains(page, `id="f-r-text-1" name="r.text.1" rows="2" autofocus></textarea>`) {
		t.Fatalf("the inserted paragraph is not the focused blank text area")
	}
	e.form.Set("r.text.1", "本段为单位补充的说明。")
	page = press("addh:r.text:2")
	e.form.Set("r.text.2", "（补充）情况说明")
	// and the report's last paragraph removed
	texts := regexp.MustCompile(`name="r\.text\.(\d+)"`).FindAllStringSubmatch(page, -1)
	last, _ := strconv.Atoi(texts[len(texts)-1][1])
	lastText := e.form.Get("r.text." + strconv.Itoa(last))
	press("del:r.text:" + strconv.Itoa(last))
	e.form.Set("note", "增删行与段落")

	resp, page := c.postForm(t, action, e.form)
	if resp.Request.URL.Query().Get("msg") != "saved" {
		t.Fatalf("save: %s %.300s", resp.Request.URL, page)
	}
	_, saved := formOf(t, page, "editor")
	if saved.Get("s.0.1.name") != "新增资金" || saved.Get("s.0.1.fullyear") != "1.00" || rowsOf(page, "0") != before {
		t.Errorf("the saved breakdown: row 2 %q %q, %d rows", saved.Get("s.0.1.name"), saved.Get("s.0.1.fullyear"), rowsOf(page, "0"))
	}
	if saved.Get("s.0.0.name") == firstName {
		t.Errorf("the removed row %q came back", firstName)
	}
	if saved.Get("rd.income.0.name") != "新增收入" || saved.Get("rd.income.0.amount") != "2.50" {
		t.Errorf("the saved income row: %q %q", saved.Get("rd.income.0.name"), saved.Get("rd.income.0.amount"))
	}
	if saved.Get("r.text.1") != "本段为单位补充的说明。" || saved.Get("r.text.2") != "（补充）情况说明" ||
		!strings.Contains(page, `<label for="f-r-text-2">第 3 段：标题（新增）</label>`) {
		t.Errorf("the saved text: paragraph 2 %q, 3 %q", saved.Get("r.text.1"), saved.Get("r.text.2"))
	}
	if strings.Contains(page, ">"+lastText+"</textarea>") {
		t.Errorf("the removed paragraph %q came back", lastText)
	}
	t.Run("ErrUnknownList", func(t *testing.T) {
		saved.Set("op", "add:nothing:0")
		if r, _ := c.postForm(t, action, saved); r.StatusCode != 400 {
			t.Errorf("an unknown list: %d", r.StatusCode)
		}
	})
}

// sampleEditor is the editor of the sample imported by editorU, driven
// by plain form posts as a browser without JavaScript sends them.
type sampleEditor struct {
	t      *testing.T
	c      *client
	action string
	form   url.Values
	page   string // the editor as first shown
}

func openSampleEditor(t *testing.T, dsn string) *sampleEditor {
	t.Helper()
	c := mustWorld(t, dsn).login("editorU")
	status, body := c.upload("/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath), map[string]string{"kind": "部门整体"})
	if status != 200 {
		t.Fatalf("import: %d", status)
	}
	action, form := formOf(t, string(body), "editor")
	return &sampleEditor{t: t, c: c, action: action, form: form, page: string(body)}
}

// press posts the form with a row button's op: the editor comes back
// unsaved with the change, and its form is what the next post sends.
func (e *sampleEditor) press(op string) string {
	e.t.Helper()
	e.form.Set("op", op)
	resp, p := e.c.postForm(e.t, e.action, e.form)
	e.form.Del("op")
	if resp.StatusCode != 200 || !strings.Contains(p, "尚未保存") {
		e.t.Fatalf("%s: %d %.300s", op, resp.StatusCode, p)
	}
	_, e.form = formOf(e.t, p, "editor")
	return p
}
