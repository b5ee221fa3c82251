package web_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestReportTextStartAndOrder: without JavaScript, the unit inserts a
// heading and a paragraph at the very start of the report and moves
// paragraphs up and down with the row buttons; the save keeps the order;
// a move past either end is refused.
func TestReportTextStartAndOrder(t *testing.T) {
	eachEngine(t, testReportTextStartAndOrder)
}

func testReportTextStartAndOrder(t *testing.T, dsn string) {
	e := openSampleEditor(t, dsn)
	c, action, press := e.c, e.action, e.press
	texts := func() []string {
		var out []string
		for i := 0; ; i++ {
			v, ok := e.form["r.text."+itoa(i)]
			if !ok {
				return out
			}
			out = append(out, v[0])
		}
	}
	orig := texts()
	if len(orig) < 6 {
		t.Fatalf("the sample's report has %d paragraphs", len(orig))
	}

	page := press("add:r.text:0")
	if !strings.Contains(page, `id="f-r-text-0" name="r.text.0" rows="2" autofocus></textarea>`) {
		t.Fatalf("the paragraph inserted at the start is not the focused blank first text area")
	}
	e.form.Set("r.text.0", "开头补充的说明。")
	press("addh:r.text:0")
	e.form.Set("r.text.0", "前言")
	// the report's paragraphs 3 and 4 (now 5 and 6) swapped by moving 3
	// down; its paragraph 6 (now 8) moved up past 5 (now 7)
	page = press("down:r.text:4")
	if !strings.Contains(page, `id="f-r-text-5"`) || !regexp.MustCompile(`id="f-r-text-5" name="r\.text\.5"[^>]*autofocus`).MatchString(page) {
		t.Errorf("the moved paragraph is not focused at its new place")
	}
	press("up:r.text:7")
	want := append([]string{"前言", "开头补充的说明。"}, orig[0], orig[1], orig[3], orig[2], orig[5], orig[4])
	want = append(want, orig[6:]...)
	if got := texts(); !slices.Equal(got, want) {
		t.Fatalf("before the save the text reads %q…, want %q…", got[:8], want[:8])
	}

	resp, page := c.postForm(t, action, e.form)
	if resp.Request.URL.Query().Get("msg") != "saved" {
		t.Fatalf("save: %s %.300s", resp.Request.URL, page)
	}
	_, e.form = formOf(t, page, "editor")
	if got := texts(); !slices.Equal(got, want) {
		t.Errorf("after the save the text reads %q…, want %q…", got[:8], want[:8])
	}
	for _, op := range []string{"up:r.text:0", "down:r.text:" + itoa(len(want)-1)} {
		e.form.Set("op", op)
		if r, _ := c.postForm(t, action, e.form); r.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", op, r.StatusCode)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
