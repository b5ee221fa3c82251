package web

import (
	"testing"

	"jixiao"
)

func TestContentCache(t *testing.T) {
	c := newContentCache(2)
	rec := func(id int64, v int, unit string) *jixiao.EvaluationRecord {
		return &jixiao.EvaluationRecord{ID: id, Version: v, Content: &jixiao.Evaluation{Kind: jixiao.KindDepartment, Unit: unit}}
	}
	get := func(r *jixiao.EvaluationRecord) string {
		raw, err := c.json(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	a1 := get(rec(1, 1, "甲"))
	if got := get(rec(1, 2, "乙")); got == a1 {
		t.Errorf("a new version was answered from the old one's entry: %s", got)
	}
	get(rec(2, 1, "丙")) // evicts (1, 1)
	if got := get(rec(1, 1, "丁")); got == a1 {
		t.Errorf("an evicted entry was still answered: %s", got)
	}
	if len(c.items) != 2 || len(c.order) != 2 {
		t.Errorf("cache holds %d items, %d in order, want 2", len(c.items), len(c.order))
	}
}
