package sqldb

import (
	"maps"
	"reflect"
	"slices"
	"sync"

	"jixiao"
	"jixiao/internal/fifo"
)

// revisionCacheSize bounds the decoded revisions kept per DB: a copy of
// the sample's revision takes about 35 kB, so the cache stays under
// about 150 MB, and holds the latest revision of every evaluation of 80
// units at 50 each.
const revisionCacheSize = 4096

// taskCacheSize bounds the tasks kept per DB; a task of 200 units is a
// few kilobytes.
const taskCacheSize = 256

// rowCache keeps values read from rows that never change once committed:
// revisions (none is updated or deleted) and tasks (never edited). An
// entry is never stale, so the cache needs no invalidation. Rows go in
// when read in read-only transactions, or written by a transaction once it
// has committed: a write transaction may see its own rows and then roll
// back. Entries are evicted first in, first out. Every caller gets its own
// copy, so a handler that edits what it read cannot reach the cache.
//
// Revisions are keyed by the time they were made as well as by their
// number (revisionKey), which a restore under a running server cannot
// bring back for other content. Tasks are keyed by ID alone: a restore
// under a running server can give a task ID to another task, so restore
// with the servers stopped (docs/system.md), or restart them after.
type rowCache[K comparable, V any] struct {
	items *fifo.Cache[K, V]
	copy  func(V) V
}

func newRowCache[K comparable, V any](max int, copy func(V) V) *rowCache[K, V] {
	return &rowCache[K, V]{items: fifo.New[K, V](max), copy: copy}
}

func (c *rowCache[K, V]) enabled() bool { return c != nil && c.items.Cap() > 0 }

// get returns a copy of the cached value.
func (c *rowCache[K, V]) get(k K) (V, bool) {
	var zero V
	if !c.enabled() {
		return zero, false
	}
	v, ok := c.items.Get(k)
	if !ok {
		return zero, false
	}
	return c.copy(v), true
}

// shared returns the cached value itself, not a copy, for a caller that
// only reads it and hands none of it out.
func (c *rowCache[K, V]) shared(k K) (V, bool) {
	if !c.enabled() {
		var zero V
		return zero, false
	}
	return c.items.Get(k)
}

// put keeps a copy of v, so that the caller may go on changing its own.
func (c *rowCache[K, V]) put(k K, v V) {
	if !c.enabled() {
		return
	}
	c.items.Add(k, c.copy(v))
}

// revisionRef names a revision: its evaluation and number.
type revisionRef struct {
	evaluationID int64
	number       int
}

// revisionKey names a revision in the cache with a time (microseconds, as
// stored) that only its content has: the time it was made, or, while it
// is its evaluation's latest, the evaluation's updated_at (set by every
// save and workflow step, so read with the row at no cost). A revision of
// the same number made again after a restore brought back an older state
// (a backup put in place, a dump loaded, under a server that kept running)
// is not taken for the one cached before: it is made later.
type revisionKey struct {
	revisionRef
	at int64
}

func newRevisionCache(max int) *rowCache[revisionKey, *jixiao.Revision] {
	return newRowCache[revisionKey](max, copyRevision)
}

func newTaskCache(max int) *rowCache[int64, *jixiao.Task] {
	return newRowCache[int64](max, func(t *jixiao.Task) *jixiao.Task {
		c := *t
		c.Kinds, c.UnitIDs = slices.Clone(t.Kinds), slices.Clone(t.UnitIDs)
		return &c
	})
}

// copyRevision deep-copies r, keeping the content's provenance the same
// map as the revision's, as decoding makes it. The provenance, the
// largest part and one of plain values, is cloned directly.
func copyRevision(r *jixiao.Revision) *jixiao.Revision {
	shallow := *r
	shallow.Provenance = nil
	if r.Content != nil {
		content := *r.Content
		content.Provenance = nil
		shallow.Content = &content
	}
	c := deepCopy(reflect.ValueOf(&shallow)).Interface().(*jixiao.Revision)
	if holdsRefs(reflect.TypeFor[jixiao.Position]()) { // should a Position ever hold a slice
		c.Provenance = deepCopy(reflect.ValueOf(r.Provenance)).Interface().(map[string]jixiao.Position)
	} else {
		c.Provenance = maps.Clone(r.Provenance)
	}
	if c.Content != nil {
		c.Content.Provenance = c.Provenance
	}
	return c
}

// deepCopy copies every pointer, slice and map reachable through exported
// fields. Unexported fields are copied as they are: in the domain's types
// they belong to values the standard library and decimal treat as
// immutable (time.Time, decimal.Decimal's big.Int). Values of a type
// holding no such reference are copied whole, which is most of them.
func deepCopy(v reflect.Value) reflect.Value {
	if !holdsRefs(v.Type()) {
		return v
	}
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
		if !holdsRefs(v.Type().Elem()) {
			reflect.Copy(s, v)
			return s
		}
		for i := range v.Len() {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		deep := holdsRefs(v.Type().Elem())
		for it := v.MapRange(); it.Next(); {
			if deep {
				m.SetMapIndex(it.Key(), deepCopy(it.Value()))
			} else {
				m.SetMapIndex(it.Key(), it.Value())
			}
		}
		return m
	case reflect.Array:
		a := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			a.Index(i).Set(deepCopy(v.Index(i)))
		}
		return a
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		s.Set(v)
		for _, i := range refFields(v.Type()) {
			s.Field(i).Set(deepCopy(v.Field(i)))
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

// typeRefs is what deepCopy knows of a type: whether a value of it holds
// a reference reachable through exported fields, and which of a struct's
// fields do.
type typeRefs struct {
	refs   bool
	fields []int
}

var typeRefsCache sync.Map // reflect.Type → *typeRefs

func holdsRefs(t reflect.Type) bool { return refsOf(t).refs }

func refFields(t reflect.Type) []int { return refsOf(t).fields }

func refsOf(t reflect.Type) *typeRefs {
	if r, ok := typeRefsCache.Load(t); ok {
		return r.(*typeRefs)
	}
	// a recursive type is taken as holding references while it is looked at
	typeRefsCache.Store(t, &typeRefs{refs: true})
	r := &typeRefs{}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		r.refs = true
	case reflect.Array:
		r.refs = holdsRefs(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsRefs(f.Type) {
				r.fields = append(r.fields, i)
			}
		}
		r.refs = len(r.fields) > 0
	}
	typeRefsCache.Store(t, r)
	return r
}
