package rules

import (
	"errors"
	"testing"

	"jixiao"
)

func TestOutlines(t *testing.T) {
	names := OutlineNames()
	if len(names) == 0 {
		t.Fatal("no embedded outlines")
	}
	for _, n := range names {
		o, err := LoadOutline(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if o.Name != n {
			t.Errorf("outline file %s.yaml names itself %q", n, o.Name)
		}
	}
	// every embedded rule set names an outline that exists
	for _, n := range Names() {
		rs := MustLoad(n)
		if rs.Outline == "" {
			continue
		}
		if _, err := LoadOutline(rs.Outline); err != nil {
			t.Errorf("rule set %s: outline %q: %v", n, rs.Outline, err)
		}
	}
}

func TestHunanOutline(t *testing.T) {
	o, err := LoadOutline("hunan")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		title            string
		required, ifNone bool
	}{
		{"部门基本情况", true, false}, {"一般公共预算支出情况", true, false},
		{"政府性基金预算支出情况", false, true}, {"国有资本经营预算支出情况", false, true}, {"社会保险基金预算支出情况", false, true},
		{"部门整体支出绩效情况", true, false}, {"存在的问题及原因分析", true, false}, {"下一步改进措施", true, false},
		{"绩效自评结果拟应用和公开情况", true, false}, {"其他需要说明的情况", false, false},
	}
	if len(o.Sections) != len(want) {
		t.Fatalf("hunan outline has %d sections, want %d", len(o.Sections), len(want))
	}
	for i, w := range want {
		s := o.Sections[i]
		if s.Title != w.title || s.Required != w.required || s.OptionalIfNone != w.ifNone {
			t.Errorf("section %d = %+v, want %+v", i+1, s, w)
		}
	}
}

func TestParseOutlineErrors(t *testing.T) {
	for name, src := range map[string]string{
		"unknown key":      "name: x\nsections:\n  - {title: a, keywords: [a], bogus: 1}\n",
		"no sections":      "name: x\n",
		"section keywords": "name: x\nsections:\n  - {title: a}\n",
		"not yaml":         "name: [\n",
	} {
		if _, err := ParseOutline([]byte(src), name); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	_, err := LoadOutline("nowhere")
	var e *jixiao.Error
	if !errors.As(err, &e) || e.Code != jixiao.ENotFound {
		t.Errorf("LoadOutline(nowhere) = %v, want a not_found error", err)
	}
}
