package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/importer/text"
)

// reportSummary is what the tests check of a Report: every figure by its
// stated text, texts by their start.
type reportSummary struct {
	Preface      string // first 10 runes
	Functions    int
	FirstFunc    string // first 10 runes
	Institutions string // first 10 runes
	Composition  string
	Staff        [4]string // as of, 编制, 在职, 离退休
	Income       []string  // name=text
	BySource     []string
	ByNature     []string // name=initial/final
	NatureParts  []string
	ByEconomic   []string
	GovFund      string
	StateCapital string
	Achievements []string // title's first 8 runes: figures
	Problems     int
	FirstProblem string // first 10 runes
	Measures     int
	Application  bool
}

func head(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func amounts(as []jixiao.Amount) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name+"="+a.Amount.Text)
	}
	return out
}

func summarize(r *jixiao.Report) reportSummary {
	s := reportSummary{
		Preface: head(r.Preface, 10), Functions: len(r.Profile.Functions),
		Institutions: head(r.Profile.Institutions, 10), Composition: r.Profile.Composition,
		Staff:  [4]string{r.Profile.Staff.AsOf, r.Profile.Staff.Authorized.Text, r.Profile.Staff.Active.Text, r.Profile.Staff.Retired.Text},
		Income: amounts(r.Income), BySource: amounts(r.Spending.BySource), ByEconomic: amounts(r.Spending.ByEconomic),
		GovFund:      r.GovernmentFund.Amount.Text + "|" + r.GovernmentFund.Text,
		StateCapital: r.StateCapital.Amount.Text + "|" + r.StateCapital.Text,
		Problems:     len(r.Problems), Measures: len(r.Measures), Application: r.Application != "",
	}
	if len(r.Profile.Functions) > 0 {
		s.FirstFunc = head(r.Profile.Functions[0], 10)
	}
	for _, n := range r.Spending.ByNature {
		s.ByNature = append(s.ByNature, n.Name+"="+n.Initial.Text+"/"+n.Final.Text)
		s.NatureParts = append(s.NatureParts, amounts(n.Parts)...)
	}
	for _, a := range r.Achievements {
		var fs []string
		for _, m := range a.Figures {
			fs = append(fs, m.Value.Text)
		}
		s.Achievements = append(s.Achievements, head(a.Title, 8)+": "+strings.Join(fs, " "))
	}
	if len(r.Problems) > 0 {
		s.FirstProblem = head(r.Problems[0].Text, 10)
	}
	return s
}

func readDoc(t testing.TB, path string) *jixiao.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := text.Read(f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestExtractReport reads the report of the real sample and of two shared
// documents, and checks every part against the text.
func TestExtractReport(t *testing.T) {
	tests := []struct {
		path  string
		want  reportSummary
		notes []string // note fields, in order
	}{
		{
			path: "../testdata/samples/yanfeng-sfj-2024.txt",
			want: reportSummary{
				Preface: "根据《预算法》有关“", Functions: 22, FirstFunc: "贯彻落实国家、省、市",
				Institutions: "区司法局内设八个股室", Composition: "雁峰区司法局2024年部门决算公开单位构成为单位本级。",
				Staff:      [4]string{"2024年12月31日", "", "26人", ""},
				Income:     []string{"财政拨款收入=641.2万元", "其他=33.65万元"},
				BySource:   []string{"财政拨款支出=641.2万元", "其他资金支出=33.65万元"},
				ByNature:   []string{"基本支出=435.79万元/388.11万元", "项目支出=59.87万元/286.74万元"},
				ByEconomic: []string{"工资福利支出=400.09万元", "商品和服务支出=234.97万元", "对个人和家庭的补助=24.58万元", "资本性支出=15.21万元"},
				GovFund:    "无|", StateCapital: "无|",
				Achievements: []string{
					"大力开展统筹协调: 19名 29条 12件 6件 9件 18件",
					"大力开展行政执法: 25个 10件 62件 57件 10件 2份",
					"大力开展法治惠民: 424件 111件 191件 1件 121件",
					"大力开展安全保障: 10次 365件 365件 141名 524名",
				},
				Problems: 1, FirstProblem: "年初部门预算前瞻性有", Measures: 2,
			},
			notes: []string{"report.spending.by_economic", "report.spending.by_economic", "report.application"},
		},
		{
			path: "../testdata/docs/hunan-shigu-tyzx-2023.txt",
			want: reportSummary{
				Preface: "根据《湖南省预算绩效", Functions: 4, FirstFunc: "贯彻执行国家、省、市",
				Institutions: "中心内设办公室、群众",
				Staff:        [4]string{"2023年12月31日", "24人", "21人", "9人"},
				Income:       []string{"财政拨款收入=435.30万元", "其他收入=16.88万元"},
				ByNature:     []string{"基本支出=/291.36万元", "项目支出=/139.69万元"},
				NatureParts:  []string{"人员经费=236.80万元", "公用经费=54.56万元", "全民健身赛事活动经费=58.20万元", "健身路径建设维护经费=47.30万元", "场馆运营补助=34.19万元"},
				GovFund:      "30.00万元|主要用于全民健身场地设施建设。", StateCapital: "无|",
				Problems: 2, FirstProblem: "场馆维修计划性不强。", Measures: 3, Application: true,
			},
			notes: []string{"report.profile.composition", "report.spending.by_source", "report.spending.by_economic", "report.achievements"},
		},
		{
			path: "../testdata/docs/hunan-yueyanglou-sfj-2024.txt",
			want: reportSummary{
				Preface: "根据《湖南省预算绩效", Functions: 4, FirstFunc: "负责全区法治宣传教育",
				Institutions: "局机关内设办公室、法",
				Staff:        [4]string{"2024年12月31日", "38人", "34人", "12人"},
				Income:       []string{"财政拨款收入=667.48万元", "其他收入=38.00万元"},
				ByNature:     []string{"基本支出=/470.66万元", "项目支出=/198.25万元"},
				NatureParts:  []string{"人员经费=402.31万元", "公用经费=68.35万元", "法律援助经费=86.40万元", "社区矫正经费=52.85万元", "人民调解以案定补=35.00万元", "普法宣传经费=24.00万元"},
				GovFund:      "无|", StateCapital: "无|",
				Problems: 2, FirstProblem: "绩效目标设置不够细化", Measures: 3, Application: true,
			},
			notes: []string{"report.profile.composition", "report.spending.by_source", "report.spending.by_economic", "report.achievements"},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			rep, notes := ExtractReport(readDoc(t, tt.path))
			if rep == nil {
				t.Fatal("no report")
			}
			if d := cmp.Diff(tt.want, summarize(rep)); d != "" {
				t.Errorf("report (-want +got):\n%s", d)
			}
			var fields []string
			for _, n := range notes {
				fields = append(fields, n.Field)
			}
			if d := cmp.Diff(tt.notes, fields); d != "" {
				t.Errorf("notes (-want +got):\n%s\n%v", d, notes)
			}
		})
	}
}

// TestExtractReportNone: a table with no narrative has no report.
func TestExtractReportNone(t *testing.T) {
	doc := docOf(
		jixiao.Block{Kind: jixiao.BlockParagraph, Text: "项目支出绩效自评表"},
		tableBlock(tbl([]string{"项目名称", "x"})),
	)
	if rep, notes := ExtractReport(doc); rep != nil || notes != nil {
		t.Errorf("report = %+v, notes %v; want none", rep, notes)
	}
}

func TestHeading(t *testing.T) {
	tests := []struct {
		in   string
		sec  rsec
		sub  rsub
		body string
		ok   bool
	}{
		{"一、基本情况", rsProfile, subFunctions, "", true},
		{"3、人员情况", rsProfile, subStaff, "", true},
		{"（二）决算单位构成。雁峰区司法局构成为单位本级。", rsProfile, subComposition, "雁峰区司法局构成为单位本级。", true},
		{"三、政府性基金预算支出情况", rsGovFund, 0, "", true},
		{"2024年度无政府性基金预算支出。", 0, 0, "", false},
		{"存在的问题及原因分析", rsProblems, 0, "", true},
		{"七、下一步改进措施", rsMeasures, 0, "", true},
		{"（1）2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元", 0, 0, "", false},
		{"（4）负责管理全区法律援助工作。", 0, 0, "", false},
	}
	for _, tt := range tests {
		sec, sub, body, ok := heading(tt.in)
		if sec != tt.sec || sub != tt.sub || body != tt.body || ok != tt.ok {
			t.Errorf("heading(%q) = %v %v %q %v, want %v %v %q %v", tt.in, sec, sub, body, ok, tt.sec, tt.sub, tt.body, tt.ok)
		}
	}
}

func TestStripNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（1）贯彻落实", "贯彻落实"},
		{"1．负责全区", "负责全区"},
		{"1、部门基本情况", "部门基本情况"},
		{"一、基本情况", "基本情况"},
		{"（一）内设机构。", "内设机构。"},
		{"1.5万元用于", "1.5万元用于"},
		{"2024年度", "2024年度"},
	}
	for _, tt := range tests {
		if got, _ := stripNumber(tt.in); got != tt.want {
			t.Errorf("stripNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzExtractReport runs the report reader on arbitrary narrative.
func FuzzExtractReport(f *testing.F) {
	for _, p := range []string{"../testdata/samples/yanfeng-sfj-2024.txt", "../testdata/docs/hunan-shigu-tyzx-2023.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			if i := bytes.Index(data, []byte("现报告如下")); i > 600 {
				data = data[i-600:]
			}
			f.Add(bytes.ToValidUTF8(data[:min(len(data), 6000)], nil))
		}
	}
	f.Add([]byte("一、基本情况\n（1）\n一是一是一是\n存在的问题\n（一）。。\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := &jixiao.Document{Blocks: []jixiao.Block{{Kind: jixiao.BlockParagraph, Text: string(data)}}}
		rep, _ := ExtractReport(doc)
		if rep != nil && len(rep.Measures) > len(data) {
			t.Fatalf("%d measures from %d bytes", len(rep.Measures), len(data))
		}
	})
}
