package web

import (
	"testing"
	"time"

	"jixiao"
)

func TestVersionCache(t *testing.T) {
	c := newVersionCache[string](2)
	t0 := time.Date(2025, 3, 10, 9, 12, 0, 0, time.UTC)
	rec := func(id int64, v int, at time.Time) *jixiao.EvaluationRecord {
		return &jixiao.EvaluationRecord{ID: id, Version: v, UpdatedAt: at}
	}
	get := func(r *jixiao.EvaluationRecord, made string) string {
		got, err := c.get(r, func() (string, error) { return made, nil })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	tests := []struct {
		name       string
		rec        *jixiao.EvaluationRecord
		made, want string
	}{
		{"first read makes", rec(1, 1, t0), "a", "a"},
		{"same version is kept", rec(1, 1, t0), "b", "a"},
		{"new version makes", rec(1, 2, t0.Add(time.Second)), "c", "c"},
		// after a restore version 2 comes back and is saved again, later
		{"same version made at another time makes", rec(1, 2, t0.Add(time.Hour)), "d", "d"},
		{"evicted first in makes again", rec(1, 1, t0), "e", "e"},
		{"not stored makes every time", rec(0, 1, t0), "f", "f"},
		{"not stored is not kept", rec(0, 1, t0), "g", "g"},
	}
	for _, tt := range tests {
		if got := get(tt.rec, tt.made); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if c.items.Len() != 2 {
		t.Errorf("cache holds %d items, want 2", c.items.Len())
	}
}
