package jixiao

import "testing"

func TestSumAmounts(t *testing.T) {
	tests := []struct {
		name string
		in   []Amount
		want string
		ok   bool
	}{
		{"none", nil, "0", false},
		{"unstated only", []Amount{{Name: "a"}, {Name: "b", Amount: ParseFigure("-")}}, "0", false},
		{"sample income", []Amount{{Amount: ParseFigure("641.2")}, {Amount: ParseFigure("33.65")}}, "674.85", true},
		{"skips text", []Amount{{Amount: ParseFigure("1.5万元")}, {Amount: ParseFigure("未填")}}, "1.5", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SumAmounts(tt.in)
			if ok != tt.ok || got.String() != tt.want {
				t.Errorf("SumAmounts = %s, %v; want %s, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestOtherBudgetStated(t *testing.T) {
	if (OtherBudget{}).Stated() {
		t.Error("empty budget reads as stated")
	}
	if !(OtherBudget{Amount: ParseFigure("0")}).Stated() {
		t.Error("a stated zero reads as unstated")
	}
	if !(OtherBudget{Text: "本年度无此项支出"}).Stated() {
		t.Error("text-only budget reads as unstated")
	}
}
