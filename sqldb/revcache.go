package sqldb

import (
	"reflect"
	"sync"

	"jixiao"
)

// revisionCacheSize bounds the decoded revisions kept per DB. A decoded
// sample-sized revision holds some tens of kilobytes, so the default keeps
// the cache under about a hundred megabytes.
const revisionCacheSize = 2048

// revisionCache keeps decoded revisions by evaluation and number. Decoding
// a revision's JSON is most of the cost of a read, and a committed revision
// never changes (none is updated or deleted), so an entry is never stale.
// Only revisions read in read-only transactions go in: a write
// transaction may see its own revision and then roll back. Entries are
// evicted first in, first out. Every caller gets its own deep copy, so a
// handler that edits what it read cannot reach the cache. (A database
// replaced under a running server by a restore is not seen: restore with
// the server stopped.)
type revisionCache struct {
	mu    sync.Mutex
	max   int
	items map[revisionKey]*jixiao.Revision
	order []revisionKey
	next  int
}

type revisionKey struct {
	evaluationID int64
	number       int
}

func newRevisionCache(max int) *revisionCache {
	return &revisionCache{max: max, items: make(map[revisionKey]*jixiao.Revision)}
}

// get returns a copy of the cached revision, or nil.
func (c *revisionCache) get(k revisionKey) *jixiao.Revision {
	if c == nil || c.max <= 0 {
		return nil
	}
	c.mu.Lock()
	r := c.items[k]
	c.mu.Unlock()
	if r == nil {
		return nil
	}
	return copyRevision(r)
}

// put keeps a copy of r, so that the caller may go on changing its own.
func (c *revisionCache) put(r *jixiao.Revision) {
	if c == nil || c.max <= 0 || r.Content == nil {
		return
	}
	k := revisionKey{r.EvaluationID, r.Number}
	own := copyRevision(r)
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
	c.items[k] = own
}

// copyRevision deep-copies r, keeping the content's provenance the same
// map as the revision's, as decoding makes it.
func copyRevision(r *jixiao.Revision) *jixiao.Revision {
	c := deepCopy(reflect.ValueOf(r)).Interface().(*jixiao.Revision)
	if c.Content != nil {
		c.Content.Provenance = c.Provenance
	}
	return c
}

// deepCopy copies every pointer, slice and map reachable through exported
// fields. Unexported fields are copied as they are: in the domain's types
// they belong to values the standard library and decimal treat as
// immutable (time.Time, decimal.Decimal's big.Int).
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return m
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		s.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				s.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return s
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		i := reflect.New(v.Type()).Elem()
		i.Set(deepCopy(v.Elem()))
		return i
	}
	return v
}
