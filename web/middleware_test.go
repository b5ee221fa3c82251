package web

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSecurityHeaders(t *testing.T) {
	s := MustNewServer(t, Config{})
	for _, path := range []string{"/healthz", "/nowhere"} {
		w := do(s, httptest.NewRequest("GET", path, nil))
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"X-Frame-Options":        "DENY",
			"Referrer-Policy":        "same-origin",
		} {
			if got := w.Header().Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
		if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Request-Id") == "" {
			t.Errorf("%s: no CSP or request id: %v", path, w.Header())
		}
	}
}

func TestCrossOriginStateChangeRefused(t *testing.T) {
	s := MustNewServer(t, Config{})
	for _, tc := range []struct {
		name    string
		method  string
		headers map[string]string
		refused bool
	}{
		{"CrossSitePOST", "POST", map[string]string{"Sec-Fetch-Site": "cross-site"}, true},
		{"OtherOriginPOST", "POST", map[string]string{"Origin": "https://evil.example"}, true},
		{"CrossSiteDELETE", "DELETE", map[string]string{"Sec-Fetch-Site": "cross-site"}, true},
		{"SameOriginPOST", "POST", map[string]string{"Sec-Fetch-Site": "same-origin"}, false},
		{"ScriptPOST", "POST", nil, false}, // no browser headers: curl, API tokens
		{"CrossSiteGET", "GET", map[string]string{"Sec-Fetch-Site": "cross-site"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "http://jixiao.example/healthz", nil)
			for k, v := range tc.headers {
				r.Header.Set(k, v)
			}
			w := do(s, r)
			if refused := w.Code == http.StatusForbidden; refused != tc.refused {
				t.Fatalf("status %d, refused %v, want %v", w.Code, refused, tc.refused)
			}
			if tc.refused && errorOf(t, w).Code != "forbidden" {
				t.Errorf("body %s", w.Body)
			}
		})
	}
}

func TestNoRoute(t *testing.T) {
	s := MustNewServer(t, Config{})
	w := do(s, httptest.NewRequest("GET", "/api/nothing", nil))
	if w.Code != 404 || errorOf(t, w).Code != "not_found" {
		t.Errorf("GET /api/nothing: %d %s", w.Code, w.Body)
	}
	w = do(s, httptest.NewRequest("PUT", "/healthz", nil))
	if w.Code != 405 || errorOf(t, w).Code != "method_not_allowed" || w.Header().Get("Allow") == "" {
		t.Errorf("PUT /healthz: %d %s %v", w.Code, w.Body, w.Header())
	}
}

func TestPanicIsAnswered(t *testing.T) {
	s := MustNewServer(t, Config{})
	h := s.recoverPanic(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	w := do(h, httptest.NewRequest("GET", "/", nil))
	if w.Code != 500 || errorOf(t, w).Code != "internal" {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

func TestReady(t *testing.T) {
	down := MustNewServer(t, Config{Ready: func(context.Context) error { return context.DeadlineExceeded }})
	if w := do(down, httptest.NewRequest("GET", "/readyz", nil)); w.Code != 503 {
		t.Errorf("database down: /readyz %d", w.Code)
	}
	up := MustNewServer(t, Config{Ready: func(context.Context) error { return nil }})
	if w := do(up, httptest.NewRequest("GET", "/readyz", nil)); w.Code != 200 {
		t.Errorf("database up: /readyz %d", w.Code)
	}
}

func TestStatic(t *testing.T) {
	s := MustNewServer(t, Config{})
	if w := do(s, httptest.NewRequest("GET", "/static/robots.txt", nil)); w.Code != 200 || w.Body.Len() == 0 {
		t.Errorf("robots.txt: %d %q", w.Code, w.Body)
	}
	for _, p := range []string{"/static/nothing.txt", "/static/../web.go", "/static/"} {
		if w := do(s, httptest.NewRequest("GET", p, nil)); w.Code != 404 && w.Code != 301 && w.Code != 307 {
			t.Errorf("%s: %d", p, w.Code)
		}
	}
}

// TestServeShutsDownGracefully checks that a request in flight when the
// server is told to stop is answered, and that Serve then returns.
func TestServeShutsDownGracefully(t *testing.T) {
	s := MustNewServer(t, Config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, 5*time.Second) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its context was cancelled")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("server still answering after shutdown")
	}
}
