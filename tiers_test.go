package jixiao

import (
	"math/rand/v2"
	"strings"
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
	rs.tiers = newTierIndex(rs.Qualitative)
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
		{"ＯＫ", 0}, // folded before matching
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

// The index must find what scanning every keyword finds, and must step
// aside when the tiers it was built for are replaced.
func TestTierIndexAgreesWithScan(t *testing.T) {
	rs := testTiers()
	var parts []string
	for _, q := range rs.Qualitative {
		for _, k := range q.Keywords {
			parts = append(parts, k, k[:len(k)-1]) // whole and cut mid-rune
		}
	}
	parts = append(parts, "的", "工作", " ", "x", "\xff")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := Fold(TrimSpace(b.String()))
		if got, want := rs.tiers.find(s), tierScan(rs.Qualitative, s); got != want {
			t.Fatalf("find(%q) = %d, scan gives %d", s, got, want)
		}
	}
	rs.Qualitative = append([]QualTier(nil), rs.Qualitative[:2]...)
	if got := rs.TierOf("部分未完成"); got != 1 {
		t.Errorf("after replacing the tiers, TierOf(部分未完成) = %d, want 1 (the index is stale)", got)
	}
}

func FuzzTierOf(f *testing.F) {
	rs := testTiers()
	for _, s := range []string{"按时完成", "未完成", "部分", "\xe5\xae", "ＯＫ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := Fold(TrimSpace(s))
		if fs == "" {
			return
		}
		if got, want := rs.TierOf(s), tierScan(rs.Qualitative, fs); got != want {
			t.Fatalf("TierOf(%q) = %d, scan gives %d", s, got, want)
		}
	})
}
