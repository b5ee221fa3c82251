package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The narrative vocabulary of the multi-year panel (Panel): sentences put
// together from independent parts, so that two clean evaluations share
// little text and a copied one stands out, as it does in real filings.

var goalVerbs = []string{"全面推进", "持续深化", "扎实开展", "稳步实施", "着力加强", "统筹推进", "加快推进", "认真落实",
	"积极探索", "深入实施", "规范开展", "有序推进", "大力推动", "切实抓好", "不断完善", "重点保障"}

var goalObjects = []string{"基层服务网点标准化建设", "重点人群帮扶与回访工作", "专项资金全过程监管", "业务信息系统升级改造",
	"乡镇站所设施设备更新", "行业安全隐患排查整治", "政策宣传进村入户活动", "干部职工业务能力培训", "档案资料数字化整理",
	"服务窗口办事流程优化", "群众来信来访办理", "村级示范点创建工作", "第三方评估与绩效跟踪", "应急物资储备与调配",
	"跨部门协同联动机制", "公共服务质量监测", "项目库建设与储备论证", "合同履约与验收管理", "志愿服务队伍建设",
	"重点领域执法检查", "数据共享与统计分析", "设施日常维护与巡查", "示范项目经验总结推广", "预算编制与执行管理"}

var goalResults = []string{"覆盖率达到", "办结率保持在", "完成率不低于", "合格率达到", "及时率提高到", "知晓率提升至",
	"达标率稳定在", "满意率达到"}

var causes = []string{"上级资金下达时间较晚", "项目前期论证用时较长", "汛期施工条件受限", "招标采购流程延后",
	"服务对象需求集中在下半年", "人员调整导致工作衔接不畅", "配套资金到位不及时", "部分乡镇申报材料不全",
	"系统对接测试反复", "年中政策口径调整", "极端天气影响现场作业", "供应商交付延期"}

var remedies = []string{"建立月度调度机制", "提前开展前期论证", "压实责任到岗到人", "加强与财政部门沟通",
	"完善项目储备和滚动管理", "细化分月执行计划", "引入第三方跟踪评估", "强化合同履约管理",
	"开展专项督导检查", "优化审批流程", "加强业务培训", "建立问题整改台账"}

// sentence is one goal sentence: a verb, an object and a measurable result.
func sentence(rng *rand.Rand) string {
	return fmt.Sprintf("%s%s，%s%d%%", goalVerbs[rng.IntN(len(goalVerbs))], goalObjects[rng.IntN(len(goalObjects))],
		goalResults[rng.IntN(len(goalResults))], 80+rng.IntN(20))
}

// goalText is a 预期目标 or 实际完成情况 of 4–6 sentences naming the unit
// and year.
func goalText(rng *rand.Rand, unit string, year int, done bool) string {
	var b strings.Builder
	if done {
		fmt.Fprintf(&b, "%d年，%s", year, unit)
	} else {
		fmt.Fprintf(&b, "%d年%s计划", year, unit)
	}
	for i := range 4 + rng.IntN(3) {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(sentence(rng))
	}
	b.WriteString("。")
	return b.String()
}

// deviationText explains a missed target: a cause and a remedy.
func deviationText(rng *rand.Rand) string {
	return fmt.Sprintf("因%s，部分任务未达预期；下一步将%s，并%s。", causes[rng.IntN(len(causes))],
		remedies[rng.IntN(len(remedies))], remedies[rng.IntN(len(remedies))])
}
