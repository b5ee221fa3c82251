package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/internal/cjk"
	"jixiao/notation"
)

// normLabel reduces a cell's text to a label key: folded, without spaces,
// without parenthesised remarks ("(万元)", "（A）", "(扣)"), without a leading
// 其中 and a trailing colon. 评(扣)分标准 and 评扣分标准 then differ only by 扣,
// which the catalogue lists both ways.
func normLabel(s string) string {
	if len(s) > 200 {
		return "" // a paragraph, not a label
	}
	if t, ok := toSimplified(s); ok {
		s = t
	}
	if plainLabel(s) {
		return trimLabel(s)
	}
	// Folding rune by rune is folding the whole text first: Fold maps
	// each rune on its own. The label is built on the stack, and a label
	// the extractor knows is returned as its catalogue string, without
	// allocating.
	var buf [256]byte
	b := buf[:0]
	depth := 0
	for _, r := range s {
		switch r = cjk.FoldRune(r); {
		case r == '(' || r == '（':
			depth++
		case r == ')' || r == '）':
			if depth > 0 {
				depth--
			}
		case depth > 0 || cjk.IsSpace(r):
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	b = trimLabel(b)
	if k, ok := knownLabels[string(b)]; ok {
		return k
	}
	return string(b)
}

// trimLabel drops a leading 其中 and colons at either end. It takes the
// text or normLabel's stack buffer alike; strings.TrimLeft and TrimRight
// with ":：" would take their generic path for a cutset that is not ASCII.
func trimLabel[T string | []byte](t T) T {
	const qizhong, colon = "其中", "："
	if hasPrefix(t, qizhong) {
		t = t[len(qizhong):]
	}
	for {
		switch {
		case len(t) > 0 && t[0] == ':':
			t = t[1:]
			continue
		case hasPrefix(t, colon):
			t = t[len(colon):]
			continue
		}
		break
	}
	for {
		switch {
		case len(t) > 0 && t[len(t)-1] == ':':
			t = t[:len(t)-1]
			continue
		case hasSuffix(t, colon):
			t = t[:len(t)-len(colon)]
			continue
		}
		break
	}
	return t
}

func hasPrefix[T string | []byte](t T, p string) bool {
	return len(t) >= len(p) && string(t[:len(p)]) == p
}

func hasSuffix[T string | []byte](t T, p string) bool {
	return len(t) >= len(p) && string(t[len(t)-len(p):]) == p
}

// knownLabels are the labels the extractor looks for, each mapped to
// itself: normLabel returns them without allocating.
var knownLabels = func() map[string]string {
	m := map[string]string{}
	for _, labels := range []map[string]string{budgetLabels, indicatorLabels, headerLabels} {
		for k := range labels {
			m[k] = k
		}
	}
	for _, names := range []map[string]bool{expenseRows, incomeRows, sourceRows, level1Names, level2Names} {
		for k := range names {
			m[k] = k
		}
	}
	for _, k := range []string{
		splitIncome, splitExpense, "总分", "合计", "总计", "等级", "评价等级", "自评等级", "绩效指标",
		"年度资金总额", "资金总额", "项目资金", "年度资金总额合计",
		"年度总体目标", "总体目标", "年度目标", "预期目标", "年度预期目标", "实际完成情况", "实际完成",
	} {
		m[k] = k
	}
	return m
}()

// plainLabel reports text that normLabel would copy unchanged before
// trimming it: nothing to fold, no brackets and no spaces. Most labels and
// figures are. Ideographs (U+4000–U+9FFF, three bytes led by 0xE4–0xE9)
// are none of these, and are skipped without being decoded.
func plainLabel(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c == '(' || c == ')' || cjk.IsSpace(rune(c)) {
				return false
			}
			i++
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '（' || r == '）' || r == utf8.RuneError || cjk.IsSpace(r) || cjk.FoldRune(r) != r {
			return false
		}
		i += n
	}
	return true
}

// cleanName is a row label as the evaluation keeps it: the text without
// 其中, colons, or surrounding spaces, but with its own parentheses.
func cleanName(s string) string {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "其中")
	t = strings.TrimLeft(t, ":： ")
	t = strings.TrimRight(t, ":： ")
	return strings.TrimSpace(t)
}

// Budget columns, by canonical label.
const (
	colRequest  = "年度预算申请"
	colInitial  = "年初预算数"
	colFullYear = "全年预算数"
	colExecuted = "全年执行数"
	colWeight   = "分值"
	colRate     = "执行率"
	colScore    = "得分"
)

var budgetLabels = map[string]string{
	"年度预算申请": colRequest, "年初预算数": colInitial, "年初预算": colInitial,
	"全年预算数": colFullYear, "全年预算": colFullYear, "调整后预算数": colFullYear,
	"全年执行数": colExecuted, "全年执行": colExecuted, "执行数": colExecuted, "实际执行数": colExecuted,
	"预算执行数": colExecuted, "调整预算数": colFullYear, "预算数": colFullYear,
	"分值": colWeight, "权重": colWeight, "执行率": colRate, "自评得分": colScore, "预算执行率": colRate, "得分": colScore,
}

// budgetHeadOnly are budget column labels read only as whole header cells
// (重庆's 部门整体绩效自评表: 执行率权重, 执行率得分), never made by joining
// fragments: "执行率" and "得分" one per line are two columns.
var budgetHeadOnly = map[string]string{"执行率权重": colWeight, "执行率得分": colScore}

// Indicator columns, by canonical label.
const (
	colL1        = "一级指标"
	colL2        = "二级指标"
	colL3        = "三级指标"
	colTarget    = "年度指标值"
	colActual    = "实际完成值"
	colStandard  = "评(扣)分标准"
	colValueType = "指标值类型"
	colOp        = "指标性质"
	colUnit      = "度量单位"
	colDeviation = "偏差原因分析及改进措施"
)

// icol is an indicator column, by its canonical label: an index instead
// of the label, for the cells of each row.
type icol uint8

const (
	iL1 icol = iota
	iL2
	iL3
	iTarget
	iActual
	iStandard
	iValueType
	iOp
	iUnit
	iWeight
	iScore
	iDeviation
	nIcol
)

// icolNames are the indicator columns' canonical labels, by icol.
var icolNames = [nIcol]string{colL1, colL2, colL3, colTarget, colActual, colStandard, colValueType, colOp, colUnit, colWeight, colScore, colDeviation}

// icolOf is the column of a canonical label of indicatorLabels.
func icolOf(key string) icol {
	for k, n := range icolNames {
		if n == key {
			return icol(k)
		}
	}
	panic("extract: no indicator column " + key)
}

var indicatorLabels = map[string]string{
	"一级指标": colL1, "二级指标": colL2, "三级指标": colL3,
	"分解目标":  colL1, // 江西's older 部门整体 table: 分解目标 | 自评权重 | 二级指标 | 三级指标 | …
	"年度指标值": colTarget, "指标值": colTarget, "年初目标值": colTarget, "年度目标值": colTarget, "目标值": colTarget,
	"实际完成值": colActual, "全年实际值": colActual, "实际值": colActual, "完成值": colActual, "全年实际完成值": colActual,
	"评分标准": colStandard, "评扣分标准": colStandard, "扣分标准": colStandard,
	"指标值类型": colValueType, "指标类型": colValueType,
	"指标性质": colOp, "度量单位": colUnit, "计量单位": colUnit, "单位": colUnit,
	"分值": colWeight, "权重": colWeight, "得分": colScore,
	"偏差原因分析及改进措施": colDeviation, "偏差原因分析及改进情况": colDeviation, "偏差原因分析": colDeviation,
	"未完成原因分析": colDeviation, "偏差原因及改进措施": colDeviation, "偏差及原因分析": colDeviation,
	// 重庆's 部门整体绩效自评表: 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 |
	// 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标
	"指标名称": colL3, "年初指标值": colTarget, "全年完成值": colActual, "指标权重": colWeight, "指标得分": colScore,
}

// Header fields of the table.
const (
	fieldUnit        = "unit"
	fieldDepartment  = "department"
	fieldImplementer = "implementer"
	fieldProject     = "project"
	fieldCode        = "project_code"
	fieldYear        = "year"
)

var headerLabels = map[string]string{
	"预算部门名称": fieldUnit, "部门名称": fieldUnit, "单位名称": fieldUnit, "预算单位名称": fieldUnit, "预算单位": fieldUnit,
	"主管部门": fieldDepartment, "实施单位": fieldImplementer,
	"项目名称": fieldProject, "转移支付名称": fieldProject, "转移支付项目名称": fieldProject, "项目编码": fieldCode, "项目代码": fieldCode, "年度": fieldYear,
}

// Split names and the rows that belong to each.
const (
	splitIncome  = "按收入性质分"
	splitExpense = "按支出性质分"
	splitSource  = "资金来源"
)

var expenseRows = map[string]bool{"基本支出": true, "项目支出": true, "人员经费": true, "公用经费": true}

var incomeRows = map[string]bool{
	"一般公共预算": true, "一般公共预算拨款": true, "政府性基金拨款": true, "政府性基金预算拨款": true,
	"纳入专户管理的非税收入拨款": true, "国有资本经营预算拨款": true, "国有资本经营": true, "财政拨款": true,
	"事业收入": true, "上级补助收入": true, "其他收入": true,
}

var sourceRows = map[string]bool{
	"当年财政拨款": true, "上年结转资金": true, "上年结转": true, "其他资金": true, "自筹资金": true, "财政拨款": true,
	"财政资金": true, "财政专户管理资金": true, "单位资金": true, "本年财政拨款": true, "社会投入资金": true,
	// 转移支付 tables (安徽's 就业补助资金绩效自评表)
	"中央财政资金": true, "地方财政资金": true, "省级财政资金": true, "市级财政资金": true, "县级财政资金": true,
}

// level1Names and level2Names recognise indicator names in rows whose
// cells cannot be aligned by position.
var level1Names = map[string]bool{
	"产出指标": true, "效益指标": true, "满意度指标": true, "成本指标": true,
	// the older 部门整体 tree (财预〔2013〕53号's 投入/过程/产出/效果, as 江西's
	// template has it: 管理指标, 产出指标, 效果指标, 满意度指标)
	"管理指标": true, "效果指标": true,
}

var level2Names = map[string]bool{
	"数量指标": true, "质量指标": true, "时效指标": true, "成本指标": true, "经济成本指标": true,
	"社会成本指标": true, "生态环境成本指标": true, "经济效益指标": true, "社会效益指标": true,
	"生态效益指标": true, "可持续影响指标": true, "服务对象满意度指标": true, "满意度指标": true,
}

// isValueText reports cell text that is a figure or a placeholder for one,
// as opposed to a row label.
func isValueText(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || t == unreadMark || notation.IsFigure(t) {
		return true // (an unread mark holds a figure's place)
	}
	switch cjk.Fold(t) {
	case "-", "--", "—", "——", "/", "\\", "无", "x", "X", "×":
		return true
	}
	return false
}

// hasHan reports text with an ideograph; ASCII bytes are skipped
// undecoded.
func hasHan(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Han, r) {
			return true
		}
		i += n
	}
	return false
}
