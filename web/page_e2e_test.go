package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// chromium returns the browser binary, skipping the test when there is
// none (failing under CI=true, where .ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but chromium is not installed: the end-to-end tests would not run")
	}
	t.Skip("chromium not installed")
	return ""
}

// browser drives one headless Chromium over the world's server, checks
// every page it sees and keeps screenshots.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string
	n     int
}

func newBrowser(t *testing.T, base string) *browser {
	bin := chromium(t)
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "zh-CN"), chromedp.Env("LANGUAGE=zh_CN", "LANG=zh_CN.UTF-8"), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768),
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	b := &browser{t: t, ctx: ctx, base: base, shots: filepath.Join("..", "docs", "img")}
	// the first run starts the browser, under the context it lives as long as
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("JIXIAO_SCREENSHOTS") != "" {
		// the run's screenshots replace the last run's, numbered in story order
		old, _ := filepath.Glob(filepath.Join(b.shots, "web-*.png"))
		for _, f := range old {
			os.Remove(f)
		}
	}
	return b
}

func (b *browser) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		if png, serr := chromedp.Run(b.ctx, chromedp.CaptureScreenshot()); serr == nil {
			failed := filepath.Join(os.TempDir(), "jixiao-e2e-failed.png")
			if os.WriteFile(failed, png, 0o644) == nil {
				b.t.Logf("the page when it failed: %s", failed)
			}
		}
		b.t.Fatal(err)
	}
}

// value runs an action that answers something and returns its answer.
func value[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// text returns the visible text of the first element matching sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	return value(b, chromedp.Text(chromedp.CSS(sel)))
}

// page checks the page shown (see checkHTML).
func (b *browser) page(name string) {
	b.t.Helper()
	checkHTML(b.t, name, value(b, chromedp.OuterHTML(chromedp.CSS("html"))))
}

// checkHTML checks a page: it parses, it has no inline script or event
// handler attribute (so the strict CSP costs it nothing), and every field
// a user fills has a label.
func checkHTML(t *testing.T, name, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("%s: the page does not parse: %v", name, err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>: inline script", name, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" {
				src := ""
				for _, a := range n.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if src == "" || n.FirstChild != nil {
					t.Errorf("%s: inline <script>", name)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// every field a user fills has a label
	labelled := map[string]bool{}
	var fields []string
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := func(k string) string {
				for _, a := range n.Attr {
					if a.Key == k {
						return a.Val
					}
				}
				return ""
			}
			switch n.Data {
			case "label":
				labelled[attr("for")] = true
			case "input", "select", "textarea":
				if t := attr("type"); t != "hidden" && t != "submit" && t != "button" && attr("aria-label") == "" {
					fields = append(fields, attr("id"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(doc)
	for _, id := range fields {
		if id == "" || !labelled[id] {
			t.Errorf("%s: field %q has no label", name, id)
		}
	}
	// every link within the page (a finding's, a trace row's) has its target
	ids, targets := map[string]bool{}, map[string]bool{}
	var anchors func(*html.Node)
	anchors = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[a.Val] = true
				}
				if a.Key == "href" && strings.HasPrefix(a.Val, "#") && len(a.Val) > 1 {
					targets[a.Val[1:]] = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			anchors(c)
		}
	}
	anchors(doc)
	for id := range targets {
		if !ids[id] {
			t.Errorf("%s: a link points at #%s, which is not on the page", name, id)
		}
	}
	return doc
}

// shot saves the viewport (1366×768, what the user sees) as docs/img/web-NN-name.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	b.page(name)
	if os.Getenv("JIXIAO_SCREENSHOTS") == "" {
		return
	}
	png := value(b, chromedp.CaptureScreenshot())
	b.n++
	if err := os.WriteFile(filepath.Join(b.shots, fmt.Sprintf("web-%02d-%s.png", b.n, name)), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) login(name string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(chromedp.CSS("#login")),
		chromedp.SendKeys(chromedp.CSS("#login"), strings.ToLower(name)),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)))
}

func (b *browser) logout() {
	b.t.Helper()
	b.run(chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS("#login")))
}

// retype replaces a field's text by typing, as a user does, so that the
// page's input events fire.
func retype(sel, text string) chromedp.Action[chromedp.Void] {
	selectAll := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(e => (e.select(), true))(document.querySelector(`+strconv.Quote(sel)+`))`)(ctx, t)
		return err
	})
	return chromedp.Steps(chromedp.Focus(chromedp.CSS(sel)), selectAll, chromedp.SendKeys(chromedp.CSS(sel), text))
}

// action clicks the workflow button of the page's form for action and
// waits for the page the step redirects to.
func action(a string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Click(chromedp.CSS(`form:has(input[name="action"][value="`+a+`"]) button`)), landed(a))
}

// landed waits for the page a form's redirect names by its ?msg=: waiting
// for any notice could find the one of the page before.
func landed(msg string) chromedp.Action[chromedp.Void] {
	expr := `new URLSearchParams(location.search).get("msg") === "` + msg + `" && document.readyState === "complete"`
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		// evaluating during the navigation fails; ask again until it answers
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if ok, err := chromedp.Evaluate[bool](expr)(ctx, t); err == nil && ok {
				return nil
			} else if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		return fmt.Errorf("no page with ?msg=%s", msg)
	})
}

// TestPagesStory runs the year's story through the pages in headless
// Chromium, asserting on what the pages show.
func TestPagesStory(t *testing.T) {
	chromium(t)
	w := mustWorld(t, MustDSN(t, "sqlite"))
	b := newBrowser(t, w.url)

	// 任务下达 by the finance admin
	b.login("financeAdmin")
	b.run(chromedp.Navigate(w.url+"/overview"), chromedp.WaitVisible(chromedp.CSS("#open-task")),
		retype("#t-year", "2024"), retype("#t-name", "2024 年度部门整体支出绩效自评"),
		chromedp.Click(chromedp.CSS(`#open-task button`)), landed("task"))
	if got := b.text("main"); !strings.Contains(got, "2024 年度部门整体支出绩效自评") || !strings.Contains(got, "测试司法所") {
		t.Fatalf("the overview after opening the task shows %q", got)
	}
	b.shot("open-task")
	b.logout()
	sample, err := filepath.Abs(samplePath)
	if err != nil {
		t.Fatal(err)
	}

	// 填报: the editor sees what the unit owes and imports the sample
	b.login("editorU")
	if got := b.text("main"); !strings.Contains(got, "本单位待交的自评表") || !strings.Contains(got, "未开始") {
		t.Fatalf("my tasks shows %q, want the owed table, not started", got)
	}
	b.shot("tasks")
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{sample}),
		chromedp.Click(chromedp.CSS(`form[action="/evaluations/import"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#panel")))
	action0 := value(b, chromedp.AttributeValue(chromedp.CSS("#editor"), "action")).Value
	id := strings.TrimSuffix(strings.TrimPrefix(action0, "/evaluations/"), "/edit")
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		t.Fatalf("editor form posts to %q", action0)
	}
	if got := b.text(".notes"); !strings.Contains(got, "全年执行数") {
		t.Errorf("the import notes show %q, want what could not be read (全年执行数)", got)
	}
	panel := b.text("#panel")
	if !strings.Contains(panel, "执行率 61.23% 没有所依据的全年执行数") {
		t.Fatalf("the panel beside the imported form shows %q, want the missing 全年执行数", panel)
	}
	// 下移 then 上移 puts the first row back where it was, renumbering 次序
	b.run(chromedp.Click(chromedp.CSS(`#ind-0 button[data-move="1"]`)))
	if got := value(b, chromedp.Evaluate[string](`document.querySelector('#indicators fieldset').id + ' ' + document.querySelector('#f-i-0-order').value`)); got != "ind-1 2" {
		t.Errorf("after 下移 of row 1: first row and row 1's 次序 %q, want ind-1 2", got)
	}
	b.run(chromedp.Click(chromedp.CSS(`#ind-0 button[data-move="-1"]`)))
	if got := value(b, chromedp.Evaluate[string](`document.querySelector('#indicators fieldset').id + ' ' + document.querySelector('#f-i-0-order').value`)); got != "ind-0 1" {
		t.Errorf("after 上移 back: %q, want ind-0 1", got)
	}
	before := b.text("#score-total")
	errorsBefore, _ := strconv.Atoi(b.text("#count-errors"))
	b.shot("editor-imported")

	// fix the execution figures (the report says 决算数 674.85 of 674.85)
	// and the 项目支出 share of 按支出性质分, 0.01 short of the total
	b.run(retype("#f-b-executed", "674.85"), retype("#f-b-rate", "100.00%"), retype("#f-b-score", "10.00"),
		retype("#f-total", "100.00"), retype("#f-s-1-1-fullyear", "256.97"))
	gone := func(code string) string {
		return `!document.querySelector('#findings [data-code="` + code + `"]')`
	}
	value(b, chromedp.Poll[bool](gone("T-EXEC-NO-EXECUTED")+" && "+gone("T-SPLIT-ROUNDING")+" && "+gone("T-EXEC-SCORE")+
		" && !!document.querySelector('#panel').dataset.seq", chromedp.WithPollingTimeout(20*time.Second)))
	after := b.text("#score-total")
	if after == before {
		t.Errorf("score after fixing the execution figures is still %s", after)
	}
	if e, _ := strconv.Atoi(b.text("#count-errors")); e >= errorsBefore {
		t.Errorf("errors after the fix: %d, before %d; want fewer", e, errorsBefore)
	}
	// the 项目支出 share in the report's text: 286.74 of 674.85 is 42.49%,
	// not 44.67%; the finding takes the editor to the paragraph
	share := `#findings [data-code="N-SHARE"] a.goto`
	field := value(b, chromedp.Evaluate[string](`document.querySelector('`+share+`').dataset.focus`))
	b.run(chromedp.Click(chromedp.CSS(share)))
	if got := value(b, chromedp.Evaluate[string](`document.activeElement.id + ' ' + document.activeElement.value.includes('占本年支出44.67%')`)); got != field+" true" {
		t.Fatalf("clicking N-SHARE focuses %q, want the report paragraph %s with the share", got, field)
	}
	errorsBefore, _ = strconv.Atoi(b.text("#count-errors"))
	fixed := value(b, chromedp.Evaluate[string](`document.getElementById('`+field+`').value.replace('占本年支出44.67%', '占本年支出42.49%')`))
	b.run(retype("#"+field, fixed))
	value(b, chromedp.Poll[bool](gone("N-SHARE")+" && "+gone("N-SHARES-SUM"), chromedp.WithPollingTimeout(20*time.Second)))
	if e, _ := strconv.Atoi(b.text("#count-errors")); e >= errorsBefore {
		t.Errorf("errors after correcting the share: %d, before %d; want fewer", e, errorsBefore)
	}
	// a finding links to its field
	b.run(chromedp.Click(chromedp.CSS(`#findings a.goto`)))
	b.shot("editor-live")

	// the row buttons: a paragraph inserted after the report's first, then a
	// heading after it removed again, the paragraph moved up and down; a
	// breakdown row added and removed.
	// Each swaps the form in place and focuses the new row.
	ops := 0
	press := func(sel string) {
		t.Helper()
		ops++
		b.run(chromedp.Click(chromedp.CSS(sel)))
		value(b, chromedp.Poll[bool](`document.querySelector('#editor').dataset.rows === "`+strconv.Itoa(ops)+`"`, chromedp.WithPollingTimeout(20*time.Second)))
	}
	paragraphs := func() int {
		return value(b, chromedp.Evaluate[int](`document.querySelectorAll('#sec-report .textblock').length`))
	}
	focused := func() string {
		return value(b, chromedp.Evaluate[string](`document.activeElement.id + ' ' + document.activeElement.value`))
	}
	n := paragraphs()
	press(`#para-0 button[value="add:r.text:1"]`)
	if got := focused(); got != "f-r-text-1 " || paragraphs() != n+1 {
		t.Fatalf("after 下方插入段落: focus %q, %d paragraphs; want the blank f-r-text-1, %d", got, paragraphs(), n+1)
	}
	b.run(chromedp.SendKeys(chromedp.CSS("#f-r-text-1"), "本单位按要求开展了绩效自评，现补充说明如下。"))
	press(`#para-1 button[value="addh:r.text:2"]`)
	if got := b.text(`label[for="f-r-text-2"]`); got != "第 3 段：标题（新增）" || paragraphs() != n+2 {
		t.Errorf("after 下方插入标题: the new row's label %q, %d paragraphs", got, paragraphs())
	}
	press(`#para-2 button[value="del:r.text:2"]`)
	if paragraphs() != n+1 || b.text(".flash") == "" {
		t.Errorf("after 删除此段: %d paragraphs, want %d", paragraphs(), n+1)
	}
	// 上移 takes the added paragraph to the start, 下移 back after the first
	press(`#para-1 button[value="up:r.text:1"]`)
	if got := focused(); got != "f-r-text-0 本单位按要求开展了绩效自评，现补充说明如下。" {
		t.Errorf("after 上移: focus %q, want the moved paragraph at the start", got)
	}
	press(`#para-0 button[value="down:r.text:0"]`)
	if got := value(b, chromedp.Evaluate[string](`document.getElementById('f-r-text-1').value`)); got != "本单位按要求开展了绩效自评，现补充说明如下。" {
		t.Errorf("the typed paragraph after the other row buttons: %q", got)
	}
	b.run(chromedp.ScrollIntoView(chromedp.CSS("#para-1")))
	b.shot("editor-report")
	splitRows := func() int {
		return value(b, chromedp.Evaluate[int](`document.querySelectorAll('#split-0 tbody tr').length`))
	}
	rows := splitRows()
	press(`#split-0 button[value="add:s.0:` + strconv.Itoa(rows) + `"]`)
	if got := focused(); got != fmt.Sprintf("f-s-0-%d-name ", rows) || splitRows() != rows+1 {
		t.Errorf("after 添加一行: focus %q, %d rows", got, splitRows())
	}
	b.run(chromedp.ScrollIntoView(chromedp.CSS("#sec-budget")))
	b.shot("editor-budget")
	press(fmt.Sprintf(`#split-0 button[value="del:s.0:%d"]`, rows))
	if splitRows() != rows {
		t.Errorf("after 删除 of the added row: %d rows, want %d", splitRows(), rows)
	}
	b.run(chromedp.SendKeys(chromedp.CSS("#note"), "按决算补填全年执行数与执行率"),
		chromedp.Click(chromedp.CSS(".savebar button.primary")), landed("saved"))
	if got := b.text(".flash"); !strings.Contains(got, "已保存") {
		t.Fatalf("after save: %q", got)
	}
	if got := b.text("#score-total"); got != after {
		t.Errorf("saved score %s, live score was %s", got, after)
	}
	if got := b.text("#findings"); strings.Contains(got, "44.67%") {
		t.Errorf("the saved revision's findings still quote the 44.67%% share: %q", got)
	}
	if got := value(b, chromedp.Evaluate[string](`document.getElementById('f-r-text-1').value`)); got != "本单位按要求开展了绩效自评，现补充说明如下。" {
		t.Errorf("the saved editor's second paragraph is %q, want the one added", got)
	}
	b.logout()

	// 提交 by the approver
	evURL := w.url + "/evaluations/" + id
	b.login("approverU")
	b.run(chromedp.Navigate(evURL), action("submit"))
	if got := b.text(".titlebar"); !strings.Contains(got, "已提交") {
		t.Fatalf("after submit the page shows %q", got)
	}
	b.logout()

	// 主管部门退回 with a comment on 节约率
	b.login("reviewerD")
	b.run(chromedp.Navigate(evURL), chromedp.WaitVisible(chromedp.CSS("#actions")))
	b.shot("review")
	pinned := value(b, chromedp.Evaluate[string](`[...document.querySelectorAll('#path-dept_return option')].find(o => o.textContent.includes('节约率')).value`))
	b.run(chromedp.SendKeys(chromedp.CSS("#reason-dept_return"), "指标体系与规则集不符，请改正后重新提交"),
		chromedp.SetValue(chromedp.CSS("#path-dept_return"), pinned),
		chromedp.SendKeys(chromedp.CSS("#comment-dept_return"), "成本指标应为产出指标下的二级指标"),
		chromedp.Click(chromedp.CSS(`.card.return button`)), landed("dept_return"))
	if got := b.text("#comments"); !strings.Contains(got, "成本指标应为产出指标下的二级指标") {
		t.Fatalf("after the return the comments show %q", got)
	}
	b.logout()

	// the editor sees the comment at that indicator, fixes it, the approver resubmits
	row := strings.TrimSuffix(strings.TrimPrefix(pinned, "indicators["), "]")
	b.login("editorU")
	b.run(chromedp.Navigate(evURL+"/edit"), chromedp.WaitVisible(chromedp.CSS("#ind-"+row)))
	if got := b.text("#ind-" + row + " .comment"); !strings.Contains(got, "成本指标应为产出指标下的二级指标") {
		t.Fatalf("indicator row %s shows %q, want the reviewer's comment", row, got)
	}
	if got := b.text(".returned"); !strings.Contains(got, "指标体系与规则集不符") {
		t.Errorf("the returned banner shows %q", got)
	}
	b.run(chromedp.ScrollIntoView(chromedp.CSS("#ind-" + row)))
	b.shot("editor-returned")
	b.run(retype("#f-i-"+row+"-level1", "产出指标"), retype("#f-i-"+row+"-level2", "成本指标"),
		chromedp.SendKeys(chromedp.CSS("#note"), "按退回意见修改"),
		chromedp.Click(chromedp.CSS(".savebar button.primary")), landed("saved"))
	// the comment dealt with, the row no longer shows it
	b.run(chromedp.Click(chromedp.CSS("#ind-"+row+" .comment button")), landed("resolved"))
	if n := value(b, chromedp.Evaluate[int](`document.querySelectorAll('#ind-`+row+` .comment').length`)); n != 0 {
		t.Errorf("after marking the comment dealt with, row %s shows %d comments", row, n)
	}
	b.logout()
	b.login("approverU")
	b.run(chromedp.Navigate(evURL), action("submit"))
	b.logout()
	b.login("reviewerD")
	b.run(chromedp.Navigate(evURL), action("dept_approve"))
	b.run(chromedp.Navigate(evURL+"/diff"), chromedp.WaitVisible(chromedp.CSS("table")))
	if got := b.text("main"); !strings.Contains(got, "第 2 次 → 第 3 次") || !strings.Contains(got, "指标第 5 行（节约率） · 一级指标") {
		t.Errorf("the diff of the last revision shows %q", got)
	}
	b.shot("diff")
	b.logout()

	// 财政复核: re-score the first indicator, approve
	b.login("financeReviewer")
	b.run(chromedp.Navigate(w.url+"/overview"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := b.text("main"); !strings.Contains(got, "测试司法所") {
		t.Errorf("the overview shows %q, want the unit", got)
	}
	b.shot("overview")
	b.run(chromedp.Navigate(evURL), chromedp.WaitVisible(chromedp.CSS("#score-0")),
		retype("#score-0", "1"), chromedp.SendKeys(chromedp.CSS("#rs-reason-0"), "佐证材料不足"),
		chromedp.Click(chromedp.CSS(`form:has(#score-0) button`)), landed("score"))
	if got := b.text("#gap-total"); !strings.HasPrefix(got, "-") {
		t.Errorf("the gap total is %q, want the points the review took away", got)
	}
	b.run(chromedp.ScrollIntoView(chromedp.CSS("#review")))
	b.shot("rescore")
	b.run(action("finance_approve"))
	b.logout()

	// 公开, and read without login
	b.login("financeAdmin")
	b.run(chromedp.Navigate(evURL), action("publish"))
	b.logout()
	b.run(chromedp.Navigate(w.url+"/public"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := b.text("main"); !strings.Contains(got, "测试司法所") {
		t.Fatalf("the public list shows %q", got)
	}
	b.shot("public-list")
	b.run(chromedp.Click(chromedp.CSS(`main table a`)), chromedp.WaitVisible(chromedp.CSS("#score-total")))
	if got := b.text("main"); !strings.Contains(got, "节约率") || !strings.Contains(got, "674.85") {
		t.Errorf("the public page shows %q, want the table", got)
	}
	// the 复核 result: the finance reviewer's score beside the unit's, the gap totalled
	if got := b.text("#review"); !strings.Contains(got, "佐证材料不足") || !strings.Contains(got, "财政复核") || !strings.Contains(got, "未改动") {
		t.Errorf("the public 复核 result shows %q, want the re-scored indicator with its reason", got)
	}
	if got := b.text("#review #gap-total"); !strings.HasPrefix(got, "-") {
		t.Errorf("the public gap total is %q, want the points the review took away", got)
	}
	b.shot("public")
	b.run(chromedp.ScrollIntoView(chromedp.CSS("#review")))
	b.shot("public-review")

	// 单位与用户: the system administrator adds an account, then disables it
	b.login("admin")
	b.run(chromedp.Navigate(w.url+"/admin"), chromedp.WaitVisible(chromedp.CSS("#users")),
		chromedp.Click(chromedp.CSS(`#users details.addform summary`)),
		chromedp.SendKeys(chromedp.CSS("#nu-login"), "zhouxin"), chromedp.SendKeys(chromedp.CSS("#nu-name"), "周新"),
		chromedp.SetValue(chromedp.CSS("#nu-org"), strconv.FormatInt(w.orgs["V"].ID, 10)),
		chromedp.Click(chromedp.CSS("#nu-role-unit_editor")), chromedp.SendKeys(chromedp.CSS("#nu-password"), "zhouxin-2025"),
		chromedp.ScrollIntoView(chromedp.CSS("#new-user button.primary")))
	b.shot("admin")
	b.run(chromedp.Click(chromedp.CSS(`#new-user button.primary`)), landed("user_created"))
	account := value(b, chromedp.Evaluate[string](`location.hash.slice(1)`))
	if got := b.text("#" + account); !strings.Contains(got, "zhouxin") || !strings.Contains(got, "测试公证处") || !strings.Contains(got, "单位填报") {
		t.Fatalf("the new account's row %s shows %q", account, got)
	}
	b.run(chromedp.Click(chromedp.CSS("#"+account+" form button")), landed("user_saved"))
	if got := b.text("#" + account); !strings.Contains(got, "已停用") || !strings.Contains(got, "启用") {
		t.Errorf("after 停用 the row shows %q", got)
	}
}
