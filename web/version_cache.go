package web

import (
	"jixiao"
	"jixiao/internal/fifo"
)

// versionCache keeps what the server derives from one version of an
// evaluation (its API form, its check panel): work that the version fixes,
// done once instead of on every read. Entries are evicted first in, first
// out.
//
// The key is the evaluation, its version and the time that version was
// made, all read from the database with the evaluation. Every save and
// every workflow step makes a new version, so an entry is never stale, on
// this server or after a change made on another server sharing the
// database: the row read names the version, and the version its content.
// The time makes the key hold across a restore, which can bring back an
// older version number that is then saved again with other content: the
// new save is made at a later time, so it has a key of its own.
type versionCache[V any] struct {
	items *fifo.Cache[versionKey, V]
}

// versionKey names one version of an evaluation.
type versionKey struct {
	id      int64
	version int
	at      int64 // the version's UpdatedAt, in microseconds
}

func keyOf(rec *jixiao.EvaluationRecord) versionKey {
	return versionKey{rec.ID, rec.Version, rec.UpdatedAt.UnixMicro()}
}

func newVersionCache[V any](max int) *versionCache[V] {
	return &versionCache[V]{items: fifo.New[versionKey, V](max)}
}

// get returns the value kept for rec's version, making it with make when
// none is; a record not yet stored (no ID) is made every time. Values are
// shared between callers, who must not change them.
func (c *versionCache[V]) get(rec *jixiao.EvaluationRecord, make func() (V, error)) (V, error) {
	k := keyOf(rec)
	if v, ok := c.items.Get(k); ok {
		return v, nil
	}
	v, err := make()
	if err == nil && rec.ID != 0 {
		c.items.Add(k, v)
	}
	return v, err
}
