package notation

import (
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/cjk"
)

// opWords are Chinese phrasings of a direction, longest first so that
// 不低于 wins over 低于.
var opWords = []struct {
	word string
	op   jixiao.Op
}{
	{">=", jixiao.OpGE}, {"<=", jixiao.OpLE}, {"=>", jixiao.OpGE}, {"=<", jixiao.OpLE},
	{"大于等于", jixiao.OpGE}, {"大于或等于", jixiao.OpGE}, {"小于等于", jixiao.OpLE}, {"小于或等于", jixiao.OpLE},
	{"不低于", jixiao.OpGE}, {"不少于", jixiao.OpGE}, {"不小于", jixiao.OpGE}, {"不高于", jixiao.OpLE},
	{"不超过", jixiao.OpLE}, {"不多于", jixiao.OpLE}, {"不大于", jixiao.OpLE}, {"控制在", jixiao.OpLE},
	{"至少", jixiao.OpGE}, {"达到", jixiao.OpGE}, {"超过", jixiao.OpGT}, {"高于", jixiao.OpGT}, {"大于", jixiao.OpGT},
	{"多于", jixiao.OpGT}, {"低于", jixiao.OpLT}, {"小于", jixiao.OpLT}, {"少于", jixiao.OpLT}, {"等于", jixiao.OpEQ},
	{"≥", jixiao.OpGE}, {"≤", jixiao.OpLE}, {">", jixiao.OpGT}, {"<", jixiao.OpLT}, {"=", jixiao.OpEQ},
}

// opSuffixes turn "95%以上" into ≥95%.
var opSuffixes = []struct {
	word string
	op   jixiao.Op
}{{"及以上", jixiao.OpGE}, {"以上", jixiao.OpGE}, {"及以下", jixiao.OpLE}, {"以下", jixiao.OpLE}, {"以内", jixiao.OpLE}}

// ParseValue reads an indicator value. A value with a number and at most a
// direction and a unit around it is 定量; anything else that is not empty is
// 定性 ("年度完成", "有效", "显著提升"). It never fails.
func ParseValue(raw string) jixiao.Value {
	v := jixiao.Value{Raw: strings.TrimSpace(raw)}
	if v.Raw == "" {
		return v
	}
	v.Type = jixiao.Qualitative
	s := squeeze(cjk.Fold(v.Raw))
	op := jixiao.OpNone
	for _, w := range opWords {
		if strings.HasPrefix(s, w.word) {
			op, s = w.op, s[len(w.word):]
			break
		}
	}
	for _, w := range opSuffixes {
		if strings.HasSuffix(s, w.word) {
			if op == jixiao.OpNone {
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
	case rest == "" || isUnit(rest) || isCompoundUnit(rest):
		v.Unit = rest
	default:
		return v
	}
	v.Type, v.Op, v.Number = jixiao.Quantitative, op, d
	return v
}

// isCompoundUnit reports a unit made of units: a rate per something
// ("元/户", "人/次", "万元/人", "元/人·月", "次/年", "元每人").
func isCompoundUnit(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '·' || r == '•' || r == '每' })
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		if !isUnit(p) {
			return false
		}
	}
	return true
}
