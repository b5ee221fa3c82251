package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/cjk"
)

// TestLabelsStartWithIdeograph checks what headerKey's shortcut assumes:
// no label it looks up starts with an ASCII byte.
func TestLabelsStartWithIdeograph(t *testing.T) {
	for _, labels := range []map[string]string{budgetLabels, indicatorLabels, headerLabels} {
		for k := range labels {
			if k == "" || k[0] < 0x80 {
				t.Errorf("label %q starts with an ASCII byte", k)
			}
		}
	}
}

// normLabelRef is normLabel as first written: fold the text, then drop
// brackets' contents and spaces.
func normLabelRef(s string) string {
	if len(s) > 200 {
		return ""
	}
	var b strings.Builder
	depth := 0
	for _, r := range cjk.Fold(s) {
		switch {
		case r == '(' || r == '（':
			depth++
		case r == ')' || r == '）':
			if depth > 0 {
				depth--
			}
		case depth > 0 || cjk.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return trimLabel(b.String())
}

// FuzzNormLabel checks normLabel's shortcuts (text left as it is, runes
// folded one by one, known labels interned) against normLabelRef.
func FuzzNormLabel(f *testing.F) {
	for _, s := range []string{"年初预算数\n(万元)", "其中：基本支出：", "完成率 ", "１００％", "评(扣)分标准", "a\xffb", "（A）得分", "\u3000总分", "≧95%", "\xe4\xb8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normLabel(s), normLabelRef(s); got != want {
			t.Fatalf("normLabel(%q) = %q, want %q", s, got, want)
		}
		if plainLabel(s) && utf8.ValidString(s) && cjk.Fold(s) != s {
			t.Fatalf("plainLabel(%q) but Fold changes it", s)
		}
	})
}
