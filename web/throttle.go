package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Login throttling: after too many failed logins for one account, or from
// one address, within the window, further attempts are refused until the
// window ends, whatever the password. Per account it stops guessing one
// user's password; per address, trying many accounts from one place.
const (
	throttleWindow     = 15 * time.Minute
	throttlePerAccount = 5
	throttlePerAddress = 20
	throttleMaxKeys    = 100_000 // bounds memory under a flood of names
)

// throttle counts failed logins per key in fixed windows. It lives in
// memory: each server of a cluster throttles on its own, which multiplies
// the allowance by the number of servers but keeps logins off the
// database's write path.
type throttle struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string]*failWindow
}

type failWindow struct {
	count int
	start time.Time
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{now: now, fails: map[string]*failWindow{}}
}

func accountKey(login string) string { return "account:" + login }
func addressKey(addr string) string  { return "address:" + addr }

// retryAfter returns how long the caller must wait before trying to log
// in as login from addr; 0 means it may try now.
func (t *throttle) retryAfter(login, addr string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	var wait time.Duration
	for _, k := range []struct {
		key string
		max int
	}{{accountKey(login), throttlePerAccount}, {addressKey(addr), throttlePerAddress}} {
		fw := t.fails[k.key]
		if fw == nil || now.Sub(fw.start) >= throttleWindow || fw.count < k.max {
			continue
		}
		wait = max(wait, fw.start.Add(throttleWindow).Sub(now))
	}
	return wait
}

// failed records a failed login.
func (t *throttle) failed(login, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if len(t.fails) >= throttleMaxKeys {
		t.prune(now)
	}
	for _, key := range []string{accountKey(login), addressKey(addr)} {
		fw := t.fails[key]
		if fw == nil || now.Sub(fw.start) >= throttleWindow {
			if len(t.fails) >= throttleMaxKeys {
				continue // full of live windows: the address limit still holds
			}
			fw = &failWindow{start: now}
			t.fails[key] = fw
		}
		fw.count++
	}
}

// succeeded forgets the account's failures; the address keeps its count,
// so that one valid account cannot be used to reset guessing at others.
func (t *throttle) succeeded(login string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.fails, accountKey(login))
}

func (t *throttle) prune(now time.Time) {
	for k, fw := range t.fails {
		if now.Sub(fw.start) >= throttleWindow {
			delete(t.fails, k)
		}
	}
}

// clientAddr is the caller's IP address, without the port. Behind a proxy
// this is the proxy's: throttling per address then throttles the proxy,
// which errs on the side of refusing.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
