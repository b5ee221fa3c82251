package web_test

import (
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
	"jixiao/web"
)

// touchCounter counts the writes of sliding sessions.
type touchCounter struct {
	jixiao.SessionService
	n atomic.Int64
}

func (c *touchCounter) TouchSession(ctx context.Context, token string, expiresAt time.Time) error {
	c.n.Add(1)
	return c.SessionService.TouchSession(ctx, token, expiresAt)
}

// TestSessionTouchedRarely checks that a session's requests write to the
// database only once its last-seen time is minutes old: a write per
// request would queue every read behind SQLite's single writer.
func TestSessionTouchedRarely(t *testing.T) {
	w := mustWorld(t, MustDSN(t, "sqlite"))
	var elapsed atomic.Int64
	start := time.Now()
	now := func() time.Time { return start.Add(time.Duration(elapsed.Load())) }
	w.db.Now = now
	svc := w.svc
	touches := &touchCounter{SessionService: svc.Sessions}
	svc.Sessions = touches
	srv, err := web.NewServer(web.Config{Services: svc, Ready: w.db.Ping, ContextWithAddress: sqldb.NewContextWithAddress, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	c := loginAt(t, ts.URL, "editoru")
	for _, step := range []struct {
		advance  time.Duration
		requests int
		want     int64
	}{
		{0, 20, 0},
		{4 * time.Minute, 20, 0},
		{2 * time.Minute, 20, 1}, // six minutes since the login: one write, then none
		{time.Minute, 20, 1},
		{5*time.Minute + time.Second, 5, 2},
	} {
		elapsed.Add(int64(step.advance))
		for range step.requests {
			c.must("GET", "/api/me", nil, 200, nil)
		}
		if got := touches.n.Load(); got != step.want {
			t.Fatalf("after %v more: %d session writes, want %d", step.advance, got, step.want)
		}
	}
}
