package jixiao

import (
	"testing"

	"github.com/shopspring/decimal"
)

func testTiers() *RuleSet {
	rs := &RuleSet{Qualitative: []QualTier{
		{Name: "达成", Min: decimal.RequireFromString("0.8"), Max: decimal.NewFromInt(1), MaxInclusive: true,
			Keywords: []string{"完成", "达成", "达到", "实现", "有效", "显著", "明显", "良好", "满意", "按时", "及时", "提升", "提高", "改善", "是", "优", "OK"}},
		{Name: "部分", Min: decimal.RequireFromString("0.6"), Max: decimal.RequireFromString("0.8"),
			Keywords: []string{"部分", "基本", "一般", "有所", "初步", "逐步"}},
		{Name: "未达成", Max: decimal.RequireFromString("0.6"),
			Keywords: []string{"未", "没有", "尚未", "较差", "不到位", "不足", "滞后", "否", "无效"}},
	}}
	return rs
}

func TestTierOf(t *testing.T) {
	rs := testTiers()
	tests := []struct {
		actual string
		want   int
	}{
		{"按时完成", 0},
		{"  已完成 ", 0},
		{"基本完成", 1},
		{"未完成", 2},
		{"部分完成，尚未验收", 2},
		{"ＯＫ", -1}, // matched as given: the scorer folds full-width forms first
		{"说不清", -1},
		{"", -1},
		{"\xe5完成", 0},
	}
	for _, tt := range tests {
		if got := rs.TierOf(tt.actual); got != tt.want {
			t.Errorf("TierOf(%q) = %d, want %d", tt.actual, got, tt.want)
		}
	}
}

// A rule set is read as it is when asked: tiers edited after it was
// validated are the tiers TierOf uses.
func TestTierOfAfterEdit(t *testing.T) {
	rs := testTiers()
	if got := rs.TierOf("卓越"); got != -1 {
		t.Fatalf("TierOf(卓越) before the edit = %d, want -1", got)
	}
	rs.Qualitative[0].Keywords = append(rs.Qualitative[0].Keywords, "卓越")
	if got := rs.TierOf("卓越"); got != 0 {
		t.Errorf("TierOf(卓越) after adding the keyword = %d, want 0", got)
	}
	rs.Qualitative = rs.Qualitative[:2]
	if got := rs.TierOf("部分未完成"); got != 1 {
		t.Errorf("after dropping the worst tier, TierOf(部分未完成) = %d, want 1", got)
	}
}
