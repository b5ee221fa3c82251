// Package sample builds the evaluations tests across jixiao use: the
// published 2024 雁峰区司法局 部门整体 self-evaluation (table and report, as
// in /work/shared/samples/yanfeng-sfj-2024.txt) and a 项目 evaluation with
// 二级 indicators, a reverse (≤) target and a missed target.
package sample

import (
	"jixiao"
	"jixiao/notation"
)

func f(s string) jixiao.Figure { return notation.ParseFigure(s) }

func ind(l1, l2, name, target, actual, weight, score, dev string) jixiao.Indicator {
	return jixiao.Indicator{
		Level1: l1, Level2: l2, Name: name,
		Target: notation.ParseValue(target), Actual: notation.ParseValue(actual),
		Weight: f(weight), Score: f(score), Deviation: dev,
	}
}

// Yanfeng returns the sample 部门整体 evaluation with its report.
func Yanfeng() *jixiao.Evaluation {
	return &jixiao.Evaluation{
		Kind: jixiao.KindDepartment, Unit: "雁峰区司法局", Year: 2024,
		Budget: jixiao.Budget{
			Initial: f("495.66"), FullYear: f("674.85"),
			Weight: f("10"), Rate: f("61.23%"), Score: f("6.12"),
			Splits: []jixiao.BudgetSplit{
				{Name: "按收入性质分", Rows: []jixiao.BudgetRow{
					{Name: "一般公共预算", FullYear: f("641.20")},
					{Name: "政府性基金拨款", FullYear: f("0.0")},
					{Name: "纳入专户管理的非税收入拨款", FullYear: f("0.0")},
					{Name: "其他资金", FullYear: f("33.65")},
				}},
				{Name: "按支出性质分", Rows: []jixiao.BudgetRow{
					{Name: "基本支出", FullYear: f("417.88")},
					{Name: "项目支出", FullYear: f("256.96")},
				}},
			},
		},
		Goal: jixiao.Goal{
			Expected: "负责全区人民调解工作，管理调解委员会的组织、业务建设、业务培训，调处各类民间纠纷，预防纠纷激化。监督、管理全区社区矫正工作；指导全区非监禁刑罚执行和刑释解教人员帮教安置工作。\n负责管理全区法律援助工作。",
			Actual:   "高站位、高标准、高质量完成了各项工作",
		},
		Indicators: []jixiao.Indicator{
			ind("产出指标", "", "完成量", "100%", "100%", "20", "20", ""),
			ind("产出指标", "", "完成率", "100%", "100%", "20", "20", ""),
			ind("产出指标", "", "完成时间", "年度完成", "已完成", "20", "20", ""),
			ind("满意度指标", "", "群众满意度", "100%", "100%", "20", "20", ""),
			ind("成本指标", "", "节约率", "100%", "100%", "10", "10", ""),
		},
		StatedTotal: f("96.12"),
		Report:      YanfengReport(),
	}
}

// YanfengReport is the sample's 自评报告 data, as its narrative states it.
func YanfengReport() *jixiao.Report {
	return &jixiao.Report{
		Preface: "根据《预算法》有关“各级政府、各部门、各单位应当对预算支出情况开展绩效评价”的规定，结合实际情况，我办对2024年度部门整体支出进行了绩效自评，现报告如下：",
		Profile: jixiao.Profile{
			Functions: []string{
				"贯彻落实国家、省、市有关司法方面的方针政策和法律法规；编制全区司法行政工作发展规划、年度规划并组织实施。",
				"指导全区普法依法治理工作。",
				"负责全区人民调解工作，管理调解委员会的组织、业务建设、业务培训，调处各类民间纠纷，预防纠纷激化。",
				"指导、监督、管理全区社区矫正工作；指导全区非监禁刑罚执行和刑释解教人员帮教安置工作。",
				"负责管理全区法律援助工作。",
				"承办区人民政府交办的其他事项。",
			},
			Institutions: "区司法局内设八个股室，分别是办公室、社区矫正工作股（安置帮教股）、行政复议与应诉股、行政执法协调监督股、普法与依法治理股（公共法律服务管理股）、基层法治建设股、律师工作股和政工室。辖7个副科级的派出司法所。下属事业单位3个，分别是雁峰区法律援助中心、雁峰区社区矫正中心和雁峰区医疗纠纷调解中心。",
			Composition:  "雁峰区司法局2024年部门决算公开单位构成为单位本级。",
			Staff:        jixiao.Staff{AsOf: "2024年12月31日", Active: f("26人")},
		},
		Income: []jixiao.Amount{
			{Name: "财政拨款收入", Amount: f("641.2")},
			{Name: "其他收入", Amount: f("33.65")},
		},
		Spending: jixiao.Spending{
			BySource: []jixiao.Amount{
				{Name: "财政拨款支出", Amount: f("641.2")},
				{Name: "其他资金支出", Amount: f("33.65")},
			},
			ByNature: []jixiao.Nature{
				{Name: "基本支出", Initial: f("435.79"), Final: f("388.11"), Reason: "厉行节约，过紧日子，减少经费拨款和项目经费减少"},
				{Name: "项目支出", Initial: f("59.87"), Final: f("286.74"), Reason: "项目经费主要用于法律宣传、法律援助、社区矫正、办案经费、装备经费等"},
			},
			ByEconomic: []jixiao.Amount{
				{Name: "工资福利支出", Amount: f("400.09")},
				{Name: "商品和服务支出", Amount: f("234.97")},
				{Name: "对个人和家庭的补助", Amount: f("24.58")},
				{Name: "资本性支出", Amount: f("15.21")},
			},
		},
		GovernmentFund: jixiao.OtherBudget{Amount: f("0")},
		StateCapital:   jixiao.OtherBudget{Amount: f("0")},
		Achievements: []jixiao.Achievement{
			{Title: "大力开展统筹协调提能行动，在深化全面依法治区上持续发力",
				Text:    "牵头组建19名专业人才成立法律专家库，全年为区政府提出合法性法律意见29条。全年审查涉旅类政府合同12件，回复涉旅类政策文件征求意见6件，审核区政府常务会议议题9件，提供涉旅法律意见18件。",
				Figures: []jixiao.Metric{{Name: "合法性法律意见", Value: f("29条")}, {Name: "审查涉旅类政府合同", Value: f("12件")}}},
			{Title: "大力开展行政执法提优行动，在践行严格落实公正文明执法持续发力",
				Text:    "对全区25个行政执法单位收集执法突出问题10件整治工作逐一指导。全年共收到行政复议申请62件，已审结57件，其中10件确认违法，发出行政复议建议书2份。",
				Figures: []jixiao.Metric{{Name: "行政复议申请", Value: f("62件")}, {Name: "已审结", Value: f("57件")}}},
			{Title: "大力开展法治惠民提质行动，在做优公共法律服务上持续发力",
				Text:    "全年共受理法援案件424件，其中刑事案件111件，民事案件191件，行政案件1件，认罪认罚121件。",
				Figures: []jixiao.Metric{{Name: "受理法援案件", Value: f("424件")}}},
			{Title: "大力开展安全保障提效行动，在助推平安雁峰建设上持续发力",
				Text:    "全年开展矛盾纠纷隐患排查10次，调解矛盾纠纷365件，调解成功365件。全区141名矫正对象无脱管漏管现象。",
				Figures: []jixiao.Metric{{Name: "调解矛盾纠纷", Value: f("365件")}, {Name: "调解成功", Value: f("365件")}}},
		},
		Problems: []jixiao.Problem{
			{Text: "年初部门预算前瞻性有待进一步加强。", Cause: "年初部门预算编制不够精准，年中调整了部分预算。"},
		},
		Measures: []string{
			"进一步提高预算执行率。加强预算执行动态分析，争取项目尽早计划、尽早开展、尽早结算，加快预算执行进度，提高财政资金使用效益。",
			"进一步加强预算绩效管理。加大对《湖南省预算绩效目标管理办法》相关规定的宣传和培训，增强绩效目标设置的科学性、合理性和规范性。",
		},
	}
}

// Project returns a 项目 evaluation with 二级 indicators, a reverse (≤)
// target that is missed, a positive target that is missed and a
// qualitative one, scored 10/50/30/10.
func Project() *jixiao.Evaluation {
	return &jixiao.Evaluation{
		Kind: jixiao.KindProject, Unit: "雁峰区司法局", Department: "雁峰区司法局", Year: 2024,
		Project: "法律援助专项经费", ProjectCode: "430406240000000000123",
		Budget: jixiao.Budget{
			Initial: f("40.00"), FullYear: f("50.00"), Executed: f("46.50"), Weight: f("10"),
			Splits: []jixiao.BudgetSplit{{Name: "资金来源", Rows: []jixiao.BudgetRow{
				{Name: "当年财政拨款", Initial: f("40.00"), FullYear: f("45.00"), Executed: f("42.00")},
				{Name: "上年结转资金", Initial: f("0"), FullYear: f("5.00"), Executed: f("4.50")},
				{Name: "其他资金", Initial: f("0"), FullYear: f("0"), Executed: f("0")},
			}}},
		},
		Goal: jixiao.Goal{
			Expected: "为经济困难群众提供法律援助，全年办理法律援助案件不少于400件，受援群众满意度不低于90%。",
			Actual:   "全年办理法律援助案件424件，受援群众满意度95%，案件平均办理成本控制在预算内。",
		},
		Indicators: []jixiao.Indicator{
			ind("产出指标", "数量指标", "办理法律援助案件数", "≥400件", "424件", "20", "", ""),
			ind("产出指标", "数量指标", "开展普法宣传活动", "≥30场", "27场", "10", "", "部分活动因天气取消，下年度提前安排。"),
			ind("产出指标", "质量指标", "案件办结率", "≥95%", "97%", "10", "", ""),
			ind("产出指标", "成本指标", "案均办理成本", "≤1200元", "1300元", "10", "", "个别案件异地取证费用较高，下年度加强成本控制。"),
			ind("效益指标", "社会效益指标", "困难群众合法权益得到维护", "有效维护", "达成年度指标", "30", "28", ""),
			ind("满意度指标", "服务对象满意度指标", "受援群众满意度", "≥90%", "95%", "10", "", ""),
		},
	}
}
