package jixiao

import "strings"

// Missing is a part of a table the reader looked for and did not find: a
// whole table, a block ("budget", "indicators", "total"), or a column of
// one ("budget.全年执行数", "indicators.得分"). It is what tells a figure
// the document left empty (stated empty: the cell is there, with nothing
// in it) from one that was not read at all: checks may judge the first,
// never the second.
type Missing struct {
	Path   string // a field path as Provenance keys it, or a prefix of such paths
	Reason string // why it was not found, in Chinese
}

// NotRead reports whether the figure at path was not found by the reader:
// path itself, or a block or table that holds it, is listed in Missing.
// A path ending in "[" ("indicators[") asks about any row of the block.
// Hand-written files list nothing, and every field of theirs counts as
// read.
func (ev *Evaluation) NotRead(path string) (Missing, bool) {
	for _, m := range ev.Missing {
		if m.Path == "table" || m.Path == path || strings.HasPrefix(path, m.Path+".") || strings.HasPrefix(path, m.Path+"[") ||
			strings.HasSuffix(path, "[") && strings.HasPrefix(m.Path, path) {
			return m, true
		}
	}
	return Missing{}, false
}
