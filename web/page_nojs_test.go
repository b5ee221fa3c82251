package web_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// get fetches a page and checks it.
func (c *client) page(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, err := c.hc.Get(c.base + path)
	if err != nil {
		t.Fatal(err)
	}
	return resp, readPage(t, path, resp)
}

func readPage(t *testing.T, name string, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := copyBody(&b, resp); err != nil {
		t.Fatal(err)
	}
	src := b.String()
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(ct, "text/html") && strings.Contains(src, "<main") {
		checkHTML(t, name, src)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", name, csp)
		}
	}
	return src
}

// postForm posts url-encoded fields as a browser's form does, following
// the redirect.
func (c *client) postForm(t *testing.T, path string, v url.Values) (*http.Response, string) {
	t.Helper()
	resp, err := c.hc.PostForm(c.base+path, v)
	if err != nil {
		t.Fatal(err)
	}
	return resp, readPage(t, path, resp)
}

// formOf returns the fields of the form with the given id as the browser
// would send them, and its action.
func formOf(t *testing.T, src, id string) (string, url.Values) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	var form *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" {
			if v, _ := attr(n, "id"); v == id {
				form = n
			}
		}
		for c := n.FirstChild; c != nil && form == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if form == nil {
		t.Fatalf("no form #%s", id)
	}
	v := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name, _ := attr(n, "name")
			switch n.Data {
			case "input":
				typ, _ := attr(n, "type")
				_, checked := attr(n, "checked")
				if name != "" && (typ != "checkbox" || checked) && typ != "submit" && typ != "file" {
					val, _ := attr(n, "value")
					v.Add(name, val)
				}
			case "textarea":
				text := ""
				if n.FirstChild != nil {
					text = n.FirstChild.Data
				}
				v.Add(name, text)
			case "select":
				val := ""
				for o := n.FirstChild; o != nil; o = o.NextSibling {
					if o.Type == html.ElementNode && o.Data == "option" {
						if _, sel := attr(o, "selected"); sel {
							val, _ = attr(o, "value")
							if _, has := attr(o, "value"); !has && o.FirstChild != nil {
								val = o.FirstChild.Data
							}
						}
					}
				}
				v.Add(name, val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	action, _ := attr(form, "action")
	return action, v
}

var scoreTotal = regexp.MustCompile(`id="score-total">([0-9.]+)<`)

// TestPagesWithoutJavaScript runs the editor's part of the story with
// plain form posts, as a browser without JavaScript does: every page
// works, parses and has no inline script.
func TestPagesWithoutJavaScript(t *testing.T) {
	eachEngine(t, testPagesWithoutJavaScript)
}

func testPagesWithoutJavaScript(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	var task struct{ ID int64 }
	w.login("financeAdmin").must("POST", "/api/tasks", map[string]any{"name": "2024 年度部门整体支出绩效自评", "year": 2024,
		"kinds": []string{"部门整体"}, "unit_ids": []int64{w.orgs["U"].ID}, "deadline": time.Now().AddDate(0, 1, 0).Format(time.RFC3339),
		"rule_set": "hunan"}, 201, &task)
	c := w.anon()

	t.Run("LoginFirst", func(t *testing.T) {
		resp, src := c.page(t, "/")
		if resp.Request.URL.Path != "/login" || !strings.Contains(src, `name="password"`) {
			t.Fatalf("anonymous / ends at %s", resp.Request.URL)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		resp, src := c.postForm(t, "/login", url.Values{"login": {"editoru"}, "password": {"wrong"}})
		if resp.StatusCode != 401 || !strings.Contains(src, "登录名或密码错误") {
			t.Fatalf("wrong password: %d", resp.StatusCode)
		}
	})
	resp, src := c.postForm(t, "/login", url.Values{"login": {"editoru"}, "password": {testPassword}, "next": {"/"}})
	if resp.Request.URL.Path != "/" || !strings.Contains(src, "本单位待交的自评表") || !strings.Contains(src, "未开始") {
		t.Fatalf("after login: %s %.300s", resp.Request.URL, src)
	}

	t.Run("Assets", func(t *testing.T) {
		css := regexp.MustCompile(`href="(/assets/[0-9a-f]+/app\.css)"`).FindStringSubmatch(src)
		if css == nil {
			t.Fatal("no hashed stylesheet link")
		}
		r, err := c.hc.Get(c.base + css[1])
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 200 || !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d %q", css[1], r.StatusCode, r.Header.Get("Cache-Control"))
		}
		r, err = c.hc.Get(c.base + "/assets/000000000000/app.css")
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 404 {
			t.Errorf("a stale hash: %d, want 404", r.StatusCode)
		}
	})

	status, body := c.upload("/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath),
		map[string]string{"task_id": strconv.FormatInt(task.ID, 10), "kind": "部门整体"})
	page := string(body)
	checkHTML(t, "import", page)
	if status != 200 || !strings.Contains(page, `data-code="T-EXEC-NO-EXECUTED"`) || !strings.Contains(page, "导入时未能读取") {
		t.Fatalf("import: %d %.500s", status, page)
	}
	before := scoreTotal.FindStringSubmatch(page)
	action, form := formOf(t, page, "editor")
	form.Set("b.executed", "674.85")
	form.Set("b.rate", "100.00%")
	form.Set("note", "补填全年执行数")

	t.Run("Check", func(t *testing.T) {
		id := strings.TrimSuffix(action, "/edit")
		r, frag := c.postForm(t, id+"/check", form)
		if r.StatusCode != 200 || strings.Contains(frag, "T-EXEC-NO-EXECUTED") || !strings.Contains(frag, `id="score-total"`) {
			t.Fatalf("check: %d %.300s", r.StatusCode, frag)
		}
	})

	resp, page = c.postForm(t, action, form)
	after := scoreTotal.FindStringSubmatch(page)
	if !strings.HasSuffix(resp.Request.URL.Path, "/edit") || !strings.Contains(page, "已保存") || strings.Contains(page, `data-code="T-EXEC-NO-EXECUTED"`) {
		t.Fatalf("after save at %s: %.500s", resp.Request.URL, page)
	}
	if before == nil || after == nil || before[1] == after[1] {
		t.Errorf("score before %v, after %v: want a change", before, after)
	}

	t.Run("ErrStaleVersion", func(t *testing.T) {
		r, p := c.postForm(t, action, form) // the same version again
		if r.StatusCode != 409 || !strings.Contains(p, "未保存") {
			t.Fatalf("a save from a stale version: %d", r.StatusCode)
		}
	})
	t.Run("Downloads", func(t *testing.T) {
		links := regexp.MustCompile(`href="(/api/evaluations/\d+/downloads/[a-z]+\.[a-z]+)"`).FindAllStringSubmatch(page, -1)
		if len(links) != 6 {
			t.Fatalf("the editor links %d downloads, want 6", len(links))
		}
		for _, l := range links {
			r, err := c.hc.Get(c.base + l[1])
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode != 200 || r.ContentLength == 0 {
				t.Errorf("%s: %d, %d bytes", l[1], r.StatusCode, r.ContentLength)
			}
		}
	})
	for _, path := range []string{"/", strings.TrimSuffix(action, "/edit"), strings.TrimSuffix(action, "/edit") + "/diff", "/public"} {
		if r, _ := c.page(t, path); r.StatusCode != 200 {
			t.Errorf("%s: %d", path, r.StatusCode)
		}
	}
}

func copyBody(b *strings.Builder, resp *http.Response) (int64, error) { return io.Copy(b, resp.Body) }
