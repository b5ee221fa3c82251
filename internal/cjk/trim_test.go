package cjk

import (
	"strings"
	"testing"
)

func TestTrimSpaceAgreesWithStrings(t *testing.T) {
	for _, s := range []string{"", " ", "\u3000", "完成率", " 完成率", "完成率 ", "完成率\u3000", "\u3000完成率", "≥95%", "95％", "a", "a\u00a0",
		"\u00a0a", "指标\u2003", "\t≥10所\n", "年度完成\u0085", "\x7f", "é", "完"} {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
