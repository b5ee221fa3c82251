package fifo

import "testing"

func TestCache(t *testing.T) {
	c := New[int, string](2)
	c.Add(1, "a")
	c.Add(1, "b") // the first value stays
	c.Add(2, "c")
	c.Add(3, "d") // evicts 1, the first added
	c.Add(4, "e") // evicts 2
	for _, tt := range []struct {
		k    int
		want string
		ok   bool
	}{{1, "", false}, {2, "", false}, {3, "d", true}, {4, "e", true}} {
		if got, ok := c.Get(tt.k); got != tt.want || ok != tt.ok {
			t.Errorf("Get(%d) = %q, %v; want %q, %v", tt.k, got, ok, tt.want, tt.ok)
		}
	}
	if c.Len() != 2 {
		t.Errorf("Len = %d, want 2", c.Len())
	}
	off := New[int, string](0)
	off.Add(1, "a")
	if _, ok := off.Get(1); ok || off.Len() != 0 {
		t.Error("a cache of size 0 kept an entry")
	}
	c1 := New[int, string](1)
	c1.Add(1, "a")
	c1.Add(2, "b")
	if got, _ := c1.Get(2); got != "b" || c1.Len() != 1 {
		t.Errorf("size 1: Get(2) = %q, Len %d", got, c1.Len())
	}
}
