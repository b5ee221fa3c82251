package yamlfile

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/rules"
)

const samplePath = "../testdata/yanfeng-sfj-2024.yaml"

func mustRead(t testing.TB, path string) *jixiao.Evaluation {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Decode(b, path)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestDecodeSample(t *testing.T) {
	ev := mustRead(t, samplePath)
	if ev.Kind != jixiao.KindDepartment || ev.Unit != "雁峰区司法局" || ev.Year != 2024 {
		t.Fatalf("header = %s %s %d", ev.Kind, ev.Unit, ev.Year)
	}
	b := ev.Budget
	if b.Executed.Stated() || b.Request.Stated() {
		t.Error("全年执行数 and 年度预算申请 are blank in the sample and must stay unstated")
	}
	if b.FullYear.Text != "674.85" || b.Rate.Text != "61.23%" || !b.Rate.Percent {
		t.Errorf("budget = %+v", b)
	}
	if got := b.Splits[0].Rows[0].FullYear.Text; got != "641.20" {
		t.Errorf("641.20 read as %q: figures must keep their text", got)
	}
	if got := b.Splits[0].Rows[1].FullYear; !got.Valid || !got.Value.IsZero() || got.Text != "0.0" {
		t.Errorf("a stated 0.0 must be a valid zero, got %+v", got)
	}
	if len(ev.Indicators) != 5 || ev.Indicators[2].Target.Type != jixiao.Qualitative {
		t.Errorf("indicators = %+v", ev.Indicators)
	}
	if !ev.StatedTotal.Value.Equal(decimal.RequireFromString("96.12")) {
		t.Errorf("total = %s", ev.StatedTotal.Text)
	}
}

func TestRoundTrip(t *testing.T) {
	ev := mustRead(t, samplePath)
	var buf bytes.Buffer
	if err := Encode(&buf, ev, Options{}); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(buf.Bytes(), "roundtrip.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	// the lines move with the header comments; the figures must not
	if diff := cmp.Diff(ev, back, cmpopts.IgnoreFields(jixiao.Evaluation{}, "Provenance")); diff != "" {
		t.Errorf("round trip changed the evaluation (-want +got):\n%s", diff)
	}
}

// TestRoundTripReportText: the report text a unit edited in the web
// editor (headings, paragraphs with and without a source block, source
// positions of each kind, text over several lines) is kept by the file.
func TestRoundTripReportText(t *testing.T) {
	ev := mustRead(t, samplePath)
	ev.Report = &jixiao.Report{Preface: "根据《预算法》，现将自评情况报告如下。"}
	ev.Report.Text = []jixiao.ReportText{
		{Block: 0, Kind: jixiao.BlockHeading, Text: "一、部门（单位）基本情况", Pos: jixiao.Position{Line: 3, Col: 1}},
		{Block: 1, Kind: jixiao.BlockParagraph, Text: "项目支出286.74万元，占本年支出42.49%。", Pos: jixiao.Position{Page: 2, Line: 14}},
		{Block: 7, Kind: jixiao.BlockParagraph, Text: "表中所列：\n  第一项\n第二项\n", Pos: jixiao.Position{Sheet: "自评表", Row: 7, Cell: 3}},
		{Block: 9, Kind: jixiao.BlockParagraph, Text: "", Pos: jixiao.Position{Table: 2, Row: 1, Cell: 1}},
		{Block: -1, Kind: jixiao.BlockParagraph, Text: "单位新增的一段说明。"},
	}
	var buf bytes.Buffer
	if err := Encode(&buf, ev, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "报告文字:") || !strings.Contains(buf.String(), "源文件位置: {行: 14, 页: 2}") {
		t.Errorf("the encoded report text:\n%s", buf.String())
	}
	back, err := Decode(buf.Bytes(), "text.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(ev.Report, back.Report, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip changed the report text (-want +got):\n%s", diff)
	}
	ev.Report.Text = nil
	buf.Reset()
	if err := Encode(&buf, ev, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "报告文字") {
		t.Error("an unedited report writes 报告文字")
	}
}

func TestEncodeProvenanceComments(t *testing.T) {
	ev := mustRead(t, samplePath)
	ev.Provenance = map[string]jixiao.Position{"budget.全年预算数": {Line: 25}, "total": {Line: 145}}
	var buf bytes.Buffer
	if err := Encode(&buf, ev, Options{Provenance: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"全年预算数: 674.85 # 第 25 行", "总分: 96.12 # 第 145 行"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		line       int
		field, msg string
	}{
		{"Syntax", "类型: 部门整体\n预算:\n  全年预算数: [1,\n", 0, "", ""},
		{"UnknownField", "类型: 部门整体\n预算:\n  全年预算: 674.85\n", 3, "预算.全年预算", "未知字段"},
		{"FullWidthColon", "类型: 部门整体\n单位：雁峰区司法局\n", 0, "", ""},
		{"NotANumber", "类型: 部门整体\n预算:\n  全年预算数: 六百七十\n", 3, "预算.全年预算数", "不是数字"},
		{"ListWhereValue", "类型: 部门整体\n总分: [1, 2]\n", 2, "总分", "单个值"},
		{"UnknownKind", "类型: 街道\n", 1, "类型", "不是已知类型"},
		{"MissingKind", "单位: x\n", 0, "类型", "缺少"},
		{"BadYear", "类型: 项目\n年度: 二〇二四\n", 2, "年度", "不是年度"},
		{"IndicatorWithoutName", "类型: 项目\n指标:\n  - 一级指标: 产出指标\n    分值: 10\n", 3, "指标[1].三级指标", "缺少"},
		{"IndicatorBadScore", "类型: 项目\n指标:\n  - 一级指标: 产出指标\n    三级指标: x\n    得分: 满分\n", 5, "指标[1].得分", "不是数字"},
		{"BadType", "类型: 项目\n指标:\n  - 一级指标: 产出指标\n    三级指标: x\n    指标值类型: 数值\n", 3, "指标[1].指标值类型", "定量"},
		{"BadTextKind", "类型: 项目\n自评报告:\n  报告文字:\n    - 类别: 表格\n      文字: x\n", 4, "自评报告.报告文字[1].类别", "标题"},
		{"ShortProjectCode", "类型: 项目\n项目编码: 4304\n", 2, "项目编码", "21 位"},
		{"Empty", "", 0, "", "为空"},
		{"TopLevelList", "- a\n- b\n", 1, "", "映射"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.yaml), "f.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if tt.line != 0 && e.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", e.Line, tt.line, err)
			}
			if tt.field != "" && e.Field != tt.field {
				t.Errorf("field = %q, want %q (%v)", e.Field, tt.field, err)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q lacks %q", e.Msg, tt.msg)
			}
			if tt.name == "Syntax" && e.Line == 0 {
				t.Errorf("a syntax error must name its line: %v", err)
			}
		})
	}
}

func TestTemplatesDecode(t *testing.T) {
	for _, name := range rules.Names() {
		rs := rules.MustLoad(name)
		for _, kind := range []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject} {
			t.Run(name+"/"+string(kind), func(t *testing.T) {
				b, err := Template(kind, rs)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Decode(b, "template.yaml")
				// a blank template has indicators without names: the only error is that
				if err == nil || !strings.Contains(err.Error(), "三级指标") {
					t.Fatalf("blank template: err = %v, want only missing indicator names", err)
				}
				if !bytes.Contains(b, []byte("规则集: "+rs.Name)) {
					t.Error("template does not name its rule set")
				}
			})
		}
	}
}

func FuzzDecode(f *testing.F) {
	seed, _ := os.ReadFile(samplePath)
	f.Add(seed)
	f.Add([]byte("类型: 项目\n指标:\n  - {一级指标: a, 三级指标: b, 分值: 1}\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Add([]byte("类型: 部门整体\n预算: {细分: [{名称: x, 行: [{名称: y, 全年预算数: 1e999999}]}]}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := Decode(b, "fuzz.yaml")
		if err == nil && ev == nil {
			t.Fatal("nil evaluation without error")
		}
		if err == nil {
			var buf bytes.Buffer
			if err := Encode(&buf, ev, Options{}); err != nil {
				t.Fatalf("encode of a decoded file failed: %v", err)
			}
		}
	})
}

// TestDecodeReportsEveryProblem: a file with several mistakes names each of
// them, with its line, in Chinese and in valid UTF-8, in one run.
func TestDecodeReportsEveryProblem(t *testing.T) {
	src := "类型: 项目\n" +
		"年度: 二〇二四\n" +
		"预算:\n" +
		"  全年预算: 674.85\n" + // 4: unknown field
		"  全年执行数: 六百七十四点八五万元整\n" + // 5: not a number
		"指标:\n" +
		"  - 一级指标: 产出指标\n" +
		"    三级指标: 培训人次\n" +
		"    得份: 10\n" + // 9: misspelt column
		"    分值: [1, 2]\n" + // 10: list where a value belongs
		"总分: 满分\n" // 11: not a number
	_, err := Decode([]byte(src), "f.yaml")
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error %T %v is not an ErrorList", err, err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
		if !utf8.ValidString(e.Error()) {
			t.Errorf("line %d: invalid UTF-8 in %q", e.Line, e.Error())
		}
		if strings.ContainsAny(e.Msg, "abcdefghijklmnopqrstuvwxyz") && !strings.Contains(e.Msg, "docs/format.md") {
			t.Errorf("line %d: message not in Chinese: %q", e.Line, e.Msg)
		}
	}
	want := []int{2, 4, 5, 9, 10, 11}
	if !slices.Equal(lines, want) {
		t.Errorf("lines = %v, want %v:\n%v", lines, want, err)
	}
}

// TestSyntaxErrorInChinese: a YAML syntax error is explained in Chinese.
func TestSyntaxErrorInChinese(t *testing.T) {
	for _, src := range []string{
		"类型: 部门整体\n预算:\n  全年预算数: [1,\n",
		"类型: 部门整体\n单位：雁峰区司法局\n  x: 1\n",
		"类型: 部门整体\n\t单位: x\n",
		"类型: \"部门整体\n",
	} {
		_, err := Decode([]byte(src), "f.yaml")
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("%q: error %T %v", src, err, err)
		}
		if !strings.HasPrefix(e.Msg, "YAML 语法错误：") || e.Line == 0 || strings.ContainsAny(e.Msg, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestProvenanceLines: the figures of a hand-written file carry their lines.
func TestProvenanceLines(t *testing.T) {
	src := "类型: 项目\n预算:\n  全年预算数: 100\n  全年执行数: 90\n指标:\n  - 一级指标: 产出指标\n    三级指标: x\n    分值: 10\n    得分: 8\n总分: 98\n"
	ev, err := Decode([]byte(src), "f.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for key, line := range map[string]int{"budget.全年预算数": 3, "budget.全年执行数": 4, "indicators[0].得分": 9, "indicators[0].三级指标": 7, "indicators[0].偏差原因分析及改进措施": 6, "total": 10} {
		if got := ev.Provenance[key].Line; got != line {
			t.Errorf("%s: line %d, want %d", key, got, line)
		}
	}
}

// TestPlainNumber holds plainNumber to the regular expression it stands
// for, and says integer exactly when there is no fraction.
func TestPlainNumber(t *testing.T) {
	re := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	for _, s := range []string{"", "0", "-", "-0", "674.85", "-674.85", "1.", ".5", "1.2.3", "--1", "1-", "61.23%", "１２", "1e5", " 1", "1 ",
		"007", "99999999999999999999", "0.0", "-.5", "1..2", "12a", "a12", "十", "1.2a"} {
		ok, integer := plainNumber(s)
		if want := re.MatchString(s); ok != want {
			t.Errorf("plainNumber(%q) = %v, the expression says %v", s, ok, want)
		}
		if want := ok && !strings.Contains(s, "."); integer != want {
			t.Errorf("plainNumber(%q): integer %v, want %v", s, integer, want)
		}
	}
}
