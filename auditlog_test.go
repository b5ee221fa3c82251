package jixiao

import (
	"strings"
	"testing"
	"time"
)

func testChain(n int) []*LogEntry {
	var out []*LogEntry
	var prev *LogEntry
	for i := 0; i < n; i++ {
		e := &LogEntry{Time: time.Date(2025, 3, 1, 9, 0, i, 123456789, time.UTC), UserID: 5, UserName: "王", Action: LogEvaluationSave, Object: "evaluation/1", Detail: strings.Repeat("x", i)}
		e.Chain(prev)
		out = append(out, e)
		prev = e
	}
	return out
}

func verify(entries []*LogEntry, headSeq int64, headHash string) error {
	var v LogVerifier
	for _, e := range entries {
		if err := v.Check(e); err != nil {
			return err
		}
	}
	return v.Finish(headSeq, headHash)
}

func TestLogVerify(t *testing.T) {
	head := func(es []*LogEntry) (int64, string) { return es[len(es)-1].Seq, es[len(es)-1].Hash }
	tests := []struct {
		name   string
		tamper func([]*LogEntry) []*LogEntry
		want   string // "" for a valid chain
	}{
		{"OK", func(es []*LogEntry) []*LogEntry { return es }, ""},
		{"ErrEdited", func(es []*LogEntry) []*LogEntry { es[2].Detail = "改过"; return es }, "第 3 条内容被修改"},
		{"ErrDeleted", func(es []*LogEntry) []*LogEntry { return append(es[:2:2], es[3:]...) }, "缺少第 3 条"},
		{"ErrReordered", func(es []*LogEntry) []*LogEntry { es[1], es[2] = es[2], es[1]; return es }, "缺少第 2 条"},
		{"ErrRenumbered", func(es []*LogEntry) []*LogEntry {
			es[1], es[2] = es[2], es[1]
			es[1].Seq, es[2].Seq = 2, 3
			return es
		}, "第 2 条与前一条不衔接"},
		{"ErrTailCut", func(es []*LogEntry) []*LogEntry { return es[:4] }, "末尾缺失"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := testChain(5)
			hs, hh := head(es)
			err := verify(tt.tamper(es), hs, hh)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("valid chain: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
