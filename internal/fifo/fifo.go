// Package fifo is a bounded map that forgets its oldest entries first: the
// store of jixiao's caches of values that never go stale (sqldb's decoded
// revisions and tasks, web's per-version views), which need a bound and
// no invalidation.
package fifo

import "sync"

// Cache holds at most max entries; adding one more evicts the entry
// added first. It is safe for concurrent use.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	items map[K]V
	order []K // a ring of the keys in the order they were added
	next  int // where the next key goes once the ring is full
}

// New returns a cache of at most size entries; with size ≤ 0 it keeps none.
func New[K comparable, V any](size int) *Cache[K, V] {
	return &Cache[K, V]{max: size, items: make(map[K]V, max(size, 0))}
}

// Get returns the value held under k.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	return v, ok
}

// Add keeps v under k, unless an entry is held under k already (values
// never go stale, so the first one stays).
func (c *Cache[K, V]) Add(k K, v V) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; ok {
		return
	}
	if len(c.order) < c.max {
		c.order = append(c.order, k)
	} else {
		delete(c.items, c.order[c.next])
		c.order[c.next] = k
		c.next = (c.next + 1) % c.max
	}
	c.items[k] = v
}

// Cap is the most entries the cache holds; 0 for one that keeps none.
func (c *Cache[K, V]) Cap() int { return max(c.max, 0) }

// Len is the number of entries held.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
