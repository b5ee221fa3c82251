package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExtractClaims(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // kind|text|key|approx
	}{
		{"amounts and shares",
			"2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元，占本年收入95.01%；其他33.65万元，占本年收入4.99%。",
			[]string{"amount|674.85万元|本年收入合计|false", "amount|641.2万元|财政拨款收入|false", "percent|95.01%|占本年收入|false", "amount|33.65万元|其他|false", "percent|4.99%|占本年收入|false"}},
		{"measures inherit the subject",
			"基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出决算数为1万元。",
			[]string{"amount|435.79万元|基本支出年初预算数|false", "amount|388.11万元|基本支出决算数|false", "percent|89.06%|基本支出完成率|false", "amount|1万元|项目支出决算数|false"}},
		{"counts, dates and ordinals",
			"2024年12月31日止在职人员26人，第3季度受理案件424件其中刑事案件111件。",
			[]string{"count|26人|在职人员|false", "count|424件|第3季度受理案件|false", "count|111件|刑事案件|false"}},
		{"full-width digits and percent",
			"项目支出２８６．７４万元，占比４２．４９％。",
			[]string{"amount|２８６．７４万元|项目支出|false", "percent|４２．４９％|占比|false"}},
		{"approximate figures",
			"涉案金额近500余万元，参与约120人左右。",
			[]string{"amount|500余万元|涉案金额|true", "count|120人左右|参与|true"}},
		{"scores and non-units",
			"绩效得分96.12分，用时30分钟，提高3个百分点，历时2个月。",
			[]string{"score|96.12分|绩效得分|false"}},
		{"formulas and rates per unit", "得分 (20分*执行率)，补助标准1000元/人，按生均1000元安排。",
			[]string{"measure|1000元/人|补助标准|false", "amount|1000元|按生均|false"}},
		{"a rate per a figure of a unit is a measure, a formula's term no figure", "森林火灾发生率为0.064次/10万公顷，雨水利用125万吨/年，耗时5min，降雨量283.8mm/24h，得分(20分/执行率)。",
			[]string{"measure|0.064次/10万公顷|森林火灾发生率|false", "measure|125万吨/年|雨水利用|false", "measure|283.8mm/24h|降雨量|false"}},
		{"a return period is a measure", "中心城区防洪标准基本达到100年一遇，2023年一季度。",
			[]string{"measure|100年一遇|中心城区防洪标准基本|false"}},
		{"a bare 万 is an amount of money only", "投入中央直达资金29.6万,执行数29.6万,执行率100%。覆盖人口3万,惠及2万余人,发放图书2万册。",
			[]string{"amount|29.6万|投入中央直达资金|false", "amount|29.6万|投入中央直达资金执行数|false", "percent|100%|投入中央直达资金执行率|false"}},
		{"a figure after brackets is of the words before them", "下达中央转移支付资金(残疾人事业发展补助资金)29.6万元。",
			[]string{"amount|29.6万元|下达中央转移支付资金|false"}},
		{"measures", "新建道路32.63公里，面积1429.39hm，建筑层高约4.3m，租用6架直升机。",
			[]string{"measure|32.63公里|新建道路|false", "measure|1429.39hm|面积|false", "measure|4.3m|建筑层高|true", "count|6架|租用|false"}},
		{"a table's headers run into the text", "年度总体目标 预期目标 实际完成情况 本项目共申请预算资金2026400元。",
			[]string{"amount|2026400元|本项目共申请预算资金|false"}},
		{"元 and 亿元",
			"收入12,345.6元，支出1.5亿元。",
			[]string{"amount|12,345.6元|收入|false", "amount|1.5亿元|支出|false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ExtractText(tt.text)
			var got []string
			for _, c := range s.Claims {
				got = append(got, strings.Join([]string{c.Kind.String(), c.Text, c.Key, map[bool]string{true: "true", false: "false"}[c.Approx]}, "|"))
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("claims (-want +got):\n%s", d)
			}
		})
	}
}

func TestAmountInWan(t *testing.T) {
	s := ExtractText("收入12,345.6元，支出1.5亿元，另3千元。")
	want := []string{"1.23456", "15000", "0.3"}
	for i, c := range s.Claims {
		if c.Wan.String() != want[i] {
			t.Errorf("claim %d %s: got %s 万元, want %s", i, c.Text, c.Wan, want[i])
		}
	}
}

// issue is what a test expects of an Issue.
type issue struct {
	Code, Stated, Expected string
	Sure                   bool
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []issue
	}{
		{"share right", "本年支出674.85万元，其中基本支出388.11万元，占本年支出57.51%。", nil},
		{"share wrong", "本年支出674.85万元，其中项目支出286.74万元，占本年支出44.67%。",
			[]issue{{CodeShare, "44.67%", "42.49%", true}}},
		{"share with one decimal is rounded", "本年支出674.85万元，其中项目支出286.74万元，占本年支出42.5%。", nil},
		{"share named whole from an earlier sentence", "本年收入合计100万元。财政拨款收入60万元，占本年收入70%。",
			[]issue{{CodeShare, "70%", "60.00%", true}}},
		{"share of an unnamed whole is a warning", "总额100万元，A项40万元，占比50%。",
			[]issue{{CodeShare, "50%", "40.00%", false}}},
		{"shares add up", "本年支出100万元，按支出性质分类，基本支出60万元，占本年支出60%；项目支出40万元，占本年支出40%。", nil},
		{"shares do not add up", "本年支出674.85万元，按支出性质分类，基本支出388.11万元，占本年支出57.51%；项目支出286.74万元，占本年支出44.67%。",
			[]issue{{CodeShare, "44.67%", "42.49%", true}, {CodeSharesSum, "102.18%", "100%", true}}},
		{"shares of separate classifications are separate", "本年支出100万元，按资金来源分类，财政拨款支出90万元，占本年支出90%，其他资金支出10万元，占本年支出10%；按支出性质分类，基本支出70万元，占本年支出70%；项目支出30万元，占本年支出30%。", nil},
		{"parts make the whole", "本年收入合计674.85万元，其中：财政拨款收入641.2万元，其他33.65万元。", nil},
		{"exhaustive parts do not make the whole", "本年收入合计674.85万元，其中：财政拨款收入641.2万元，其他30万元。",
			[]issue{{CodePartsSum, "671.20万元", "674.85万元", true}}},
		{"rounding within tolerance", "本年支出674.85万元，其中基本支出417.88万元，项目支出256.96万元。", nil},
		{"basic plus project must make the whole", "本年支出100万元，其中基本支出60万元，项目支出30万元。",
			[]issue{{CodePartsSum, "90万元", "100万元", true}}},
		{"open list below the whole is fine", "本年支出100万元，按经济分类，工资福利支出60万元，商品和服务支出30万元。", nil},
		{"a part larger than the whole", "本年支出100万元，其中基本支出160万元。",
			[]issue{{CodePartsSum, "160万元", "≤ 100万元", true}}},
		{"count parts within the whole", "共受理法援案件424件其中刑事案件111件，民事案件191件，行政案件1件，认罪认罚121件。", nil},
		{"count parts over the whole may overlap", "共受理案件100件，其中刑事案件80件，认罪认罚案件70件。",
			[]issue{{CodePartsSum, "150件", "100件", false}}},
		{"rate right", "部门年初预算数为495.66万元，决算数为674.85万元，完成率136.15%。", nil},
		{"rate wrong", "基本支出年初预算数为435.79万元，决算数为388.11万元，完成率98.06%。",
			[]issue{{CodeRate, "98.06%", "89.06%", true}}},
		{"rates of basic and project add up", "年初预算数为495.66万元，决算数为674.85万元，完成率136.15%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。", nil},
		{"rates of basic and project do not add up", "年初预算数为500万元，决算数为674.85万元，完成率134.97%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。",
			[]issue{{CodePartsSum, "495.66万元", "500万元", true}}},
		{"growth with last year's figure", "本年支出110万元，上年支出100万元，比上年增长10%。", nil},
		{"growth wrong", "本年支出110万元，上年支出100万元，比上年增长12%。",
			[]issue{{CodeGrowth, "12%", "10.00%", true}}},
		{"growth without last year's figure is not checked", "本年支出110万元，比上年增长12%。", nil},
		{"growth from a stated change is a warning", "本年支出110万元，比上年增加10万元，增长12%。",
			[]issue{{CodeGrowth, "12%", "10.00%", false}}},
		{"same quantity twice", "本年收入合计674.85万元。\n本年收入合计647.85万元。",
			[]issue{{CodeConflict, "647.85万元", "674.85万元", true}}},
		{"one label, a budget and an actual: not sure", "年初预算中，基本支出400.00万元。\n决算中，基本支出388.11万元。",
			[]issue{{CodeConflict, "388.11万元", "400.00万元", false}}},
		{"a change is no whole for 其中", "本年收入100万元，比上年增加10万元，其中财政拨款90万元，其他10万元。", nil},
		{"same quantity, same value", "本年收入合计674.85万元。\n本年收入合计674.85万元。", nil},
		{"approximate figures are not checked", "本年支出约100万元，其中基本支出约60万元，占本年支出70%。", nil},
		{"a nested 其中 ends with its clause", "本年支出合计668.91万元。按支出性质分，基本支出470.66万元，占本年支出70.36%，其中人员经费402.31万元、公用经费68.35万元；项目支出198.25万元，占本年支出29.64%。", nil},
		{"a nested 其中 must add up", "本年支出合计668.91万元。按支出性质分，基本支出470.66万元，其中人员经费402.31万元、公用经费60.00万元；项目支出198.25万元。",
			[]issue{{CodePartsSum, "462.31万元", "470.66万元", true}}},
		{"a whole named by its suffix", "项目实际支出433.00万元。资金主要用于：主体工程施工356.20万元，占实际支出82.26%；监理及设计41.80万元，占实际支出9.56%；安全鉴定及验收35.00万元，占实际支出8.08%。",
			[]issue{{CodeShare, "9.56%", "9.65%", true}, {CodeSharesSum, "99.90%", "100%", true}}},
		{"every share wrong the same way: the whole is wrong", "项目实际支出493.80万元。资金主要用于：日常养护268.40万元，占实际支出55.48%；危桥改造168.00万元，占实际支出34.73%；水毁修复47.40万元，占实际支出9.80%。",
			[]issue{{CodeShare, "493.80万元", "≈483.78万元", true}}},
		{"last year's figure in brackets", "全年受理法律援助案件436件，其中刑事案件142件、民事案件281件、行政案件13件，比上年（398件）增长9.55%。", nil},
		{"last year's figure in brackets, wrong growth", "全年服务26500人，比上年（25200人）增长6.15%。",
			[]issue{{CodeGrowth, "6.15%", "5.16%", true}}},
		{"growth against the start of the year", "年初预算数为386.40万元，年中追加调整后全年预算数为452.18万元，比年初预算增加65.78万元，增长17.02%。", nil},
		{"labels before colons", "本年支出：674.85万元。其中：基本支出：388.11万元，项目支出：286.74万元。", nil},
		{"labels before colons, parts that do not add up", "本年支出：674.85万元。其中：基本支出：388.11万元，项目支出：296.74万元。",
			[]issue{{CodePartsSum, "684.85万元", "674.85万元", true}}},
		{"公共 is no 共 of a total that ends a list", "本年收入：3824.26万元。其中：公共财政拨款：1873.66万元，其他资金：1900.6万元。",
			[]issue{{CodePartsSum, "3774.26万元", "3824.26万元", true}}},
		{"a change stated alone after the sentence it compares", "1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。", nil},
		{"complementary counts must add up", "实有人员44人，其中在职34人、退休12人。",
			[]issue{{CodePartsSum, "46人", "44人", true}}},
		{"a count list short of its total is a warning", "全年培训高素质农民860人，其中种植类420人、养殖类260人、农村电商类120人。",
			[]issue{{CodePartsSum, "800人", "860人", false}}},
	}
	tests = append(tests, quantityCases...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ExtractText(tt.text)
			var got []issue
			for _, is := range s.Check(Options{}) {
				got = append(got, issue{is.Code, is.Stated, is.Expected, is.Sure})
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("issues (-want +got):\n%s\nrelations: %+v", d, s.Relations)
			}
		})
	}
}

// quantityCases are issue 13's item 6: each whole is attributed to its
// quantity, parts end where their clause ends, a stated sum comes first,
// and counts add up across clauses.
var quantityCases = []struct {
	name string
	text string
	want []issue
}{
	// attribution per quantity
	{"年初预算 parts against the 年初预算, not the 全年预算 of the unit's rate (the corrected sample as jixiao renders it)",
		"2024年度部门年初预算数为495.66万元，全年预算数为674.85万元，全年执行数为674.85万元，预算执行率为100.00%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。", nil},
	{"the same, one paragraph a sentence",
		"2024年度部门年初预算数为495.66万元，全年预算数为674.85万元，全年执行数为674.85万元，预算执行率为100.00%。\n基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%。\n项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。", nil},
	{"年初预算 parts that do not make the 年初预算",
		"2024年度部门年初预算数为500.00万元，全年预算数为674.85万元，全年执行数为674.85万元，预算执行率为100.00%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。",
		[]issue{{CodePartsSum, "495.66万元", "500.00万元", true}}},
	{"决算 parts that do not make the 决算",
		"2024年度部门年初预算数为495.66万元，全年执行数为680.00万元，预算执行率为137.19%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%。",
		[]issue{{CodePartsSum, "674.85万元", "680.00万元", true}}},
	{"spending is no part of income", "2024年本年收入合计674.85万元，按支出性质分类，基本支出470.66万元，项目支出198.25万元。", nil},
	{"allocations under two documents are two wholes",
		"根据《关于下达2024年司法救助资金的通知》，下达资金50.00万元。\n根据《关于下达2024年法律援助补助资金的通知》，下达资金30.00万元。", nil},
	{"one allocation stated twice under one document",
		"根据《关于下达2024年司法救助资金的通知》，下达资金50.00万元。\n根据《关于下达2024年司法救助资金的通知》，下达资金60.00万元。",
		[]issue{{CodeConflict, "60.00万元", "50.00万元", true}}},
	{"a 全年预算 is its 年初预算 and what was added", "全年预算数为674.85万元，其中年初预算495.66万元，追加预算179.19万元。", nil},
	{"what is carried over is no part of the year's spending", "本年支出674.85万元，其中：基本支出388.11万元，项目支出286.74万元；年初结转和结余15.00万元。", nil},
	{"what was planned and what was done are two quantities, a short list is stated in its own unit (testdata/real/anhui-guichi-txz-2022-2)",
		"本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。\n本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。",
		[]issue{{CodePartsSum, "1740000元", "2026400元", false}}},
	{"parts of two wholes are no conflict, even when the wholes' labels run into a table's (testdata/real/anhui-guichi-txz-2022-2)",
		"年度总体目标 预期目标 实际完成情况 本项目共申请预算资金2026400元,其中村级组织运转400000元,村级事务补助960000元。 .. ............. 本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村级事务补助660000元。",
		[]issue{{CodePartsSum, "1360000元", "2026400元", false}, {CodePartsSum, "1099120.67元", "1329120.67元", false}}},
	{"parts of one whole stated twice conflict", "本年支出674.85万元，其中基本支出388.11万元，项目支出286.74万元。\n本年支出674.85万元，其中基本支出400.00万元，项目支出274.85万元。",
		[]issue{{CodeConflict, "400.00万元", "388.11万元", true}, {CodeConflict, "274.85万元", "286.74万元", true}}},
	{"a list cut by the copy is not short of its whole (testdata/real/anhui-wuhu-wlj-2022)",
		"7.分配“15分钟阅读圈”建设专项资金604万元,其中无为市80万元,南陵县23万元,镜湖", nil},
	{"figures of each indicator are no quantity stated twice (testdata/real/anhui-jinghu-cl-2023)",
		"第一,有需求的困难残疾人得到残疾人基本康复服务比例年初指标值为不低于85%,全年实际完成值100%。第二,资助接受托养服务人次数年初指标值为不低于105人,全年实际完成值116人。第三,发放燃油补贴年初指标值为不低于180人,全年实际完成值164人。", nil},
	{"共计 after the parts (testdata/real/anhui-wuhu-wlj-2022)",
		"4.分配芜湖市艺术剧院有限公司梨簧戏演出补助50万元,南陵县文旅体局目连戏50万元,共计100万元。\n5.根据因素分配法测算,分配湾沚区24.6万元,繁昌县56.5万元,南陵县74.1万元,无为市111.4万元,共计266.6万元,统筹用于公共文化服务体系建设。", nil},
	{"共计 after the parts, wrong", "4.分配芜湖市艺术剧院有限公司梨簧戏演出补助50万元,南陵县文旅体局目连戏50万元,共计110万元。",
		[]issue{{CodePartsSum, "100万元", "110万元", false}}},
	// parts end where the clause ends
	{"a total in the next clause run is no part", "2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元，其他33.65万元；本年支出合计668.91万元，其中基本支出470.66万元，项目支出198.25万元。", nil},
	{"a figure of another quantity in the next clause run is no part", "年初预算数为495.66万元，其中基本支出435.79万元，项目支出59.87万元；决算数为674.85万元，其中基本支出388.11万元，项目支出286.74万元。", nil},
	{"the next clause run's list still adds up to its own whole", "年初预算数为495.66万元，其中基本支出435.79万元，项目支出59.87万元；决算数为674.85万元，其中基本支出388.11万元，项目支出280.00万元。",
		[]issue{{CodePartsSum, "668.11万元", "674.85万元", true}}},
	{"a list goes on past its clause run", "2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元，占本年收入95.01%；其他30.00万元，占本年收入4.99%。",
		[]issue{{CodePartsSum, "671.20万元", "674.85万元", true}, {CodeShare, "4.99%", "4.45%", true}}},
	{"a list written with 、 ends at the comma", "全年共受理法律援助案件436件，其中刑事案件142件、民事案件281件、行政案件13件，办结420件，办结率96.33%。", nil},
	{"a nested list written with 、 ends at the comma", "本年支出合计668.91万元。按支出性质分，基本支出470.66万元，其中人员经费402.31万元、公用经费68.35万元，项目支出198.25万元。", nil},
	{"a nested list written with 、 that does not add up", "本年支出合计668.91万元。按支出性质分，基本支出470.66万元，其中人员经费402.31万元、公用经费60.35万元，项目支出198.25万元。",
		[]issue{{CodePartsSum, "462.66万元", "470.66万元", true}}},
	{"a change against the budget is no growth", "三公经费预算20万元，实际支出15万元，较预算减少5万元，下降25%。", nil},
	{"实际支出 takes its subject", "三公经费预算20万元，实际支出15万元。\n项目年初预算安排100万元，其中：设备购置60万元，培训费40万元；实际支出95万元，其中：设备购置58万元，培训费37万元。", nil},
	// the sentence that states its own sum
	{"a stated sum is the parts' whole, not a part", "年初预算安排资金495.66万元，其中：基本支出435.79万元、项目支出59.87万元，合计495.66万元。", nil},
	{"a stated sum the parts do not make", "本年支出674.85万元，其中：工资福利支出400.09万元、商品和服务支出234.97万元、对个人和家庭的补助24.58万元、资本性支出15.21万元，合计680.00万元。",
		[]issue{{CodePartsSum, "674.85万元", "680.00万元", true}}},
	{"a stated sum of the figures before it, and bracketed 其中 (testdata/real/hebei-lincheng-dlxm-2021)",
		"该项目分三批实施,一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元(其中建筑工程1975.775万元),三批项目县级批复投资778.59万元(其中建筑工程757.44万元),合计批复总投资6222.4万元(其中建筑工程6025.215万元)。", nil},
	{"a stated sum the figures before it do not make is a warning",
		"该项目分三批实施,一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元(其中建筑工程1975.775万元),三批项目县级批复投资778.59万元(其中建筑工程757.44万元),合计批复总投资6322.4万元(其中建筑工程6025.215万元)。",
		[]issue{{CodePartsSum, "6222.40万元", "6322.4万元", false}}},
	{"a stated sum of the last figures before it", "年初预算数为495.66万元，基本支出435.79万元、项目支出59.87万元，合计495.66万元。", nil},
	{"a bracketed 其中 part larger than its whole", "一批项目县级批复总投资3374.3万元(其中建筑工程3392万元)。",
		[]issue{{CodePartsSum, "3392万元", "≤ 3374.3万元", true}}},
	{"a stated sum comes before the unit's rate", "2024年度部门年初预算数为495.66万元，决算数为674.85万元，完成率136.15%。基本支出年初预算数为435.79万元，决算数为388.11万元，完成率89.06%；项目支出年初预算数为59.87万元，决算数为286.74万元，完成率478.94%，合计决算数674.85万元。", nil},
	// counts across clauses
	{"受理 = 已审结 + 未审结", "全年共收到行政复议申请62件，已审结57件，未审结5件。", nil},
	{"受理 ≠ 已审结 + 未审结", "全年共收到行政复议申请62件，已审结57件，未审结6件。",
		[]issue{{CodePartsSum, "63件", "62件", true}}},
	{"受理 ≠ 已审结 + 未审结 across clause runs", "受理行政复议申请62件；已审结57件，未审结4件。",
		[]issue{{CodePartsSum, "61件", "62件", true}}},
	{"达到 + 未达到 = 设置", "共设置绩效指标5个，其中达到年度指标值5个，未达到0个。", nil},
	{"达到 + 未达到 ≠ 设置", "共设置绩效指标5个，其中达到年度指标值4个，未达到0个。",
		[]issue{{CodePartsSum, "4个", "5个", true}}},
	{"a total's counts over it, bracketed ones aside (testdata/real/yunnan-honghe-sjzx-2024)",
		"2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个(含2023年转列暂付性款项项目5个),年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算861.46万元,年中增加8个项目(含2023年转列暂付性款项项目5个),实际到位资金334.67万元。",
		[]issue{{CodePartsSum, "16个", "15个", false}}},
	{"a total and other results of the sentence", "全年共办理案件120件，接待来访群众300人次，调解纠纷150件。", nil},
	{"posts are no sum of people", "核定编制数30人，在职人员26人，退休人员12人。", nil},
	{"the intake before the pair is its whole", "全年受理案件62件，调解成功30件，已审结57件，未审结5件。", nil},
	{"the intake before the pair is its whole, wrong", "全年受理案件62件，调解成功30件，已审结57件，未审结6件。",
		[]issue{{CodePartsSum, "63件", "62件", true}}},
	{"a total's counts within it", "全年共收到行政复议申请62件，已审结57件，其中10件确认违法，发出行政复议建议书2份。", nil},
	{"a rate the report quotes from the table is the table's", "2024年度部门年初预算数为495.66万元，全年预算数为674.85万元，决算数为674.85万元，全年执行数未填列，自评表所列预算执行率为61.23%（按决算数计算为100.00%）。", nil},
	{"其中 opening a sentence breaks down the figure before it", "2024年本年收入合计674.85万元。其中：财政拨款收入641.2万元，其他30.00万元。",
		[]issue{{CodePartsSum, "671.20万元", "674.85万元", true}}},
	{"其中 opening a paragraph breaks down the figure before it, not surely", "2024年本年收入合计674.85万元。\n其中：财政拨款收入641.2万元，其他30.00万元。",
		[]issue{{CodePartsSum, "671.20万元", "674.85万元", false}}},
	{"其中 opening a sentence after a change", "本年收入比上年增加10万元。其中财政拨款90万元，其他10万元。", nil},
	// the real corpus
	{"levels of the indicator tree are no parts (testdata/real/henan-xiping-jtj-2022)",
		"该项目共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个。", nil},
	{"what is already paid is no part of what the sum is made of (testdata/real/yunnan-yuanyang-dpx-2021)",
		"统筹整合使用财政涉农资金303万元,其中项目管理费3万元,目前项目资金已拨付270万元。", nil},
	{"two numbered items are two things (testdata/real/yunnan-yuanyang-dpx-2021)",
		"  1.2021年第一批统筹整合使用财政涉农资金虹鳟鱼鲟鱼养殖基地建设项目。统筹整合使用财政涉农资金303万元,其中项目管理费3万元。\n  2.2021年第一批统筹整合使用财政涉农资金基础设施建设项目。统筹整合使用财政涉农资金107.13万元,其中项目管理费1.07万元。", nil},
	{"a total later in the sentence is no part (testdata/real/hunan-leiyang-sz-2022, headings run into the text)",
		"我校2022年按生均1000元安排,共计239万元,其中上级资金179.25万元,本级59.75万元,项目绩效目标是保证学校的正常运转二、项目资金使用及管理情况我校生均公用经费项目三、预算支出组织实施情况我校2022年财政安排支出共计87.06万元,余款安排下年支出", nil},
	{"one sentence listing a label twice lists two things (testdata/real/chongqing-jiangbei-czj-2021)",
		"评价结果显示,绩效评价结果为“优”的项目有1项,涉及金额为460万元;绩效评价结果为“良”的项目有6项,涉及金额为21075.69万元;绩效评价结果为“中”的项目有4项,涉及金额为11722.71万元。", nil},
	{"two items a PDF runs into one paragraph after the title (testdata/real/yunnan-yuanyang-dpx-2021/remake.pdf)",
		"元阳县大坪乡人民政府 2021 年度项目支出绩效单位自评报告一、基本情况(一)项目概况1.2021 年第一批统筹整合使用财政涉农资金养殖基地建设项目。统筹整合使用财政涉农资金 303 万元,其中项目管理费 3 万元。\n2.2021 年第一批统筹整合使用财政涉农资金基础设施建设项目。统筹整合使用财政涉农资金 107.13 万元,其中项目管理费 1.07 万元。", nil},
	{"one item states one quantity once", "1.资金下达情况。下达资金14680万元。\n下达资金14600万元。",
		[]issue{{CodeConflict, "14600万元", "14680万元", true}}},
}

func TestSentence(t *testing.T) {
	s := ExtractText("第一句5件。第二句，金额10万元，占比5%。第三句")
	if got, want := s.Sentence(s.Claims[1]), "第二句，金额10万元，占比5%。"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
}

// TestAdversarial runs inputs that would blow up a careless scanner; it
// asserts completion, not speed, and that the numbers are not read.
func TestAdversarial(t *testing.T) {
	inputs := map[string]string{
		"10 MB of digits":          strings.Repeat("1234567890", 1<<20) + "万元",
		"a million short lines":    strings.Repeat("收入1万元，占比5%\n", 1<<20),
		"one long sentence":        strings.Repeat("其中A1万元，占本年支出5%，", 1<<15),
		"markers without numbers":  strings.Repeat("其中按分类", 1<<18),
		"decimal points":           strings.Repeat("1.", 1<<20),
		"thousands separators":     strings.Repeat("1,000,", 1<<18),
		"long labels":              strings.Repeat("本", 1<<20) + "10万元",
		"many wholes of one share": "本年支出100万元，" + strings.Repeat("基本支出1万元，占本年支出1%，", 1<<12),
		"many stated sums":         strings.Repeat("A1万元，合计1万元，", 1<<14),
		"many pairs and totals":    strings.Repeat("共受理5件，已审结3件，未审结2件，（其中1件），", 1<<13),
		"many figures of a topic":  strings.Repeat("1万元显示，", 1<<15),
		"many sums, no comma":      strings.Repeat("共计1万元", 1<<15),
		"many colons":              strings.Repeat("支出:1万", 1<<15),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			s := ExtractText(in)
			is := s.Check(Options{})
			if len(is) > 0 {
				_ = s.Sentence(s.Claims[is[len(is)-1].Claim])
			}
			t.Logf("%d bytes: %d claims, %d relations, %d issues in %v", len(in), len(s.Claims), len(s.Relations), len(is), time.Since(start))
			if name == "10 MB of digits" && len(s.Claims) != 0 {
				t.Errorf("a 10-million-digit number was read as a claim")
			}
		})
	}
}

func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		"2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元，占本年收入95.01%；其他33.65万元，占本年收入4.99%。",
		"按支出性质分类，基本支出388.11万元，占本年支出57.51%；项目支出286.74万元，占本年支出44.67%",
		"年初预算数为495.66万元，决算数为674.85万元，完成率136.15%。",
		"本年支出110万元，比上年增加10万元，增长12%。",
		"共受理法援案件424件其中刑事案件111件",
		"１２３．４５％，近500余万元左右，0.0万元，占0%",
		"1,2,3,4.5.6万元其中其中按按分",
		"一批总投资3374.3万元(其中建筑工程3292万元),二批总投资2069.51万元,合计批复总投资6222.4万元。",
		"全年共收到申请62件，已审结57件，未审结5件；共设置指标5个，其中达到5个，未达到0个。",
		"根据《关于下达资金的通知》，下达资金50万元。\n1.项目A资金303万元,其中管理费3万元,已拨付270万元,共计",
		"2、支出:799.12万元。同比上年度增加1万元,增加3%。执行数29.6万,完成率100%",
		"评价结果显示,结果为“优”的项目有1项,涉及金额为460万元;(二)每村补助4400元,共计2个",
		"0.064次/10万公顷,283.8mm/24h,100年一遇,25.29㎡P1.5LED显示屏,8个项目985万元,将资金5万元分配至",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := ExtractText(text)
		for _, is := range s.Check(Options{}) {
			if is.Claim < 0 || is.Claim >= len(s.Claims) {
				t.Fatalf("issue claim %d out of range", is.Claim)
			}
			_ = s.Sentence(s.Claims[is.Claim])
		}
	})
}

func TestLastItem(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"1.资金下达情况。", "1."},
		{"一、基本情况(一)项目概况1.2021 年第一批", "1."},
		{"项目概况1.2021年第一批…2、第二批", "2、"},
		{"（3）第三项，增长1.5%", "（3）"},
		{"(12)项目", "(12)"},
		{"增长1.5%，共120.5万元", ""},
		{"2024年12月31日", ""},
		{"第A1.项", ""},
		{"123.项", ""},
	} {
		if got := lastItem(c.text, len(c.text)); got != c.want {
			t.Errorf("lastItem(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzLastItem checks that an item number is found where the text has it.
func FuzzLastItem(f *testing.F) {
	for _, s := range []string{"1.资金", "(一)概况1.2021 年", "（3）", "1.5万元", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if n := lastItem(text, len(text)); n != "" && !strings.Contains(text, n) {
			t.Fatalf("lastItem(%q) = %q, not in the text", text, n)
		}
	})
}
