package cjk

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"≥９５％", "≥95%"}, {"≧95", "≥95"}, {"≦30", "≤30"}, {"−5", "-5"}, {"﹣5", "-5"},
		{"a\u3000b", "a b"}, {"a\u00a0b", "a b"}, {"６１．２３", "61.23"}, {"＝12", "=12"},
		{"本年收入合计674.85万元", "本年收入合计674.85万元"}, {"", ""}, {"（一）", "（一）"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("≥９５％ a\u3000b ≦ −")
	f.Fuzz(func(t *testing.T, s string) {
		slow := true
		for _, r := range s {
			if FoldRune(r) != r {
				slow = false
			}
		}
		if isFolded(s) != slow {
			t.Fatalf("isFolded(%q) = %v, rune scan says %v", s, !slow, slow)
		}
	})
}
