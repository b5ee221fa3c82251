package jixiao

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestSumAmounts(t *testing.T) {
	tests := []struct {
		name string
		in   []Amount
		want string
		ok   bool
	}{
		{"none", nil, "0", false},
		{"unstated only", []Amount{{Name: "a"}, {Name: "b", Amount: Figure{Text: "-"}}}, "0", false},
		{"sample income", []Amount{{Amount: num("641.2")}, {Amount: num("33.65")}}, "674.85", true},
		{"skips text", []Amount{{Amount: Figure{Text: "1.5万元", Value: decimal.RequireFromString("1.5"), Unit: "万元", Valid: true}}, {Amount: Figure{Text: "未填"}}}, "1.5", true},
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
	if !(OtherBudget{Amount: num("0")}).Stated() {
		t.Error("a stated zero reads as unstated")
	}
	if !(OtherBudget{Text: "本年度无此项支出"}).Stated() {
		t.Error("text-only budget reads as unstated")
	}
}
