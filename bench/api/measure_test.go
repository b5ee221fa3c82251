package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestSaveBody holds the spliced save bodies equal to encoding the whole
// request each time, as the bench did and a client would: the server
// must receive the same bytes.
func TestSaveBody(t *testing.T) {
	s := &saver{id: 7, content: map[string]any{
		"名称": "某项目", "资金": map[string]any{"年初预算数": "100.00", "执行率": "98.5%"},
		"指标": []any{map[string]any{"名称": "培训人次", "实际完成值": "120人次", "分值": "10"}, map[string]any{"名称": "满意度", "实际完成值": "95%"}},
	}, actual: "120人次"}
	if err := s.encodeBodies(); err != nil {
		t.Fatal(err)
	}
	for i, version := range []int{1, 2, 9, 10, 1234567} {
		s.version = version
		got := s.saveBody(i)
		row := s.content["指标"].([]any)[0].(map[string]any)
		row["实际完成值"] = []string{"1", s.actual}[i%2]
		want, err := json.Marshal(map[string]any{"version": version, "evaluation": s.content, "note": saveNote})
		row["实际完成值"] = s.actual
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("save %d at version %d:\n got %s\nwant %s", i, version, got, want)
		}
	}
	if got := s.content["指标"].([]any)[0].(map[string]any)["实际完成值"]; got != "120人次" {
		t.Errorf("content after encoding: 实际完成值 %v, want the generated 120人次", got)
	}
}

func TestSaveBodyNoIndicators(t *testing.T) {
	s := &saver{id: 7, content: map[string]any{"名称": "某项目"}}
	if err := s.encodeBodies(); err == nil {
		t.Error("encodeBodies of an evaluation without indicators: no error")
	}
}

func TestETagVersion(t *testing.T) {
	for _, c := range []struct {
		tag  string
		want int
		ok   bool
	}{{`"v12"`, 12, true}, {`"v1"`, 1, true}, {`W/"v3"`, 0, false}, {`"12"`, 0, false}, {`"v"`, 0, false}, {``, 0, false}} {
		got, ok := etagVersion(c.tag)
		if got != c.want || ok != c.ok {
			t.Errorf("etagVersion(%q) = %d, %v; want %d, %v", c.tag, got, ok, c.want, c.ok)
		}
	}
}
