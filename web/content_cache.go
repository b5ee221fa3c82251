package web

import (
	"encoding/json"
	"sync"

	"jixiao"
)

// contentCache keeps the API form of evaluation contents by evaluation
// and version. A version's content never changes (every save and every
// workflow step makes a new version), so an entry is never stale; the
// cache only saves converting the same content to JSON again, the larger
// part of a read's cost. Entries are evicted first in, first out.
type contentCache struct {
	mu    sync.Mutex
	max   int
	items map[contentKey]json.RawMessage
	order []contentKey
	next  int
}

type contentKey struct {
	id      int64
	version int
}

func newContentCache(max int) *contentCache {
	return &contentCache{max: max, items: make(map[contentKey]json.RawMessage, max)}
}

// json returns the API form of rec's content, from the cache when it
// holds this version.
func (c *contentCache) json(rec *jixiao.EvaluationRecord) (json.RawMessage, error) {
	k := contentKey{rec.ID, rec.Version}
	c.mu.Lock()
	raw, ok := c.items[k]
	c.mu.Unlock()
	if ok {
		return raw, nil
	}
	raw, err := evaluationJSON(rec.Content)
	if err != nil || rec.ID == 0 {
		return raw, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; ok {
		return raw, nil
	}
	if len(c.order) < c.max {
		c.order = append(c.order, k)
	} else {
		delete(c.items, c.order[c.next])
		c.order[c.next] = k
		c.next = (c.next + 1) % c.max
	}
	c.items[k] = raw
	return raw, nil
}
