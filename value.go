package jixiao

import (
	"strings"

	"github.com/shopspring/decimal"
)

// ValueType says whether an indicator value is a number (定量) or a graded
// phrase (定性).
type ValueType string

// Indicator value types.
const (
	Quantitative ValueType = "定量"
	Qualitative  ValueType = "定性"
)

// Op is the direction of a quantitative target.
type Op string

// Directions. OpNone is a bare number ("100%"): rule sets decide how it
// scores (as ≥ by default).
const (
	OpNone Op = ""
	OpGE   Op = "≥"
	OpGT   Op = ">"
	OpEQ   Op = "="
	OpLE   Op = "≤"
	OpLT   Op = "<"
)

// Reverse reports whether a smaller actual is better (≤, <).
func (o Op) Reverse() bool { return o == OpLE || o == OpLT }

// Value is an indicator's 年度指标值 or 实际完成值: the text as written and
// what it means.
type Value struct {
	Raw     string          // as written
	Type    ValueType       // 定量 or 定性; "" when Raw is empty
	Op      Op              // direction, for 定量
	Number  decimal.Decimal // for 定量: 95 for "≥95%"
	Percent bool            // the number is a percentage
	Unit    string          // "万元", "次", … ("" for percentages)
}

// Stated reports whether anything was written.
func (v Value) Stated() bool { return v.Raw != "" }

// Quantity returns the number on the scale the scoring formulas use: a
// percentage as its fraction, anything else as written.
func (v Value) Quantity() decimal.Decimal {
	if v.Percent {
		return v.Number.Shift(-2)
	}
	return v.Number
}

// opWords are Chinese phrasings of a direction, longest first so that
// 不低于 wins over 低于.
var opWords = []struct {
	word string
	op   Op
}{
	{">=", OpGE}, {"<=", OpLE}, {"=>", OpGE}, {"=<", OpLE},
	{"大于等于", OpGE}, {"大于或等于", OpGE}, {"小于等于", OpLE}, {"小于或等于", OpLE},
	{"不低于", OpGE}, {"不少于", OpGE}, {"不小于", OpGE}, {"不高于", OpLE},
	{"不超过", OpLE}, {"不多于", OpLE}, {"不大于", OpLE}, {"控制在", OpLE},
	{"至少", OpGE}, {"达到", OpGE}, {"超过", OpGT}, {"高于", OpGT}, {"大于", OpGT},
	{"多于", OpGT}, {"低于", OpLT}, {"小于", OpLT}, {"少于", OpLT}, {"等于", OpEQ},
	{"≥", OpGE}, {"≤", OpLE}, {">", OpGT}, {"<", OpLT}, {"=", OpEQ},
}

// opSuffixes turn "95%以上" into ≥95%.
var opSuffixes = []struct {
	word string
	op   Op
}{{"及以上", OpGE}, {"以上", OpGE}, {"及以下", OpLE}, {"以下", OpLE}, {"以内", OpLE}}

// ParseValue reads an indicator value. A value with a number and at most a
// direction and a unit around it is 定量; anything else that is not empty is
// 定性 ("年度完成", "有效", "显著提升"). It never fails.
func ParseValue(raw string) Value {
	v := Value{Raw: strings.TrimSpace(raw)}
	if v.Raw == "" {
		return v
	}
	v.Type = Qualitative
	s := squeeze(fold(v.Raw))
	op := OpNone
	for _, w := range opWords {
		if strings.HasPrefix(s, w.word) {
			op, s = w.op, s[len(w.word):]
			break
		}
	}
	for _, w := range opSuffixes {
		if strings.HasSuffix(s, w.word) {
			if op == OpNone {
				op = w.op
			}
			s = strings.TrimSuffix(s, w.word)
			break
		}
	}
	num, rest := leadingNumber(s)
	if num == "" {
		return v
	}
	d, err := decimal.NewFromString(num)
	if err != nil {
		return v
	}
	switch {
	case rest == "%":
		v.Percent = true
	case rest == "" || isUnit(rest):
		v.Unit = rest
	default:
		return v
	}
	v.Type, v.Op, v.Number = Quantitative, op, d
	return v
}
