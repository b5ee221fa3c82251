package claims

import "strings"

// quantity is which figure of the budget an amount states. A report gives
// one unit's 年初预算, 全年预算 and 决算 side by side, often with the same
// breakdown under each (基本支出 and 项目支出 of the 年初预算, then of the
// 决算): parts add up to the whole of their own quantity only.
type quantity uint8

const (
	qUnknown   quantity = iota // the key names none of the others
	qBudget                    // 预算 with no 年初/全年 to say which one
	qInitial                   // 年初预算, 年初批复
	qFullYear                  // 全年预算, 调整(后)预算
	qSpent                     // 决算, 执行数, 实际支出, 本年支出: money spent
	qOutlay                    // a kind of spending (基本支出, 项目支出), of the budget or of the spending
	qIncome                    // 收入
	qCarry                     // 结转, 结余: what was left of an earlier year
	qAllocated                 // 下达, 拨付, 到位: money allocated, by a document the claim may name
)

// quantityOf reads the quantity from a claim's key. The tests go from the
// most specific words to the least: 年初支出预算数 is a budget, not 支出.
func quantityOf(key string) quantity {
	switch {
	case key == "":
		return qUnknown
	case strings.Contains(key, "年初") && (strings.Contains(key, "预算") || strings.Contains(key, "批复")):
		return qInitial
	case strings.Contains(key, "调整") || strings.Contains(key, "全年预算"):
		return qFullYear
	case strings.Contains(key, "结转") || strings.Contains(key, "结余"):
		return qCarry
	case strings.Contains(key, "决算") || strings.Contains(key, "执行数") || strings.Contains(key, "实际支出") || strings.Contains(key, "已支出") || strings.Contains(key, "完成"):
		return qSpent // 完成预算资金1329120.67元 is what was done of the budget
	case strings.Contains(key, "预算"):
		return qBudget
	case strings.Contains(key, "下达") || strings.Contains(key, "拨付") || strings.Contains(key, "到位") || strings.Contains(key, "拨入"):
		return qAllocated
	case strings.Contains(key, "收入"):
		return qIncome
	case strings.Contains(key, "本年支出") || strings.Contains(key, "支出合计") || strings.Contains(key, "总支出"):
		return qSpent
	case strings.Contains(key, "支出"):
		return qOutlay
	}
	return qUnknown
}

// compatible reports whether figures of quantities a and b may be a whole
// and its part: the same quantity, or one of them unknown, or a budget not
// said to be the 年初 or the 全年 one against either, a kind of spending
// against anything but income and carry-over, carry-over against anything
// but spending.
func compatible(a, b quantity) bool {
	switch {
	case a == b || a == qUnknown || b == qUnknown:
		return true
	case a == qOutlay || b == qOutlay:
		return a != qIncome && b != qIncome && a != qCarry && b != qCarry
	case a == qCarry || b == qCarry:
		// the money of a year comes from its budget and what was carried
		// over (当年财政拨款 + 上年结转资金); it is not what was spent
		return a != qSpent && b != qSpent
	case a == qBudget:
		return b == qInitial || b == qFullYear
	case b == qBudget:
		return a == qInitial || a == qFullYear
	}
	return false
}

// sameWhole reports whether claim b may be a part of claim a: compatible
// quantities, or the 年初预算 part of a 全年预算 (全年预算 = 年初预算 + 追加),
// and for allocations no two different documents (《…》下达 and 《…》下达 are
// two allocations).
func sameWhole(a, b *Claim) bool {
	if !compatible(a.qty, b.qty) && !(a.qty == qFullYear && b.qty == qInitial) {
		return false
	}
	return a.qty != qAllocated || b.qty != qAllocated || a.doc == "" || b.doc == "" || a.doc == b.doc
}
