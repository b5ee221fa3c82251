package pdf

import (
	"strings"
	"testing"
)

func fixed(r rune) float64 {
	if r < 0x2e80 {
		return 0.5
	}
	return 1
}

func TestBreakKinsoku(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
	}{
		{"comma", "一二三四五，六七八九十", 5},
		{"period run", "一二三四五。」六七八九十", 5},
		{"open paren", "一二三四（五六七八九十）", 5},
		{"number", "本年收入合计674.85万元，其中财政拨款641.20万元", 8},
		{"quote", "等级为“优”，自评总分96.12分。", 6},
		{"supplementary", "𠀀𠀁𠀂𠀃𠀄，𠀅𠀆", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Break(tt.text, tt.width, fixed)
			if got := strings.Join(lines, ""); got != tt.text {
				t.Fatalf("lines lose text: %q", lines)
			}
			for i, l := range lines {
				rs := []rune(l)
				if i > 0 && noStart[rs[0]] {
					t.Errorf("line %d %q starts with %q", i, l, rs[0])
				}
				if i < len(lines)-1 && noEnd[rs[len(rs)-1]] {
					t.Errorf("line %d %q ends with %q", i, l, rs[len(rs)-1])
				}
				w := 0.0
				for _, r := range rs {
					w += fixed(r)
				}
				if w > tt.width {
					t.Errorf("line %d %q is %.1f wide, max %.1f", i, l, w, tt.width)
				}
			}
		})
	}
}

func TestBreakKeepsNumbers(t *testing.T) {
	lines := Break("合计合计合计674.85万元", 7, fixed)
	for _, l := range lines {
		if strings.Contains(l, "674") != strings.Contains(l, ".85") {
			t.Fatalf("number split across lines: %q", lines)
		}
	}
}

func FuzzBreak(f *testing.F) {
	for _, s := range []string{"一二三，四五", "（（（（（（", "，，，，，，，", "abcdefghijklmnop", "", "𠀀𠀀，"} {
		f.Add(s, 3.0)
	}
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width < 1 || width > 100 {
			return
		}
		lines := Break(s, width, fixed)
		if strings.Join(lines, "") != string([]rune(s)) {
			t.Fatalf("text lost: %q -> %q", s, lines)
		}
	})
}
