package web

import (
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	t.Run("AccountBlockedAfterFailures", func(t *testing.T) {
		th := newThrottle(clock)
		for i := range throttlePerAccount {
			if w := th.retryAfter("zhang", "10.0.0.1"); w != 0 {
				t.Fatalf("blocked after %d failures", i)
			}
			th.failed("zhang", "10.0.0.1")
		}
		if w := th.retryAfter("zhang", "10.0.0.2"); w <= 0 || w > throttleWindow {
			t.Errorf("account not blocked from another address: %v", w)
		}
		if w := th.retryAfter("li", "10.0.0.1"); w != 0 {
			t.Errorf("another account blocked at %d address failures: %v", throttlePerAccount, w)
		}
		now = now.Add(throttleWindow)
		if w := th.retryAfter("zhang", "10.0.0.1"); w != 0 {
			t.Errorf("still blocked after the window: %v", w)
		}
	})
	t.Run("AddressBlockedAcrossAccounts", func(t *testing.T) {
		th := newThrottle(clock)
		for i := range throttlePerAddress {
			th.failed("user"+string(rune('a'+i)), "10.0.0.9")
		}
		if w := th.retryAfter("fresh", "10.0.0.9"); w <= 0 {
			t.Error("address not blocked for a fresh account")
		}
		if w := th.retryAfter("fresh", "10.0.0.8"); w != 0 {
			t.Errorf("other address blocked: %v", w)
		}
	})
	t.Run("SuccessResetsAccountNotAddress", func(t *testing.T) {
		th := newThrottle(clock)
		for range throttlePerAccount - 1 {
			th.failed("wang", "10.0.1.1")
		}
		th.succeeded("wang")
		th.failed("wang", "10.0.1.1")
		if w := th.retryAfter("wang", "10.0.1.1"); w != 0 {
			t.Errorf("blocked after a success reset: %v", w)
		}
		if n := th.fails[addressKey("10.0.1.1")].count; n != throttlePerAccount {
			t.Errorf("address count %d, want %d", n, throttlePerAccount)
		}
	})
}
