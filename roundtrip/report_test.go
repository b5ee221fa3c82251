package roundtrip

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"jixiao"
)

// reportOpts compare a report read back with the one rendered. Left out:
// Performance (the composer writes its own computed account before the
// unit's), Problems (it adds the problems the scores show; checked apart),
// the figures of achievements (the reader lists every count the text
// cites, the fixture a chosen few) and remarks on amounts.
var reportOpts = cmp.Options{
	cmpopts.IgnoreFields(jixiao.Report{}, "Performance", "Problems"),
	cmpopts.IgnoreFields(jixiao.Achievement{}, "Figures"),
	cmpopts.IgnoreFields(jixiao.Amount{}, "Note"),
	cmp.Comparer(sameFigure),
	cmp.Comparer(sameText),
	cmpopts.EquateEmpty(),
}

// TestReportRoundTrip renders the sample with its report and reads the
// report back out of the narrative.
func TestReportRoundTrip(t *testing.T) {
	for _, format := range []string{"docx", "html", "pdf"} {
		t.Run(format, func(t *testing.T) {
			if format == "pdf" {
				needPDF(t)
			}
			ev := sample(t)
			ev.Report = yanfengReport()
			got, _, notes := roundTrip(t, "report", format, ev)
			if got.Report == nil {
				t.Fatalf("no report read back; notes: %v", notes)
			}
			if d := cmp.Diff(ev.Report, got.Report, reportOpts); d != "" {
				t.Errorf("report read back differs (-rendered +imported):\n%s", d)
			}
			for _, p := range ev.Report.Problems {
				found := false
				for _, q := range got.Report.Problems {
					found = found || sameText(p.Text, q.Text) && sameText(p.Cause, q.Cause)
				}
				if !found {
					t.Errorf("problem %q (cause %q) not read back; got %+v", p.Text, p.Cause, got.Report.Problems)
				}
			}
		})
	}
}

func f(s string) jixiao.Figure { return jixiao.ParseFigure(s) }

// yanfengReport is the sample's report as render's tests hold it
// (render/internal/testdata, which this package cannot import).
func yanfengReport() *jixiao.Report {
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
