package publish

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser; the test skips without it, except under
// CI=true.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is required in CI")
	}
	t.Skip("chromium not installed")
	return ""
}

// TestBundleOpensOffline opens the bundle's index page from the file
// system in headless Chromium, follows the first evaluation's link, and
// fails on any request that is not a file of the bundle, or any that fails.
func TestBundleOpensOffline(t *testing.T) {
	bin := chromium(t)
	its := items(t, 3)
	dir, _, _ := publishTo(t, its)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("allow-file-access-from-files", false))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	var mu sync.Mutex
	var requests, failures []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *network.EventLoadingFailed:
			failures = append(failures, e.ErrorText)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	index := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "index.html"))}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(index)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	unit, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`tbody tr:first-child td:nth-child(2)`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`tbody tr:first-child a[href$=".html"]`)),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitReady(chromedp.CSS(`body`))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`body`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/evaluations/") {
		t.Errorf("the link led to %s, not an evaluation page", loc)
	}
	if title != "测试公开" || rows != len(its) {
		t.Errorf("index page: title %q, %d rows; want 测试公开, %d", title, rows, len(its))
	}
	if unit == "" || !strings.Contains(body, unit) {
		t.Errorf("the first row's page does not show its unit %q", unit)
	}
	mu.Lock()
	defer mu.Unlock()
	prefix := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	for _, r := range requests {
		if !strings.HasPrefix(r, prefix) {
			t.Errorf("the bundle requested %s, outside the bundle", r)
		}
	}
	if len(requests) < 2 {
		t.Errorf("saw %d requests, want the index and the evaluation page", len(requests))
	}
	for _, f := range failures {
		t.Errorf("a request failed: %s", f)
	}
}
