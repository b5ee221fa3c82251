package gen

import (
	"math/rand/v2"
	"strconv"

	"jixiao/notation"

	"github.com/shopspring/decimal"

	"jixiao"
)

// kind is how an indicator template scores.
type kind int

const (
	kPositive kind = iota // ≥ a count or an amount
	kPercent              // ≥ a percentage
	kReverse              // ≤ an amount
	kZero                 // = 0 (accidents, complaints)
	kQual                 // a graded phrase
)

// tmpl is an indicator as units write it: a name, a unit and the range its
// target is drawn from; for 定性 ones the target phrase and the phrase of a
// partly achieved result.
type tmpl struct {
	name    string
	kind    kind
	unit    string
	lo, hi  int
	phrase  string // 定性: target, and actual when achieved
	partial string // 定性: actual when partly achieved
}

// templates by 二级指标. Names must stay within what the audit's quality
// checks accept as specific (no bare 完成率/完成量).
var templates = map[string][]tmpl{
	"数量指标": {
		{name: "开展业务培训人次", kind: kPositive, unit: "人次", lo: 200, hi: 3000},
		{name: "服务对象覆盖人数", kind: kPositive, unit: "人", lo: 500, hi: 20000},
		{name: "实施项目个数", kind: kPositive, unit: "个", lo: 3, hi: 40},
		{name: "举办宣传活动场次", kind: kPositive, unit: "场", lo: 10, hi: 120},
		{name: "新建改造设施数量", kind: kPositive, unit: "处", lo: 2, hi: 30},
		{name: "受理办结案件数量", kind: kPositive, unit: "件", lo: 100, hi: 800},
		{name: "补助资金发放户数", kind: kPositive, unit: "户", lo: 200, hi: 8000},
		{name: "开展监督检查次数", kind: kPositive, unit: "次", lo: 20, hi: 300},
		{name: "印发宣传资料份数", kind: kPositive, unit: "份", lo: 1000, hi: 30000},
	},
	"质量指标": {
		{name: "项目验收合格率", kind: kPercent, lo: 90, hi: 100},
		{name: "补助资金发放准确率", kind: kPercent, lo: 95, hi: 100},
		{name: "档案资料规范率", kind: kPercent, lo: 85, hi: 98},
		{name: "案件办结率", kind: kPercent, lo: 85, hi: 98},
		{name: "工程质量", kind: kQual, phrase: "达到国家验收标准", partial: "基本达到验收标准"},
	},
	"时效指标": {
		{name: "资金拨付及时率", kind: kPercent, lo: 90, hi: 100},
		{name: "项目按期完工率", kind: kPercent, lo: 85, hi: 100},
		{name: "工作任务完成时限", kind: kQual, phrase: "按时完成", partial: "基本按时完成"},
	},
	"成本指标": {
		{name: "人均培训成本", kind: kReverse, unit: "元", lo: 200, hi: 800},
		{name: "单位建设成本", kind: kReverse, unit: "万元", lo: 20, hi: 200},
		{name: "项目实施成本控制数", kind: kReverse, unit: "万元", lo: 30, hi: 500},
	},
	"经济成本指标": {
		{name: "项目实施成本控制数", kind: kReverse, unit: "万元", lo: 30, hi: 500},
		{name: "单位建设成本", kind: kReverse, unit: "万元", lo: 20, hi: 200},
	},
	"社会成本指标": {
		{name: "因项目实施引发的信访事件", kind: kZero, unit: "件"},
		{name: "人均服务成本", kind: kReverse, unit: "元", lo: 100, hi: 600},
	},
	"生态环境成本指标": {
		{name: "施工造成的环境污染事件", kind: kZero, unit: "起"},
	},
	"经济效益指标": {
		{name: "带动受益农户增收", kind: kPositive, unit: "万元", lo: 50, hi: 500},
		{name: "对当地经济发展的促进作用", kind: kQual, phrase: "作用明显", partial: "有所促进"},
	},
	"社会效益指标": {
		{name: "群众法治意识", kind: kQual, phrase: "有效提升", partial: "有所提升"},
		{name: "基本公共服务水平", kind: kQual, phrase: "明显提高", partial: "有所提高"},
		{name: "政策知晓率", kind: kPercent, lo: 80, hi: 95},
		{name: "重大安全责任事故", kind: kZero, unit: "起"},
	},
	"生态效益指标": {
		{name: "区域环境质量", kind: kQual, phrase: "持续改善", partial: "初步改善"},
		{name: "生活垃圾无害化处理率", kind: kPercent, lo: 85, hi: 100},
	},
	"可持续影响指标": {
		{name: "长效管护机制", kind: kQual, phrase: "有效建立", partial: "初步建立"},
		{name: "项目持续发挥效益年限", kind: kPositive, unit: "年", lo: 5, hi: 20},
	},
	"服务对象满意度指标": {
		{name: "服务对象满意度", kind: kPercent, lo: 85, hi: 95},
		{name: "受益群众满意度", kind: kPercent, lo: 85, hi: 95},
	},
}

// level2Key maps a rule set's 二级 name to the templates' key.
func level2Key(name string) string {
	if _, ok := templates[name]; ok {
		return name
	}
	if _, ok := templates[name+"指标"]; ok {
		return name + "指标"
	}
	return "社会效益指标"
}

// row is a generated indicator with the numbers behind its text, so that an
// injected error can rewrite its actual value consistently.
type row struct {
	t      tmpl
	target decimal.Decimal
	met    bool
}

// format writes a quantity the way the template's unit reads.
func (r *row) format(v decimal.Decimal) string {
	switch r.t.kind {
	case kPercent:
		return v.String() + "%"
	}
	return v.String() + r.t.unit
}

// targetText is the 年度指标值.
func (r *row) targetText(rng *rand.Rand) string {
	switch r.t.kind {
	case kQual:
		return r.t.phrase
	case kReverse:
		return "≤" + r.format(r.target)
	case kZero:
		return "=" + r.format(r.target)
	}
	if rng.IntN(4) == 0 && r.t.kind == kPositive {
		return r.format(r.target) // a bare number scores as ≥
	}
	return "≥" + r.format(r.target)
}

// actualFor writes an actual value that meets (or misses) the target.
func (r *row) actualFor(rng *rand.Rand, met bool) string {
	t := r.target
	switch r.t.kind {
	case kQual:
		if met {
			return r.t.phrase
		}
		return r.t.partial
	case kZero:
		if met {
			return r.format(decimal.Zero)
		}
		return r.format(decimal.NewFromInt(int64(1 + rng.IntN(3))))
	case kPercent:
		if met {
			room := decimal.NewFromInt(100).Sub(t)
			return r.format(t.Add(room.Mul(frac(rng, 0, 1000)).Round(1)))
		}
		return r.format(t.Sub(decimal.NewFromInt(int64(1 + rng.IntN(9)))).Sub(frac(rng, 0, 1000).Round(1)))
	case kReverse:
		if met {
			return r.format(t.Mul(frac(rng, 800, 1000)).Round(2))
		}
		return r.format(t.Mul(frac(rng, 1050, 1500)).Round(2))
	}
	if met {
		return r.format(t.Add(t.Mul(frac(rng, 0, 200)).Floor()))
	}
	v := t.Mul(frac(rng, 600, 970)).Floor()
	if v.GreaterThanOrEqual(t) {
		v = t.Sub(decimal.NewFromInt(1))
	}
	return r.format(v)
}

// frac is a random fraction in [lo, hi)/1000.
func frac(rng *rand.Rand, lo, hi int) decimal.Decimal {
	return decimal.New(int64(lo+rng.IntN(hi-lo)), -3)
}

// newRow draws an indicator from the templates of level2, avoiding names
// already used in this evaluation.
func newRow(rng *rand.Rand, level2 string, used map[string]bool) row {
	list := templates[level2Key(level2)]
	t := list[rng.IntN(len(list))]
	for i := 0; used[t.name] && i < len(list); i++ {
		t = list[(rng.IntN(len(list))+i)%len(list)]
	}
	if used[t.name] {
		t.name += "（" + strconv.Itoa(len(used)+1) + "）"
	}
	used[t.name] = true
	r := row{t: t}
	if t.kind != kQual && t.kind != kZero {
		r.target = decimal.NewFromInt(int64(t.lo + rng.IntN(t.hi-t.lo+1)))
	}
	return r
}

// indicator turns a row into the domain's indicator, met or not.
func (r *row) indicator(rng *rand.Rand, level1, level2 string, weight int, met bool) jixiao.Indicator {
	r.met = met
	return jixiao.Indicator{
		Level1: level1, Level2: level2, Name: r.t.name,
		Target: notation.ParseValue(r.targetText(rng)),
		Actual: notation.ParseValue(r.actualFor(rng, met)),
		Weight: notation.ParseFigure(strconv.Itoa(weight)),
	}
}

// split divides total into n positive integers, each at least 1.
func split(rng *rand.Rand, total, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	for left := total - n; left > 0; left-- {
		out[rng.IntN(n)]++
	}
	return out
}
